import { Anchor, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import type { CustomerUserRow, Page } from '../../api/types.ts';

/** Customer users found by name, login or email, each with their customers and a link to their tickets. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const users = useQuery({
    queryKey: ['customer-users', 'page', q],
    queryFn: () => api<Page<CustomerUserRow>>('GET', withQuery('/customer-users', { q: q.trim(), pageSize: 50 })),
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.customers')}
      </Title>
      <TextInput
        label={t('nav.search')}
        description={t('placeholder.customersHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {users.isPending ? (
        <Loader />
      ) : (
        <Table striped aria-label={t('nav.customers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customer.name')}</Table.Th>
              <Table.Th>{t('customer.login')}</Table.Th>
              <Table.Th>{t('zoom.email')}</Table.Th>
              <Table.Th>{t('zoom.phone')}</Table.Th>
              <Table.Th>{t('ticket.customer')}</Table.Th>
              <Table.Th>{t('nav.tickets')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.items ?? []).map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{`${user.firstName} ${user.lastName}`}</Table.Td>
                <Table.Td>{user.login}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{user.phone || user.mobile}</Table.Td>
                <Table.Td>{user.customers.map((c) => c.name).join(', ')}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/tickets/search?customerUserId=${user.id}`}>
                    {t('nav.search')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {users.data?.total === 0 && <Text c="dimmed">{t('dashboard.noTickets')}</Text>}
    </Stack>
  );
}
