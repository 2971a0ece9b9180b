import { Anchor, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowLabel, useRefRows } from '../resource/ref-options.ts';
import type { Row } from '../resource/types.ts';
import { GrantTable } from './GrantTable.tsx';
import { rowsPerGroup } from './grant-rows.ts';
import { useEffectivePermissions, useGrants, useRoleGrantsOfAgent } from './permission-queries.ts';

interface Props {
  agent: Row;
  filter: string;
  openRole: (roleId: number) => void;
}

/** By agent: the groups the agent holds directly (editable) and, read-only, what their roles add. */
export function AgentGrants({ agent, filter, openRole }: Props) {
  const { t } = useTranslation();
  const groups = useRefRows('groups');
  const grants = useGrants({ agentId: agent.id });
  const effective = useEffectivePermissions(agent.id);
  const roles = useRoleGrantsOfAgent(agent.id);
  if (groups.isPending || grants.isPending) return <Loader />;
  if (groups.isError || grants.isError) return <Text c="red">{(groups.error ?? grants.error)?.message}</Text>;

  const login = String(agent.login);
  const inherited = (groupId: number) => {
    const keys = effective.data?.groups.find((entry) => entry.group.id === groupId)?.permissions ?? [];
    const fromRoles = roles.grants.filter((grant) => grant.group.id === groupId);
    return (
      <>
        <Text size="sm">{keys.length > 0 ? keys.join(', ') : '—'}</Text>
        {fromRoles.map((grant) => (
          <Text key={grant.role?.id} size="xs" c="dimmed">
            {t('admin.permissions.fromRole', { role: grant.role?.name, keys: grant.permissions.join(', ') })}
          </Text>
        ))}
      </>
    );
  };
  const rows = rowsPerGroup(groups.data, grants.data, { kind: 'agent', id: agent.id, name: login }, filter).map(
    (row) => ({ ...row, inherited: inherited(row.group.id) }),
  );

  return (
    <Stack>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('admin.permissions.agentRoles')}:
        </Text>
        {roles.roles.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.permissions.noRoles')}
          </Text>
        )}
        {roles.roles.map((role) => (
          <Anchor key={role.id} size="sm" component="button" type="button" onClick={() => openRole(role.id)}>
            {rowLabel(role)}
            {!role.valid && ` (${t('admin.list.isInactive')})`}
          </Anchor>
        ))}
        {effective.data?.isAdmin && <Badge variant="light">{t('admin.permissions.isAdmin')}</Badge>}
      </Group>
      <GrantTable
        caption={t('admin.permissions.table.agent', { name: login })}
        rowTitle={t('admin.permissions.subject.groups')}
        rows={rows}
        inheritedTitle={t('admin.permissions.effective')}
      />
    </Stack>
  );
}
