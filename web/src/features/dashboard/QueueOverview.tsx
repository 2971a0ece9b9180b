import { Anchor, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { QueueOverviewRow } from '../../api/types.ts';

export function QueueOverview() {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: ['dashboard', 'queue-overview'],
    queryFn: () => api<{ items: QueueOverviewRow[] }>('GET', '/dashboard/queue-overview'),
  });
  if (overview.isPending) return <Loader size="sm" />;
  const rows = overview.data?.items ?? [];
  if (rows.length === 0) return <Text c="dimmed">{t('dashboard.noQueues')}</Text>;
  return (
    <Table aria-label={t('dashboard.queueOverview')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ticket.queue')}</Table.Th>
          <Table.Th>{t('stateType.new')}</Table.Th>
          <Table.Th>{t('stateType.open')}</Table.Th>
          <Table.Th>{t('stateType.pending_reminder')}</Table.Th>
          <Table.Th>{t('dashboard.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.queue.id}>
            <Table.Td>
              <Anchor component={Link} to={`/tickets?queueId=${row.queue.id}`}>
                {row.queue.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.new}</Table.Td>
            <Table.Td>{row.open}</Table.Td>
            <Table.Td>{row.pendingReminder}</Table.Td>
            <Table.Td>{row.total}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
