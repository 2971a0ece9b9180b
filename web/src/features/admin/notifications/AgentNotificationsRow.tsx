import { Loader, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import {
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationPreferences,
} from '../../../api/notification-events.ts';
import { rowLabel } from '../resource/ref-options.ts';
import type { Row } from '../resource/types.ts';

/** One agent's switches; each toggle is saved at once. */
export function AgentNotificationsRow({ agent }: { agent: Row }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const queryKey = ['notification-preferences', agent.id];
  const preferences = useQuery({
    queryKey,
    queryFn: () => api<NotificationPreferences>('GET', `/agents/${agent.id}/notification-preferences`),
  });
  const [saving, setSaving] = useState<NotificationEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const login = String(agent.login);

  // the switch flips at once; the server's answer then stands, or the old setting comes back with the error
  const toggle = async (event: NotificationEvent, on: boolean) => {
    const before = preferences.data;
    if (!before) return;
    client.setQueryData(queryKey, { ...before, [event]: on });
    setSaving(event);
    try {
      const next = await api<NotificationPreferences>('PUT', `/agents/${agent.id}/notification-preferences`, {
        [event]: on,
      });
      client.setQueryData(queryKey, next);
      setError(null);
      const texts = { event: t(`admin.notifications.event.${event}`), agent: login };
      notifications.show({
        color: 'green',
        message: t(next[event] ? 'admin.notifications.savedOn' : 'admin.notifications.savedOff', texts),
      });
    } catch (failure) {
      client.setQueryData(queryKey, before);
      const message = (failure as Error).message;
      setError(message);
      notifications.show({ color: 'red', message });
    } finally {
      setSaving(null);
    }
  };

  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {rowLabel(agent)}
        {(error || preferences.isError) && (
          <Text size="xs" c="red" role="alert">
            {error ?? preferences.error?.message}
          </Text>
        )}
      </Table.Th>
      {NOTIFICATION_EVENTS.map((event) => (
        <Table.Td key={event} ta="center">
          {preferences.isPending ? (
            <Loader size="xs" />
          ) : preferences.data ? (
            <Switch
              display="inline-block"
              aria-label={t('admin.notifications.cell', {
                event: t(`admin.notifications.event.${event}`),
                agent: login,
              })}
              checked={preferences.data[event]}
              disabled={saving !== null}
              onChange={(change) => void toggle(event, change.currentTarget.checked)}
            />
          ) : null}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
