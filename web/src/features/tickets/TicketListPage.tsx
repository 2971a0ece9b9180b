import {
  Button,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type TicketFilter, useAgents, useConfigList, useTickets } from '../../api/queries.ts';
import { useSession } from '../../app/session.tsx';
import { useFormat, zonedToUtc } from '../../components/format.ts';
import { type SortKey, TicketTable } from '../../components/TicketTable.tsx';
import { BulkActions } from './BulkActions.tsx';
import { SavedSearches } from './SavedSearches.tsx';

export type ListView = 'queue' | 'status' | 'locked' | 'responsible' | 'search';
const PAGE_SIZE = 50;

/** The ticket views of the manual's "Tickets" menu; the filter lives in the URL, so views can be bookmarked. */
export function TicketListPage({ view }: { view: ListView }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const queues = useConfigList('queues');
  const states = params.get('state') ?? (view === 'status' ? 'open_any' : '');
  const queueId = params.get('queueId');
  const q = params.get('q') ?? '';
  const customerUserId = params.get('customerUserId');
  const ownerId = params.get('ownerId');
  const customerId = params.get('customerId');
  const from = params.get('from');
  const to = params.get('to');
  const format = useFormat();
  const agents = useAgents();
  const customers = useConfigList('customers');
  const sort = (params.get('sort') ?? 'created') as SortKey;
  const order = (params.get('order') ?? 'desc') as 'asc' | 'desc';
  const page = Number(params.get('page') ?? '1');

  const filter: TicketFilter = { sort, order, page, pageSize: PAGE_SIZE };
  if (queueId) filter.queueId = [Number(queueId)];
  if (view === 'queue') filter.stateType = ['open_any'];
  if (view === 'status' || view === 'search') filter.stateType = states ? [states] : undefined;
  if (view === 'locked') Object.assign(filter, { ownerId: me.id, lock: 'lock', stateType: ['open_any'] });
  if (view === 'responsible') Object.assign(filter, { responsibleId: me.id, stateType: ['open_any'] });
  if (view === 'search') filter.q = q || undefined;
  if (customerUserId) filter.customerUserId = Number(customerUserId);
  if (view === 'search') {
    if (ownerId) filter.ownerId = Number(ownerId);
    if (customerId) filter.customerId = Number(customerId);
    // whole days in the agent's time zone: from the start of "from" to the end of "to"
    if (from) filter.createdFrom = zonedToUtc(`${from}T00:00`, format.timeZone);
    if (to) filter.createdBefore = zonedToUtc(`${nextDay(to)}T00:00`, format.timeZone);
  }
  const searching = view !== 'search' || [q, customerUserId, ownerId, customerId, from, to].some(Boolean);
  const list = useTickets(searching ? filter : { ...filter, pageSize: 1 });

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
    setSelected(new Set());
  };

  const titles: Record<ListView, string> = {
    queue: t('nav.queueView'),
    status: t('nav.statusView'),
    locked: t('nav.myLocked'),
    responsible: t('nav.myResponsible'),
    search: t('nav.search'),
  };
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const [text, setText] = useState(q);
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() || null });
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {titles[view]}
      </Title>
      {view === 'search' && (
        <search>
          <form onSubmit={submitSearch}>
            <Group align="end">
              <TextInput
                flex={1}
                label={t('nav.search')}
                placeholder={t('list.searchPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Button type="submit">{t('nav.search')}</Button>
            </Group>
          </form>
        </search>
      )}
      <Group align="end">
        {(view === 'queue' || view === 'search' || view === 'status') && (
          <Select
            label={t('ticket.queue')}
            placeholder={t('list.allQueues')}
            clearable
            searchable
            data={(queues.data ?? []).map((queue) => ({ value: String(queue.id), label: queue.name }))}
            value={queueId}
            onChange={(value) => set({ queueId: value })}
          />
        )}
        {(view === 'status' || view === 'search') && (
          <SegmentedControl
            aria-label={t('list.stateFilter')}
            value={states}
            onChange={(value) => set({ state: value || null })}
            data={[
              { value: 'open_any', label: t('list.openAny') },
              { value: 'closed_any', label: t('list.closedAny') },
              ...(view === 'search' ? [{ value: '', label: t('list.any') }] : []),
            ]}
          />
        )}
        {view === 'search' && (
          <>
            <Select
              label={t('ticket.owner')}
              clearable
              searchable
              data={(agents.data ?? []).map((a) => ({ value: String(a.id), label: `${a.firstName} ${a.lastName}` }))}
              value={ownerId}
              onChange={(value) => set({ ownerId: value })}
            />
            <Select
              label={t('ticket.customer')}
              clearable
              searchable
              data={(customers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              value={customerId}
              onChange={(value) => set({ customerId: value })}
            />
            <TextInput
              type="date"
              label={t('list.createdFrom')}
              value={from ?? ''}
              onChange={(e) => set({ from: e.currentTarget.value || null })}
            />
            <TextInput
              type="date"
              label={t('list.createdTo')}
              value={to ?? ''}
              onChange={(e) => set({ to: e.currentTarget.value || null })}
            />
          </>
        )}
        {view === 'search' && <SavedSearches current={params.toString()} onOpen={(saved) => setParams(saved)} />}
      </Group>
      {list.isPending ? (
        <Loader />
      ) : searching && list.data ? (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('list.total', { count: list.data.total })} · {t('list.keyboardHint')}
            </Text>
            <BulkActions selected={selected} onDone={() => setSelected(new Set())} />
          </Group>
          <TicketTable
            tickets={list.data.items}
            label={titles[view]}
            sorting={{ sort, order }}
            onSort={(sorting) => set({ sort: sorting.sort, order: sorting.order })}
            selected={selected}
            onSelect={setSelected}
          />
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(next) => set({ page: String(next) })}
              getControlProps={(control) => ({
                'aria-label':
                  control === 'previous' ? t('list.previous') : control === 'next' ? t('list.next') : undefined,
              })}
            />
          )}
        </>
      ) : null}
    </Stack>
  );
}

/** "2026-03-31" → "2026-04-01" (calendar arithmetic, no time zone involved). */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
