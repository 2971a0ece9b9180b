import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { useSubmit } from '../../components/use-submit.ts';

/** The page the reset email links to: a new password, twice; then back to the login. */
export function ResetPasswordPage({ as }: { as: 'agent' | 'customer' }) {
  const { t } = useTranslation();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const { submit, busy, error } = useSubmit(
    async () => {
      if (password !== again) throw new Error(t('reset.mismatch'));
      return api('POST', '/password-resets/confirm', { token, password });
    },
    () => setDone(true),
  );
  return (
    <AuthCard title={t('reset.title')} error={error?.message}>
      {done ? (
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <PasswordInput
              label={t('reset.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              required
            />
            <PasswordInput
              label={t('reset.again')}
              value={again}
              onChange={(e) => setAgain(e.currentTarget.value)}
              autoComplete="new-password"
              required
            />
            <Button type="submit" loading={busy}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor href={as === 'agent' ? '/' : '/portal'} size="sm">
        {t('reset.toLogin')}
      </Anchor>
    </AuthCard>
  );
}
