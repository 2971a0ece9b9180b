import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

/** The page the reset email links to: a new password, twice; then back to the login. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) return setError(t('reset.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/password-resets/confirm', { token, password });
      setDone(true);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h3">
              {t('reset.title')}
            </Title>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            {done ? (
              <Alert color="green" role="status">
                {t('reset.done')}
              </Alert>
            ) : (
              <>
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
              </>
            )}
            <Anchor href="/" size="sm">
              {t('reset.toLogin')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
