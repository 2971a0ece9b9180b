import { Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type TicketFilter, useTickets } from '../../api/queries.ts';
import { useSession } from '../../app/session.tsx';
import { TicketTable } from '../../components/TicketTable.tsx';

type Scope = 'owner' | 'responsible' | 'myQueues' | 'all';

interface Props {
  widget: 'new' | 'open';
  label: string;
}

/** What each widget lists: new tickets nobody has taken yet, and open tickets. */
const BASE: Record<Props['widget'], TicketFilter> = {
  new: { stateType: ['new'], lock: 'unlock' },
  open: { stateType: ['open'] },
};

/** "New tickets" / "Open tickets": the filters of the manual, each with its count. */
export function TicketWidget({ widget, label }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [scope, setScope] = useState<Scope>('all');
  const base = BASE[widget];
  const filters: Record<Scope, TicketFilter> = {
    owner: { ...base, ownerId: me.id },
    responsible: { ...base, responsibleId: me.id },
    myQueues: { ...base, myQueues: true },
    all: base,
  };
  const list = useTickets({ ...filters[scope], pageSize: 10, sort: 'created', order: 'desc' });
  // one call for the eight counts of both widgets (shared through the query cache)
  const counts = useQuery({
    queryKey: ['dashboard', 'ticket-counts'],
    queryFn: () => api<Record<Props['widget'], Record<Scope, number>>>('GET', '/dashboard/ticket-counts'),
  }).data?.[widget];
  const labelOf = (key: Scope, text: string) => ({ value: key, label: `${text} (${counts?.[key] ?? '…'})` });
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
