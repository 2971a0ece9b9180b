import { AppShell, Box, Button, Group, Loader, Text } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';

interface Props {
  /** the name in the header, also the navigation's label */
  title: string;
  colour: string;
  /** the navigation's links */
  nav: ReactNode;
  /** shown before the logout button: the person's name, or a link to their preferences */
  person: ReactNode;
  maxWidth?: number;
}

/**
 * The frame of the agent app and of the customer portal: a skip link, the header with navigation,
 * the language switch (saved as the person's language) and logout, and the page below.
 */
export function AppFrame({ title, colour, nav, person, maxWidth }: Props) {
  const { t } = useTranslation();
  const { logout } = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group component="nav" aria-label={title} gap="md" wrap="nowrap">
            <Text fw={700} c={colour} visibleFrom="lg">
              {title}
            </Text>
            {nav}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguagePicker
              onChosen={(language) =>
                void api('PATCH', '/sessions/current/preferences', { language }).catch(() => undefined)
              }
            />
            {person}
            <Button variant="subtle" size="xs" onClick={() => void logout()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box id="main" component="main" tabIndex={-1} maw={maxWidth} mx={maxWidth ? 'auto' : undefined}>
          <Suspense fallback={<Loader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
