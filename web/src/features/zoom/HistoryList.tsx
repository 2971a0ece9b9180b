import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHistory } from '../../api/queries.ts';
import { useFormat } from '../../components/format.ts';

/** The full history of the ticket, newest first, each change with who and when. */
export function HistoryList({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useHistory(ticketId).data ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="history-title">
      <Title order={2} size="h5" id="history-title" mb="xs">
        {t('zoom.history')}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.action')}</Table.Th>
            <Table.Th>{t('history.details')}</Table.Th>
            <Table.Th>{t('history.by')}</Table.Th>
            <Table.Th>{t('ticket.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...history].reverse().map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{entry.type}</Table.Td>
              <Table.Td>
                {Object.entries(entry.data)
                  .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
                  .join(', ')}
              </Table.Td>
              <Table.Td>{entry.by}</Table.Td>
              <Table.Td>{format.dateTime(entry.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
