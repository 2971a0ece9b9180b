import { Badge, Button, Group, Loader, Paper, Select, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { rowLabel, useRefRows } from '../resource/ref-options.ts';
import type { Row } from '../resource/types.ts';
import { PERMISSIONS_KEY, useRoleMembers } from './permission-queries.ts';

/** The agents in a role (OTRS "Agents ↔ Roles"): each holds the role's keys while in it. */
export function RoleMembers({ role }: { role: Row }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const members = useRoleMembers(role.id);
  const agents = useRefRows('agents');
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleName = String(role.name);

  const change = async (method: 'PUT' | 'DELETE', agent: { id: number; login: string }) => {
    setBusy(true);
    try {
      await api(method, `/roles/${role.id}/agents/${agent.id}`);
      await client.invalidateQueries({ queryKey: PERMISSIONS_KEY });
      setChosen(null);
      notifications.show({
        color: 'green',
        message: t(method === 'PUT' ? 'admin.permissions.memberAdded' : 'admin.permissions.memberRemoved', {
          agent: agent.login,
          role: roleName,
        }),
      });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const inRole = new Set(members.data?.map((member) => member.id));
  const candidates = (agents.data ?? [])
    .filter((agent) => agent.valid && !inRole.has(agent.id))
    .map((agent) => ({ value: String(agent.id), label: rowLabel(agent) }));
  const adding = agents.data?.find((agent) => String(agent.id) === chosen);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="role-members">
      <Title order={2} size="h4" id="role-members" mb="sm">
        {t('admin.permissions.members', { role: roleName })}
      </Title>
      {members.isPending ? (
        <Loader size="sm" />
      ) : members.isError ? (
        <Text c="red">{members.error.message}</Text>
      ) : members.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('admin.permissions.noMembers')}
        </Text>
      ) : (
        <Table aria-label={t('admin.permissions.members', { role: roleName })}>
          <Table.Tbody>
            {members.data.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  {member.firstName} {member.lastName} ({member.login}){' '}
                  {!member.valid && (
                    <Badge color="gray" variant="light" size="xs">
                      {t('admin.list.isInactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    aria-label={t('admin.permissions.removeMember', { agent: member.login, role: roleName })}
                    onClick={() => void change('DELETE', member)}
                  >
                    {t('admin.permissions.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="end" mt="sm">
        <Select
          label={t('admin.permissions.addMember')}
          searchable
          clearable
          data={candidates}
          value={chosen}
          onChange={setChosen}
          w={320}
        />
        <Button
          disabled={!adding}
          loading={busy}
          onClick={() => adding && void change('PUT', { id: adding.id, login: String(adding.login) })}
        >
          {t('admin.permissions.add')}
        </Button>
      </Group>
    </Paper>
  );
}
