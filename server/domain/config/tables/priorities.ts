import { type Static, Type } from '@sinclair/typebox';
import { columnsOf, configItem, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';

export const PriorityItem = configItem({ name: Type.String() });
export const PriorityCreate = Type.Object({ name: Name, valid: Valid }, { additionalProperties: false });

export const priorityTable: ConfigTable<Static<typeof PriorityCreate>, Static<typeof PriorityItem>> = {
  table: 'priorities',
  kind: 'object.priority',
  notFound: 'error.not_found.priority',
  columns: columnsOf(PriorityItem),
  writable: ['name'],
  search: ['name'],
  orderBy: 'name',
  // "3 normal" is what a new ticket gets when none is given
  protectedIds: [3],
  usedBy: [{ table: 'ticketHistory', column: 'priorityId' }],
};
