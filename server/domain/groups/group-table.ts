import { type Static, Type } from '@sinclair/typebox';
import { DomainError } from '../../platform/errors.ts';
import { Comments, type ConfigTable, columnsOf, configItem, Name, Valid } from '../config/index.ts';

/** Admin rights are rw on the group named "admin" (see permissions/load-actor.ts). */
const ADMIN_GROUP = 'admin';
const ADMIN_GROUP_ID = 2;

export const GroupItem = configItem({ name: Type.String(), comments: Type.String() });
export const GroupCreate = Type.Object(
  { name: Name, comments: Type.Optional(Comments), valid: Valid },
  { additionalProperties: false },
);

/** Groups: each queue belongs to one, and permissions are granted per group. */
export const groupTable: ConfigTable<Static<typeof GroupCreate>, Static<typeof GroupItem>> = {
  table: 'groups',
  kind: 'object.group',
  notFound: 'error.not_found.group',
  columns: columnsOf(GroupItem),
  writable: ['name', 'comments'],
  search: ['name'],
  orderBy: 'name',
  protectedIds: [ADMIN_GROUP_ID],
  // the grants on a group describe it; queues in it keep it in use (their foreign key says so)
  owned: [
    { table: 'groupAgentPermissions', column: 'groupId' },
    { table: 'groupRolePermissions', column: 'groupId' },
  ],
  prepare: async (trx, body, id) => {
    if (id === undefined) return {};
    const current = await trx.selectFrom('groups').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    const renamed = body.name !== undefined && body.name !== current.name;
    // renaming or deactivating it would take every admin's rights away at once
    if (current.name === ADMIN_GROUP && (renamed || body.valid === false)) {
      throw new DomainError('conflict', 'error.admin_group_fixed', {}, renamed ? 'name' : 'valid');
    }
    return {};
  },
};
