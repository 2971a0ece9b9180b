import { Anchor, Loader, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTicketHook } from '../api/public-settings.ts';
import { useTickets } from '../api/queries.ts';
import { useSession } from '../app/session.tsx';
import { useFormat } from '../components/format.ts';
import { useNames } from '../components/names.ts';

const PAGE_SIZE = 25;

/**
 * "My tickets": the ones the customer user opened, or every ticket they may see (their customers'
 * where the desk allows it), newest change first, with state and last change.
 */
export function PortalTicketsPage() {
  const { t } = useTranslation();
  const { hook } = useTicketHook();
  const { me } = useSession();
  const format = useFormat();
  const name = useNames();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [page, setPage] = useState(1);
  const list = useTickets({
    customerUserId: scope === 'mine' ? me.id : undefined,
    sort: 'changed',
    order: 'desc',
    page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('portal.myTickets')}
      </Title>
      <SegmentedControl
        w="fit-content"
        value={scope}
        onChange={(value) => {
          setScope(value as 'mine' | 'all');
          setPage(1);
        }}
        data={[
          { value: 'mine', label: t('portal.openedByMe') },
          { value: 'all', label: t('portal.allICanSee') },
        ]}
      />
      {list.isPending ? (
        <Loader />
      ) : list.data?.items.length ? (
        <Table striped aria-label={t('portal.myTickets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{hook}</Table.Th>
              <Table.Th>{t('ticket.title')}</Table.Th>
              <Table.Th>{t('ticket.state')}</Table.Th>
              <Table.Th>{t('portal.openedBy')}</Table.Th>
              <Table.Th>{t('ticket.customer')}</Table.Th>
              <Table.Th>{t('portal.lastChange')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((ticket) => (
              <Table.Tr key={ticket.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/portal/tickets/${ticket.id}`} ff="monospace" fz="sm">
                    {ticket.tn}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ticket.title}</Table.Td>
                <Table.Td>{name(ticket.state.name)}</Table.Td>
                <Table.Td>{ticket.customerUser?.name ?? ''}</Table.Td>
                <Table.Td>{ticket.customer?.name ?? ''}</Table.Td>
                <Table.Td>{format.dateTime(ticket.changedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">{t('dashboard.noTickets')}</Text>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}
