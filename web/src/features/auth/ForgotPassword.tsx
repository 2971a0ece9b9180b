import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

/** "Forgotten your password?": asks for the user name; the server emails a link if the account exists. */
export function ForgotPassword({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/password-resets', { login: login.trim(), as: 'agent' });
      setSent(true);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {sent ? (
          <Alert color="green" role="status">
            {t('reset.sent')}
          </Alert>
        ) : (
          <>
            {error && (
              <Alert color="red" role="alert">
                {error}
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
          </>
        )}
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('reset.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
