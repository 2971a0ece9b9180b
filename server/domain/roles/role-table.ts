import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { keepAnAdmin } from '../agents/admin-guard.ts';
import { Comments, type ConfigTable, columnsOf, configItem, Name, Valid } from '../config/index.ts';

export const RoleItem = configItem({ name: Type.String(), comments: Type.String() });
export const RoleCreate = Type.Object(
  { name: Name, comments: Type.Optional(Comments), valid: Valid },
  { additionalProperties: false },
);

/** Roles bundle group grants; an agent in a role holds them all (a deactivated role grants nothing). */
export const roleTable: ConfigTable<Static<typeof RoleCreate>, Static<typeof RoleItem>> = {
  table: 'roles',
  kind: 'object.role',
  notFound: 'error.not_found.role',
  columns: columnsOf(RoleItem),
  writable: ['name', 'comments'],
  search: ['name'],
  orderBy: 'name',
  filters: {
    agentId: (value) => sql<boolean>`roles.id in (select role_id from role_agents where agent_id = ${value})`,
  },
  // its grants go with it; agents still in it keep it in use (foreign key), as taking the role
  // away from them is a decision of its own
  owned: [{ table: 'groupRolePermissions', column: 'roleId' }],
  // deactivating the role that makes the last admin one would leave nobody to administer
  guard: keepAnAdmin,
};
