import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useTickets } from '../../api/queries.ts';
import type { CustomerUserRow, Ticket } from '../../api/types.ts';

/** "Customer information": the customer user, their customer, and that customer's other open tickets. */
export function CustomerInfo({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const userId = ticket.customerUser?.id;
  const user = useQuery({
    queryKey: ['customer-user', userId],
    enabled: userId !== undefined,
    queryFn: () => api<CustomerUserRow>('GET', `/customer-users/${userId}`),
  });
  const others = useTickets(
    { customerId: ticket.customer?.id, stateType: ['open_any'], pageSize: 10 },
    ticket.customer !== null,
  );
  const rows: Array<[string, string]> = user.data
    ? [
        [t('customer.name'), `${user.data.firstName} ${user.data.lastName}`],
        [t('customer.login'), user.data.login],
        [t('zoom.email'), user.data.email],
        [t('zoom.phone'), user.data.phone || user.data.mobile || '—'],
        [t('ticket.customer'), ticket.customer?.name ?? '—'],
      ]
    : [[t('ticket.customer'), ticket.customer?.name ?? ticket.customerContact ?? '—']];
  const otherTickets = ticket.customer ? (others.data?.items ?? []).filter((other) => other.id !== ticket.id) : [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="customer-info">
      <Title order={2} size="h5" id="customer-info" mb="xs">
        {t('zoom.customerInfo')}
      </Title>
      {!userId && (
        <Text size="sm" c="dimmed">
          {t('zoom.noCustomer')}
        </Text>
      )}
      <Table variant="vertical" withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="45%">{label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {otherTickets.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="sm" fw={500}>
            {t('zoom.otherOpenTickets')}
          </Text>
          {otherTickets.map((other) => (
            <Anchor key={other.id} component={Link} to={`/tickets/${other.id}`} size="sm">
              {other.tn} — {other.title}
            </Anchor>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
