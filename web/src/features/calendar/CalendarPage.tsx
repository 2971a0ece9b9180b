import { Anchor, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTickets } from '../../api/queries.ts';
import { useFormat } from '../../components/format.ts';

/** Pending reminders by day, in the agent's time zone (escalations join when SLAs get times). */
export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = useTickets({ stateType: ['pending_reminder'], sort: 'pending', order: 'asc', pageSize: 200 });
  if (pending.isPending) return <Loader />;
  const dayOf = new Intl.DateTimeFormat(format.locale, { timeZone: format.timeZone, dateStyle: 'full' });
  const days = new Map<string, typeof items>();
  const items = pending.data?.items ?? [];
  for (const ticket of items) {
    const day = ticket.pendingUntil ? dayOf.format(new Date(ticket.pendingUntil)) : '—';
    days.set(day, [...(days.get(day) ?? []), ticket]);
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.calendar')} — {t('placeholder.calendar')}
      </Title>
      {items.length === 0 && <Text c="dimmed">{t('placeholder.calendarEmpty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {[...days].map(([day, tickets]) => (
          <Paper key={day} withBorder p="sm">
            <Title order={2} size="h5" mb="xs">
              {day}
            </Title>
            {tickets.map((ticket) => (
              <Text key={ticket.id} size="sm">
                {format.dateTime(ticket.pendingUntil).split(' ').pop()}{' '}
                <Anchor component={Link} to={`/tickets/${ticket.id}`}>
                  {ticket.tn}
                </Anchor>{' '}
                {ticket.title}
              </Text>
            ))}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
