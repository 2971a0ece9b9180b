import { Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Ticket } from '../../api/types.ts';
import { useFormat } from '../../components/format.ts';
import { useNames } from '../../components/names.ts';

/** "Ticket information": type, age, created, state, lock, priority, queue, customer ID, time, owner, responsible, SLA. */
export function TicketInfo({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useNames();
  const rows: Array<[string, string]> = [
    [t('ticket.type'), ticket.type?.name ?? '—'],
    [t('ticket.age'), format.age(ticket.createdAt)],
    [t('ticket.created'), format.dateTime(ticket.createdAt)],
    [t('ticket.state'), name(ticket.state.name)],
    [t('ticket.lock'), ticket.lock === 'lock' ? t('ticket.locked') : t('ticket.unlocked')],
    [t('ticket.priority'), name(ticket.priority.name)],
    [t('ticket.queue'), ticket.queue.name],
    [t('ticket.customerId'), ticket.customer?.customerKey ?? '—'],
    [t('ticket.accountedTime'), t('ticket.minutes', { count: ticket.accountedMinutes ?? 0 })],
    [t('ticket.owner'), ticket.owner?.name ?? '—'],
    [t('ticket.responsible'), ticket.responsible?.name ?? '—'],
    [t('ticket.service'), ticket.service?.name ?? '—'],
    [t('ticket.sla'), ticket.sla?.name ?? '—'],
  ];
  if (ticket.pendingUntil) rows.splice(4, 0, [t('ticket.pendingUntil'), format.dateTime(ticket.pendingUntil)]);
  const closed = ticket.state.type.startsWith('closed');
  const rating = useQuery({
    queryKey: ['rating', ticket.id],
    enabled: closed,
    queryFn: () =>
      api<{ rating: { rating: number; comment: string } | null }>('GET', `/tickets/${ticket.id}/rating`).then(
        (r) => r.rating,
      ),
  }).data;
  if (rating) rows.push([t('ticket.rating'), `${rating.rating}/5${rating.comment ? ` — ${rating.comment}` : ''}`]);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="ticket-info">
      <Title order={2} size="h5" id="ticket-info" mb="xs">
        {t('zoom.ticketInfo')}
      </Title>
      <Table variant="vertical" withRowBorders={false} data-testid="ticket-info">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="45%">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
