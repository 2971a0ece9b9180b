import { Anchor, AppShell, Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';

export function PortalLayout() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group component="nav" aria-label={t('portal.title')} gap="md" wrap="nowrap">
            <Text fw={700} c="teal.8">
              {t('portal.title')}
            </Text>
            <Anchor component={NavLink} to="/portal" end fw={500} c="dark">
              {t('portal.myTickets')}
            </Anchor>
            <Anchor component={NavLink} to="/portal/tickets/new" fw={500} c="dark">
              {t('portal.newTicket')}
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguagePicker
              onChosen={(language) =>
                void api('PATCH', '/sessions/current/preferences', { language }).catch(() => undefined)
              }
            />
            <Text size="sm" visibleFrom="sm">
              {me.name}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => void logout()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box id="main" component="main" tabIndex={-1} maw={1000} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
