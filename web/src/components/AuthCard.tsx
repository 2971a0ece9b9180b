import { Alert, Center, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The card of the pages before logging in (login, new password): a title, an error, the form. */
export function AuthCard({ title, error, children }: { title: string; error?: string | null; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        <Stack>
          <Title order={1} size="h3">
            {title}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
