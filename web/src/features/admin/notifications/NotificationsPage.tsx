import { Loader, Pagination, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../api/client.ts';
import { NOTIFICATION_EVENTS } from '../../../api/notification-events.ts';
import type { Page } from '../../../api/types.ts';
import type { Row } from '../resource/types.ts';
import { AgentNotificationsRow } from './AgentNotificationsRow.tsx';

const PAGE_SIZE = 25;

/** Which email notifications each active agent gets: agents × events, a switch per cell. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const agents = useQuery({
    queryKey: ['admin', 'agents', 'notifications', q, page],
    queryFn: () => api<Page<Row>>('GET', withQuery('/agents', { q, valid: true, page, pageSize: PAGE_SIZE })),
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.resource.notifications.title')}
      </Title>
      <Text c="dimmed">{t('admin.notifications.hint')}</Text>
      <TextInput
        label={t('admin.notifications.search')}
        w={320}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      {agents.isPending ? (
        <Loader />
      ) : agents.isError ? (
        <Text c="red">{agents.error.message}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t('admin.resource.notifications.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.notifications.agent')}</Table.Th>
                {NOTIFICATION_EVENTS.map((event) => (
                  <Table.Th key={event} ta="center">
                    <Tooltip label={t(`admin.notifications.explain.${event}`)} multiline w={240} withArrow>
                      <span>{t(`admin.notifications.event.${event}`)}</span>
                    </Tooltip>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.data.items.map((agent) => (
                <AgentNotificationsRow key={agent.id} agent={agent} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {agents.data?.total === 0 && <Text c="dimmed">{t('admin.list.none')}</Text>}
      {agents.data && agents.data.total > PAGE_SIZE && (
        <Pagination total={Math.ceil(agents.data.total / PAGE_SIZE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
