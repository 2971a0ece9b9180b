import { Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRefRows } from '../resource/ref-options.ts';
import type { Row } from '../resource/types.ts';
import { GrantTable } from './GrantTable.tsx';
import { rowsPerHolder } from './grant-rows.ts';
import { useGrants } from './permission-queries.ts';

/** By group: the agents that hold it directly, then the roles that hold it. */
export function GroupGrants({ group, filter }: { group: Row; filter: string }) {
  const { t } = useTranslation();
  const agents = useRefRows('agents');
  const roles = useRefRows('roles');
  const grants = useGrants({ groupId: group.id });
  if (agents.isPending || roles.isPending || grants.isPending) return <Loader />;
  const error = agents.error ?? roles.error ?? grants.error;
  if (error) return <Text c="red">{error.message}</Text>;

  const target = { id: group.id, name: String(group.name) };
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('admin.resource.agents.title')}
      </Title>
      <GrantTable
        caption={t('admin.permissions.table.groupAgents', { name: target.name })}
        rowTitle={t('admin.permissions.subject.agents')}
        rows={rowsPerHolder('agent', agents.data ?? [], grants.data ?? [], target, filter)}
      />
      <Title order={2} size="h4">
        {t('admin.resource.roles.title')}
      </Title>
      <GrantTable
        caption={t('admin.permissions.table.groupRoles', { name: target.name })}
        rowTitle={t('admin.permissions.subject.roles')}
        rows={rowsPerHolder('role', roles.data ?? [], grants.data ?? [], target, filter)}
      />
    </Stack>
  );
}
