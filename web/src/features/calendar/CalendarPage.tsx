import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTickets } from '../../api/queries.ts';
import type { Ticket } from '../../api/types.ts';
import { useFormat } from '../../components/format.ts';

/** Days 1–7 of a week that starts on Monday 2024-01-01, and the empty cells before a month's first day. */
const WEEK = [1, 2, 3, 4, 5, 6, 7];
const BLANKS = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];

/**
 * A month of pending reminders (the agent's time zone), Monday first; overdue reminders are listed
 * above it. Escalations join when SLAs get times.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const pending = useTickets({ stateType: ['pending_reminder'], sort: 'pending', order: 'asc', pageSize: 200 });
  if (pending.isPending) return <Loader />;

  const dayKey = new Intl.DateTimeFormat('en-CA', {
    timeZone: format.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const today = dayKey.format(new Date());
  const [year = 1970, month = 1] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + offset, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const byDay = new Map<string, Ticket[]>();
  const overdue: Ticket[] = [];
  for (const ticket of pending.data?.items ?? []) {
    if (!ticket.pendingUntil) continue;
    const key = dayKey.format(new Date(ticket.pendingUntil));
    if (key < today) overdue.push(ticket);
    byDay.set(key, [...(byDay.get(key) ?? []), ticket]);
  }
  const monthName = new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    first,
  );
  const weekday = new Intl.DateTimeFormat(format.locale, { weekday: 'short', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(format.locale, { timeZone: format.timeZone, timeStyle: 'short' });
  const line = (ticket: Ticket) => (
    <Text key={ticket.id} size="xs" lineClamp={2}>
      {ticket.pendingUntil && time.format(new Date(ticket.pendingUntil))}{' '}
      <Anchor component={Link} to={`/tickets/${ticket.id}`} size="xs">
        {ticket.tn}
      </Anchor>{' '}
      {ticket.title}
    </Text>
  );
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.calendar')} — {t('placeholder.calendar')}
      </Title>
      {overdue.length > 0 && (
        <Paper withBorder p="sm" bg="red.0">
          <Text fw={500} size="sm">
            {t('calendar.overdue')}
          </Text>
          {overdue.map(line)}
        </Paper>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => setOffset(offset - 1)} aria-label={t('calendar.previous')}>
          ←
        </Button>
        <Title order={2} size="h4" aria-live="polite">
          {monthName}
        </Title>
        <Button variant="default" size="xs" onClick={() => setOffset(offset + 1)} aria-label={t('calendar.next')}>
          →
        </Button>
        {offset !== 0 && (
          <Button variant="subtle" size="xs" onClick={() => setOffset(0)}>
            {t('calendar.today')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={7} spacing={4} role="grid" aria-label={monthName}>
        {WEEK.map((day) => (
          <Text key={day} size="xs" fw={700} ta="center" role="columnheader">
            {/* 2024-01-01 was a Monday */}
            {weekday.format(new Date(Date.UTC(2024, 0, day)))}
          </Text>
        ))}
        {BLANKS.slice(0, lead).map((blank) => (
          <div key={blank} />
        ))}
        {Array.from({ length: days }, (_, index) => {
          const key = `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(index + 1).padStart(2, '0')}`;
          const tickets = byDay.get(key) ?? [];
          return (
            <Paper
              key={key}
              withBorder
              p={4}
              mih={80}
              bg={key === today ? 'blue.0' : undefined}
              role="gridcell"
              aria-label={key}
            >
              <Text size="xs" c="dimmed">
                {index + 1}
              </Text>
              {tickets.map(line)}
            </Paper>
          );
        })}
      </SimpleGrid>
      {(pending.data?.items.length ?? 0) === 0 && <Text c="dimmed">{t('placeholder.calendarEmpty')}</Text>}
    </Stack>
  );
}
