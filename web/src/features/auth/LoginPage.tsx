import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { ForgotPassword } from './ForgotPassword.tsx';

/** The login of the agent app or, `as` customer, of the customer portal. */
export function LoginPage({ as }: { as: 'agent' | 'customer' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [forgot, setForgot] = useState(false);
  const { submit, busy, error } = useSubmit(
    () => api<{ csrfToken: string; me: Me }>('POST', '/sessions', { login, password, as }),
    (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(['session'], session.me);
    },
  );

  if (forgot) {
    return (
      <AuthCard title={t('reset.title')}>
        <ForgotPassword as={as} onBack={() => setForgot(false)} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={as === 'agent' ? t('login.title') : t('portal.loginTitle')} error={error?.message}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('login.login')}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            autoComplete="username"
            required
            autoFocus
          />
          <PasswordInput
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={() => setForgot(true)}>
            {t('login.forgot')}
          </Anchor>
          <LanguagePicker />
        </Stack>
      </form>
    </AuthCard>
  );
}
