import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../components/use-submit.ts';

/** "Forgotten your password?": asks for the user name; the server emails a link if the account exists. */
export function ForgotPassword({ as, onBack }: { as: 'agent' | 'customer'; onBack: () => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState(false);
  const { submit, busy, error } = useSubmit(
    () => api('POST', '/password-resets', { login: login.trim(), as }),
    () => setSent(true),
  );
  if (sent) {
    return (
      <Stack>
        <Alert color="green" role="status">
          {t('reset.sent')}
        </Alert>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('reset.back')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <TextInput
          label={t('login.login')}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          autoComplete="username"
          required
          autoFocus
        />
        <Button type="submit" loading={busy}>
          {t('reset.send')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('reset.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
