import { Anchor, AppShell, Box, Button, Group, Loader, Menu, Text, UnstyledButton } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { useLiveUpdates } from './live.ts';
import { useSession } from './session.tsx';

/** The navigation of the operator manual: Dashboard, Customers, Calendar, Tickets, Reports, Admin. */
export function Layout() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  useLiveUpdates();
  const link = (to: string, label: string) => (
    <Anchor component={NavLink} to={to} end fw={500} c="dark">
      {label}
    </Anchor>
  );
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group component="nav" aria-label={t('app.name')} gap="md" wrap="nowrap">
            <Text fw={700} c="blue.8" visibleFrom="lg">
              {t('app.name')}
            </Text>
            {link('/', t('nav.dashboard'))}
            {link('/customers', t('nav.customers'))}
            {link('/calendar', t('nav.calendar'))}
            <Menu position="bottom-start">
              <Menu.Target>
                <UnstyledButton fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {t('nav.tickets')} <span aria-hidden>▾</span>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => navigate('/tickets')}>{t('nav.queueView')}</Menu.Item>
                <Menu.Item onClick={() => navigate('/tickets/status')}>{t('nav.statusView')}</Menu.Item>
                <Menu.Item onClick={() => navigate('/tickets/escalation')}>{t('nav.escalationView')}</Menu.Item>
                <Menu.Item onClick={() => navigate('/tickets/locked')}>{t('nav.myLocked')}</Menu.Item>
                <Menu.Item onClick={() => navigate('/tickets/responsible')}>{t('nav.myResponsible')}</Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={() => navigate('/tickets/new-phone')}>{t('nav.newPhoneTicket')}</Menu.Item>
                <Menu.Item onClick={() => navigate('/tickets/new-email')}>{t('nav.newEmailTicket')}</Menu.Item>
                <Menu.Item onClick={() => navigate('/tickets/search')}>{t('nav.search')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {link('/reports', t('nav.reports'))}
            {me.isAdmin && link('/admin', t('nav.admin'))}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguagePicker
              onChosen={(language) =>
                void api('PATCH', '/sessions/current/preferences', { language }).catch(() => undefined)
              }
            />
            <Anchor component={NavLink} to="/preferences" size="sm" visibleFrom="lg" title={t('preferences.title')}>
              {me.name}
            </Anchor>
            <Button variant="subtle" size="xs" onClick={() => void logout()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box id="main" component="main" tabIndex={-1}>
          <Suspense fallback={<Loader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
