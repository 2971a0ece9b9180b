import { Button, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { useFormat, zonedToUtc } from '../../../components/format.ts';
import { rowLabel, useRefRows } from '../resource/ref-options.ts';
import { type AdminChange, OBJECT_TYPES } from './admin-change.ts';
import { CHANGE_COLUMNS, ChangeRow } from './ChangeRow.tsx';
import { useChangeLabels } from './change-labels.ts';

const PAGE_SIZE = 50;

/**
 * The admin change log: every change to the configuration, newest first, by object type, agent,
 * name and day. The filters are in the address (?objectType=queues&objectId=12), so a screen can
 * link to the history of one object.
 */
export function ChangeLogPage() {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const labels = useChangeLabels();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const agents = useRefRows('agents');
  const filter = (name: string) => params.get(name) ?? null;
  const [objectType, objectId, agentId, from, to] = ['objectType', 'objectId', 'agentId', 'from', 'to'].map(filter);
  const page = Number(params.get('page') ?? '1');
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  const query = {
    objectType,
    objectId,
    agentId,
    q,
    // whole days in the admin's time zone; 24:00 of the last day is the start of the next
    from: from ? zonedToUtc(`${from}T00:00`, timeZone) : null,
    before: to ? zonedToUtc(`${to}T24:00`, timeZone) : null,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['admin', 'admin-changes', query],
    queryFn: () => api<Page<AdminChange>>('GET', withQuery('/admin-changes', query)),
  });
  const title = t('admin.resource.changes.title');
  const typeOptions = OBJECT_TYPES.map((type) => ({ value: type, label: labels.objectType(type) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{t('admin.changeLog.hint')}</Text>
      <Group align="end">
        <Select
          label={t('admin.changeLog.objectType')}
          clearable
          searchable
          data={typeOptions}
          value={objectType}
          onChange={(value) => set({ objectType: value, objectId: null })}
        />
        <Select
          label={t('admin.changeLog.agent')}
          clearable
          searchable
          data={(agents.data ?? []).map((row) => ({ value: String(row.id), label: rowLabel(row) }))}
          value={agentId}
          onChange={(value) => set({ agentId: value })}
        />
        <TextInput
          label={t('admin.changeLog.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            set({});
          }}
        />
        <TextInput
          type="date"
          label={t('admin.changeLog.from')}
          value={from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || null })}
        />
        <TextInput
          type="date"
          label={t('admin.changeLog.to')}
          value={to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || null })}
        />
        {objectId && (
          <Button variant="light" onClick={() => set({ objectId: null })}>
            {t('admin.changeLog.allObjects', { id: objectId })}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Loader />
      ) : list.isError ? (
        <Text c="red">{list.error.message}</Text>
      ) : (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.changeLog.changedAt')}</Table.Th>
              <Table.Th>{t('admin.changeLog.agent')}</Table.Th>
              <Table.Th>{t('admin.changeLog.action')}</Table.Th>
              <Table.Th>{t('admin.changeLog.objectType')}</Table.Th>
              <Table.Th>{t('admin.changeLog.object')}</Table.Th>
              <Table.Th>{t('admin.changeLog.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((change) => (
              <ChangeRow key={change.id} change={change} />
            ))}
            {list.data.total === 0 && (
              <Table.Tr>
                <Table.Td colSpan={CHANGE_COLUMNS}>
                  <Text c="dimmed">{t('admin.list.none')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(list.data.total / PAGE_SIZE)}
          value={page}
          onChange={(next) => set({ page: String(next) })}
        />
      )}
    </Stack>
  );
}
