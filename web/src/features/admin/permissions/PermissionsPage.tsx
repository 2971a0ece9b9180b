import { Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { rowLabel, useRefRows } from '../resource/ref-options.ts';
import { AgentGrants } from './AgentGrants.tsx';
import { GroupGrants } from './GroupGrants.tsx';
import { KeyLegend } from './KeyLegend.tsx';
import { RoleGrants } from './RoleGrants.tsx';

const VIEWS = ['agents', 'roles', 'groups'] as const;
type View = (typeof VIEWS)[number];

/**
 * OTRS's "Agents ↔ Groups" and "Roles ↔ Groups" in one screen: by agent, by role or by group, a
 * matrix of the seven keys. The view and the chosen agent, role or group are in the address.
 */
export function PermissionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((one) => one === params.get('view')) ?? 'agents';
  const id = Number(params.get('id')) || null;
  const [filter, setFilter] = useState('');
  const subjects = useRefRows(view);
  const subject = subjects.data?.find((row) => row.id === id);

  const go = (next: { view?: View; id: number | null }) => {
    if (next.view && next.view !== view) setFilter('');
    setParams((current) => {
      const query = new URLSearchParams(current);
      if (next.view) query.set('view', next.view);
      if (next.id === null) query.delete('id');
      else query.set('id', String(next.id));
      return query;
    });
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.resource.permissions.title')}
      </Title>
      <Text c="dimmed">{t('admin.permissions.hint')}</Text>
      <KeyLegend />
      <Group align="end">
        <SegmentedControl
          aria-label={t('admin.permissions.view')}
          value={view}
          onChange={(value) => go({ view: value as View, id: null })}
          data={VIEWS.map((value) => ({ value, label: t(`admin.permissions.by.${value}`) }))}
        />
        <Select
          label={t(`admin.permissions.subject.${view}`)}
          placeholder={t(`admin.permissions.choose.${view}`)}
          searchable
          w={340}
          data={(subjects.data ?? []).map((row) => ({
            value: String(row.id),
            label: row.valid ? rowLabel(row) : `${rowLabel(row)} (${t('admin.list.isInactive')})`,
          }))}
          value={subject ? String(subject.id) : null}
          onChange={(value) => go({ id: value ? Number(value) : null })}
        />
        <TextInput
          label={t(`admin.permissions.filter.${view}`)}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
      </Group>
      {subjects.isError && <Text c="red">{subjects.error.message}</Text>}
      {!subject && (
        <Text c="dimmed" size="sm">
          {t(`admin.permissions.choose.${view}`)}
        </Text>
      )}
      {subject && view === 'agents' && (
        <AgentGrants
          key={subject.id}
          agent={subject}
          filter={filter}
          openRole={(roleId) => go({ view: 'roles', id: roleId })}
        />
      )}
      {subject && view === 'roles' && <RoleGrants key={subject.id} role={subject} filter={filter} />}
      {subject && view === 'groups' && <GroupGrants key={subject.id} group={subject} filter={filter} />}
    </Stack>
  );
}
