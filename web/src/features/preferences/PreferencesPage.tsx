import { Button, Group, MultiSelect, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { NOTIFICATION_EVENTS, type NotificationPreferences } from '../../api/notification-events.ts';
import { useConfigList } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { changeLanguage } from '../../i18n/index.ts';

/** Personal preferences: language, time zone, my queues, which notifications I get by email. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const saved = () => notifications.show({ color: 'green', message: t('preferences.saved') });
  const failed = (error: unknown) => notifications.show({ color: 'red', message: (error as Error).message });

  const setMine = async (changes: { language?: string; timeZone?: string | null }) => {
    try {
      const next = await api<Me>('PATCH', '/sessions/current/preferences', changes);
      queryClient.setQueryData(['session'], { ...next, csrfToken: me.csrfToken });
      if (changes.language) await changeLanguage(changes.language);
      saved();
    } catch (error) {
      failed(error);
    }
  };

  const zones = Intl.supportedValuesOf('timeZone');
  const queues = useConfigList('queues').data ?? [];
  const myQueues = useQuery({
    queryKey: ['my-queues', me.id],
    queryFn: () => api<{ items: Array<{ id: number }> }>('GET', `/agents/${me.id}/queues`),
  });
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (myQueues.data) setChosen(myQueues.data.items.map((q) => String(q.id)));
  }, [myQueues.data]);
  const saveQueues = async () => {
    try {
      await api('PUT', `/agents/${me.id}/queues`, { queueIds: chosen.map(Number) });
      await queryClient.invalidateQueries({ queryKey: ['my-queues'] });
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      saved();
    } catch (error) {
      failed(error);
    }
  };

  const prefs = useQuery({
    queryKey: ['notification-preferences', me.id],
    queryFn: () => api<NotificationPreferences>('GET', `/agents/${me.id}/notification-preferences`),
  });
  const toggle = async (key: keyof NotificationPreferences, on: boolean) => {
    try {
      const next = await api<NotificationPreferences>('PUT', `/agents/${me.id}/notification-preferences`, {
        [key]: on,
      });
      queryClient.setQueryData(['notification-preferences', me.id], next);
      saved();
    } catch (error) {
      failed(error);
    }
  };

  return (
    <Stack maw={760}>
      <Title order={1} size="h2">
        {t('preferences.title')}
      </Title>
      <Paper withBorder p="md" component="section" aria-labelledby="pref-general">
        <Title order={2} size="h4" id="pref-general" mb="sm">
          {t('preferences.general')}
        </Title>
        <Group grow align="end">
          <Select
            label={t('app.language')}
            value={me.language}
            onChange={(language) => language && void setMine({ language })}
            data={[
              { value: 'it', label: 'Italiano' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Select
            label={t('preferences.timeZone')}
            searchable
            value={me.timeZone}
            onChange={(timeZone) => timeZone && void setMine({ timeZone })}
            data={zones}
          />
        </Group>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="pref-queues">
        <Title order={2} size="h4" id="pref-queues" mb="xs">
          {t('preferences.myQueues')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('preferences.myQueuesHint')}
        </Text>
        <MultiSelect
          aria-label={t('preferences.myQueues')}
          searchable
          data={queues.map((q) => ({ value: String(q.id), label: q.name }))}
          value={chosen}
          onChange={setChosen}
        />
        <Button mt="sm" onClick={() => void saveQueues()}>
          {t('action.save')}
        </Button>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="pref-notifications">
        <Title order={2} size="h4" id="pref-notifications" mb="sm">
          {t('preferences.notifications')}
        </Title>
        <Stack gap="xs">
          {prefs.data &&
            NOTIFICATION_EVENTS.map((key) => (
              <Switch
                key={key}
                label={t(`preferences.notify.${key}`)}
                checked={prefs.data[key]}
                onChange={(event) => void toggle(key, event.currentTarget.checked)}
              />
            ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
