import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAgents, useConfigList } from '../../api/queries.ts';
import { useNames } from '../../components/names.ts';

type Bulk =
  | 'lock'
  | 'unlock'
  | 'move'
  | 'state'
  | 'priority'
  | 'owner'
  | 'closeSuccessful'
  | 'closeUnsuccessful'
  | 'merge';

/**
 * One action on every selected ticket, each through its own API call (each ticket's rules apply);
 * the result says how many changed and why the others were refused.
 */
export function BulkActions({ selected, onDone }: { selected: Set<number>; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Bulk | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = useNames();
  const queues = useConfigList('queues').data ?? [];
  const states = useConfigList<{ id: number; name: string; type: string }>('states').data ?? [];
  const priorities = useConfigList('priorities').data ?? [];
  const agents = useAgents().data ?? [];
  if (selected.size === 0) return null;

  const choices: Partial<Record<Bulk, Array<{ value: string; label: string }>>> = {
    move: queues.map((q) => ({ value: String(q.id), label: q.name })),
    state: states
      .filter((s) => s.type === 'new' || s.type === 'open')
      .map((s) => ({ value: String(s.id), label: name(s.name) })),
    priority: priorities.map((p) => ({ value: String(p.id), label: name(p.name) })),
    owner: agents.map((a) => ({ value: String(a.id), label: `${a.firstName} ${a.lastName}` })),
  };
  const ids = [...selected];
  const call = (id: number): Promise<unknown> => {
    const target = Number(value);
    switch (action) {
      case 'lock':
      case 'unlock':
        return api('POST', `/tickets/${id}/${action}`);
      case 'move':
        return api('POST', `/tickets/${id}/move`, { queueId: target });
      case 'state':
        return api('POST', `/tickets/${id}/state`, { stateId: target });
      case 'priority':
        return api('POST', `/tickets/${id}/priority`, { priorityId: target });
      case 'owner':
        return api('POST', `/tickets/${id}/owner`, { ownerId: target });
      case 'closeSuccessful':
      case 'closeUnsuccessful':
        return api('POST', `/tickets/${id}/close`, { successful: action === 'closeSuccessful' });
      default:
        // merge: every other selected ticket into the first one
        return id === ids[0] ? Promise.resolve() : api('POST', `/tickets/${id}/merge`, { targetTicketId: ids[0] });
    }
  };
  const apply = async () => {
    setBusy(true);
    const results = await Promise.allSettled(ids.map(call));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    notifications.show({
      color: refused.length ? 'orange' : 'green',
      message: [
        t('list.bulkDone', { ok: results.length - refused.length, failed: refused.length }),
        ...new Set(refused.map((r) => (r.reason as Error).message)),
      ].join(' · '),
    });
    await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    setBusy(false);
    setAction(null);
    onDone();
  };
  const needsValue = action !== null && action in choices;
  return (
    <Group gap="xs" aria-label={t('list.selected', { count: selected.size })}>
      <Text size="sm">{t('list.selected', { count: selected.size })}</Text>
      <Select
        size="xs"
        aria-label={t('list.bulkAction')}
        placeholder={t('list.bulkAction')}
        value={action}
        onChange={(next) => {
          setAction(next as Bulk | null);
          setValue(null);
        }}
        data={[
          { value: 'lock', label: t('zoom.lock') },
          { value: 'unlock', label: t('zoom.unlock') },
          { value: 'move', label: t('zoom.move') },
          { value: 'state', label: t('ticket.state') },
          { value: 'priority', label: t('ticket.priority') },
          { value: 'owner', label: t('ticket.owner') },
          { value: 'closeSuccessful', label: t('zoom.closeSuccessful') },
          { value: 'closeUnsuccessful', label: t('zoom.closeUnsuccessful') },
          { value: 'merge', label: t('zoom.merge') },
        ]}
      />
      {needsValue && (
        <Select
          size="xs"
          searchable
          aria-label={t('list.bulkValue')}
          data={choices[action as Bulk] ?? []}
          value={value}
          onChange={setValue}
        />
      )}
      <Button size="xs" loading={busy} disabled={!action || (needsValue && !value)} onClick={() => void apply()}>
        {t('list.bulkApply')}
      </Button>
    </Group>
  );
}
