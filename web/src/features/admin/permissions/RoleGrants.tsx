import { Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRefRows } from '../resource/ref-options.ts';
import type { Row } from '../resource/types.ts';
import { GrantTable } from './GrantTable.tsx';
import { rowsPerGroup } from './grant-rows.ts';
import { useGrants } from './permission-queries.ts';
import { RoleMembers } from './RoleMembers.tsx';

/** By role: the groups the role holds (every agent in it holds them too), and who is in it. */
export function RoleGrants({ role, filter }: { role: Row; filter: string }) {
  const { t } = useTranslation();
  const groups = useRefRows('groups');
  const grants = useGrants({ roleId: role.id });
  const name = String(role.name);
  return (
    <Stack>
      {groups.isPending || grants.isPending ? (
        <Loader />
      ) : groups.isError || grants.isError ? (
        <Text c="red">{(groups.error ?? grants.error)?.message}</Text>
      ) : (
        <GrantTable
          caption={t('admin.permissions.table.role', { name })}
          rowTitle={t('admin.permissions.subject.groups')}
          rows={rowsPerGroup(groups.data, grants.data, { kind: 'role', id: role.id, name }, filter)}
        />
      )}
      <RoleMembers role={role} />
    </Stack>
  );
}
