import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session.tsx';
import { AppFrame } from '../components/AppFrame.tsx';

export function PortalLayout() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <AppFrame
      title={t('portal.title')}
      colour="teal.8"
      maxWidth={1000}
      nav={
        <>
          <Anchor component={NavLink} to="/portal" end fw={500} c="dark">
            {t('portal.myTickets')}
          </Anchor>
          <Anchor component={NavLink} to="/portal/tickets/new" fw={500} c="dark">
            {t('portal.newTicket')}
          </Anchor>
        </>
      }
      person={
        <Text size="sm" visibleFrom="sm">
          {me.name}
        </Text>
      }
    />
  );
}
