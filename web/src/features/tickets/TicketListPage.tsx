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
import { type TicketFilter, useConfigList, useTickets } from '../../api/queries.ts';
import { useSession } from '../../app/session.tsx';
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
  const searching = view !== 'search' || Boolean(q) || Boolean(customerUserId);
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
