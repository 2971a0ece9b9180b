import { Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TicketFilter, useTickets } from '../../api/queries.ts';
import { useSession } from '../../app/session.tsx';
import { TicketTable } from '../../components/TicketTable.tsx';

type Scope = 'owner' | 'responsible' | 'myQueues' | 'all';

/** "New tickets" / "Open tickets": the filters of the manual, each with its count. */
export function TicketWidget({ stateType, lock, label }: { stateType: string; lock?: 'unlock'; label: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [scope, setScope] = useState<Scope>('all');
  const base: TicketFilter = { stateType: [stateType], lock, pageSize: 1 };
  const filters: Record<Scope, TicketFilter> = {
    owner: { ...base, ownerId: me.id },
    responsible: { ...base, responsibleId: me.id },
    myQueues: { ...base, myQueues: true },
    all: base,
  };
  const list = useTickets({ ...filters[scope], pageSize: 10, sort: 'created', order: 'desc' });
  // the shown list already carries its scope's total: count only the other three
  const counts: Record<Scope, number | undefined> = {
    owner: useTickets(filters.owner, scope !== 'owner').data?.total,
    responsible: useTickets(filters.responsible, scope !== 'responsible').data?.total,
    myQueues: useTickets(filters.myQueues, scope !== 'myQueues').data?.total,
    all: useTickets(filters.all, scope !== 'all').data?.total,
  };
  counts[scope] = list.data?.total;
  const labelOf = (key: Scope, text: string) => ({ value: key, label: `${text} (${counts[key] ?? '…'})` });
  return (
    <>
      <SegmentedControl
        mb="sm"
        size="xs"
        value={scope}
        onChange={(value) => setScope(value as Scope)}
        data={[
          labelOf('owner', t('dashboard.filterOwner')),
          labelOf('responsible', t('dashboard.filterResponsible')),
          labelOf('myQueues', t('dashboard.filterMyQueues')),
          labelOf('all', t('dashboard.filterAll')),
        ]}
      />
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.data?.items.length ? (
        <TicketTable tickets={list.data.items} label={label} />
      ) : (
        <Group>
          <Text c="dimmed">{t('dashboard.noTickets')}</Text>
        </Group>
      )}
    </>
  );
}
