import { Alert, Button, Fieldset, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { PUBLIC_SETTINGS_KEY } from '../../../api/public-settings.ts';
import { useSubmit } from '../../../components/use-submit.ts';
import { SettingSource } from './SettingSource.tsx';
import {
  changesOf,
  type Draft,
  exampleTicketNumber,
  GENERATORS,
  type SettingKey,
  type SystemSettings,
  shownValue,
} from './system-settings.ts';

// the browser's list may lack a name the server takes (UTC): the value in force is offered anyway
const ZONES = Intl.supportedValuesOf('timeZone');
const LANGUAGES = [
  { value: 'it', label: 'Italiano' },
  { value: 'en', label: 'English' },
];
const QUERY_KEY = ['admin', 'system-settings'];

/** System settings (SYSTEM_ID, ticket numbers, ticket hook, defaults) loaded, then their form. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: QUERY_KEY, queryFn: () => api<SystemSettings>('GET', '/system/settings') });
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('admin.resource.settings.title')}
      </Title>
      <Text c="dimmed">{t('admin.settings.hint')}</Text>
      {settings.isPending ? (
        <Loader />
      ) : settings.isError ? (
        <Text c="red">{settings.error.message}</Text>
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </Stack>
  );
}

/**
 * The environment's variables give the defaults; what an admin saves here overrides them, and
 * every server process applies it within seconds. Only what changed is sent; the server checks
 * each value by the variable's own rules and its refusal shows under the field.
 */
function SettingsForm({ settings }: { settings: SystemSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>({});
  const [saved, setSaved] = useState(false);
  const changes = changesOf(settings, draft);
  const save = useSubmit(
    () => api<SystemSettings>('PATCH', '/system/settings', changes),
    (next) => {
      client.setQueryData(QUERY_KEY, next);
      client.invalidateQueries({ queryKey: ['admin', 'admin-changes'] });
      // the hook the screens show ticket numbers with
      client.invalidateQueries({ queryKey: PUBLIC_SETTINGS_KEY });
      setDraft({});
      setSaved(true);
    },
  );
  const value = (key: SettingKey) => shownValue(settings, draft, key);
  const edit = (key: SettingKey, next: string | null) => {
    setDraft((current) => ({ ...current, [key]: next }));
    setSaved(false);
  };
  const field = (key: SettingKey) => {
    const label = t(`admin.settings.field.${key}`);
    return {
      label,
      error: save.error?.field === key ? save.error.message : undefined,
      description: (
        <SettingSource settings={settings} draft={draft} name={key} label={label} onReset={() => edit(key, null)} />
      ) as ReactNode,
    };
  };
  const numbering = 'systemId' in changes || 'ticketNumberGenerator' in changes;
  const general = save.error && !(save.error.field && save.error.field in settings.sources) ? save.error.message : null;
  const tag = `${value('ticketHook')}${value('ticketHookDivider')}${exampleTicketNumber(
    value('ticketNumberGenerator'),
    value('systemId'),
  )}`;

  return (
    <form onSubmit={save.submit} noValidate>
      <Stack>
        <Fieldset legend={t('admin.settings.numbers')}>
          <Stack>
            <TextInput
              {...field('systemId')}
              value={value('systemId')}
              onChange={(e) => edit('systemId', e.currentTarget.value)}
            />
            <Select
              {...field('ticketNumberGenerator')}
              allowDeselect={false}
              data={GENERATORS.map((name) => ({ value: name, label: t(`admin.settings.generator.${name}`) }))}
              value={value('ticketNumberGenerator')}
              onChange={(next) => next && edit('ticketNumberGenerator', next)}
            />
            {numbering && (
              <Alert color="yellow" role="alert">
                {t('admin.settings.newTicketsOnly')}
              </Alert>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('admin.settings.hook')}>
          <Stack>
            <Group grow align="start">
              <TextInput
                {...field('ticketHook')}
                value={value('ticketHook')}
                onChange={(e) => edit('ticketHook', e.currentTarget.value)}
              />
              <TextInput
                {...field('ticketHookDivider')}
                value={value('ticketHookDivider')}
                onChange={(e) => edit('ticketHookDivider', e.currentTarget.value)}
              />
            </Group>
            <Text size="sm" aria-live="polite">
              {t('admin.settings.preview')}{' '}
              <Text span ff="monospace" data-testid="ticket-tag-preview">
                [{tag}]
              </Text>
            </Text>
            <Text size="sm" c="dimmed">
              {t('admin.settings.formerHooks')}
            </Text>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('admin.settings.defaults')}>
          <Stack>
            <Select
              {...field('defaultLanguage')}
              allowDeselect={false}
              data={LANGUAGES}
              value={value('defaultLanguage')}
              onChange={(next) => next && edit('defaultLanguage', next)}
            />
            <Select
              {...field('timeZone')}
              searchable
              allowDeselect={false}
              data={ZONES.includes(value('timeZone')) ? ZONES : [value('timeZone'), ...ZONES]}
              value={value('timeZone')}
              onChange={(next) => next && edit('timeZone', next)}
            />
          </Stack>
        </Fieldset>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.busy} disabled={Object.keys(changes).length === 0}>
            {t('admin.form.save')}
          </Button>
          {saved && (
            <Text c="green" role="status">
              {t('admin.settings.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
