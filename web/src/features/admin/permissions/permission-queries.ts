import { useQueries, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { Row } from '../resource/types.ts';
import type { PermissionKey } from './permission-keys.ts';

/** A grant as stored: an agent's direct keys or a role's keys on one group. */
export interface Grant {
  group: { id: number; name: string };
  agent: { id: number; login: string } | null;
  role: { id: number; name: string } | null;
  permissions: PermissionKey[];
}

export type GrantFilter = { agentId: number } | { roleId: number } | { groupId: number };

/** Every query of this screen starts with this key, so one save refreshes them all. */
export const PERMISSIONS_KEY = ['admin', 'permissions'] as const;

export function useGrants(filter: GrantFilter) {
  return useQuery({
    queryKey: [...PERMISSIONS_KEY, 'grants', filter],
    queryFn: () => api<{ items: Grant[] }>('GET', withQuery('/permissions', filter)).then((data) => data.items),
  });
}

/** What the agent may do per group as the server's checks see it (direct grants and their roles' ones). */
export function useEffectivePermissions(agentId: number) {
  return useQuery({
    queryKey: [...PERMISSIONS_KEY, 'effective', agentId],
    queryFn: () =>
      api<{ isAdmin: boolean; groups: { group: { id: number }; permissions: PermissionKey[] }[] }>(
        'GET',
        `/agents/${agentId}/permissions`,
      ),
  });
}

/** The agent's roles and, for the active ones, their grants: to say which role a key comes from. */
export function useRoleGrantsOfAgent(agentId: number) {
  const roles = useQuery({
    queryKey: [...PERMISSIONS_KEY, 'agent-roles', agentId],
    queryFn: () => api<Page<Row>>('GET', withQuery('/roles', { agentId, pageSize: 500 })).then((page) => page.items),
  });
  const grants = useQueries({
    queries: (roles.data ?? [])
      .filter((role) => role.valid)
      .map((role) => ({
        queryKey: [...PERMISSIONS_KEY, 'grants', { roleId: role.id }],
        queryFn: () =>
          api<{ items: Grant[] }>('GET', withQuery('/permissions', { roleId: role.id })).then((data) => data.items),
      })),
  });
  return { roles: roles.data ?? [], grants: grants.flatMap((query) => query.data ?? []) };
}

export interface RoleMember {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  valid: boolean;
}

export function useRoleMembers(roleId: number) {
  return useQuery({
    queryKey: [...PERMISSIONS_KEY, 'members', roleId],
    queryFn: () => api<{ items: RoleMember[] }>('GET', `/roles/${roleId}/agents`).then((data) => data.items),
  });
}
