import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { ForgotPassword } from './ForgotPassword.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<{ csrfToken: string; me: Me }>('POST', '/sessions', { login, password, as: 'agent' });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(['session'], session.me);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        {forgot ? (
          <Stack>
            <Title order={1} size="h3">
              {t('reset.title')}
            </Title>
            <ForgotPassword onBack={() => setForgot(false)} />
          </Stack>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Title order={1} size="h3">
                {t('login.title')}
              </Title>
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
        )}
      </Paper>
    </Center>
  );
}
