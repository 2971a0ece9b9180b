import { Anchor, Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { AppFrame } from '../components/AppFrame.tsx';
import { useLiveUpdates } from './live.ts';
import { useSession } from './session.tsx';

/** The navigation of the operator manual: Dashboard, Customers, Calendar, Tickets, Reports, Admin. */
export function Layout() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  useLiveUpdates();
  const link = (to: string, label: string, end = true) => (
    <Anchor component={NavLink} to={to} end={end} fw={500} c="dark">
      {label}
    </Anchor>
  );
  return (
    <AppFrame
      title={t('app.name')}
      colour="blue.8"
      nav={
        <>
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
          {me.isAdmin && link('/admin', t('nav.admin'), false)}
        </>
      }
      person={
        <Anchor component={NavLink} to="/preferences" size="sm" visibleFrom="lg" title={t('preferences.title')}>
          {me.name}
        </Anchor>
      }
    />
  );
}
