import { type Static, Type } from '@sinclair/typebox';
import type { StateType } from '../../../db/schema.ts';
import { Comments, columnsOf, configItem, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';

const StateTypeName = Type.Unsafe<StateType>({
  type: 'string',
  enum: [
    'new',
    'open',
    'pending_reminder',
    'pending_auto_close_success',
    'pending_auto_close_failure',
    'closed_successful',
    'closed_unsuccessful',
    'merged',
    'removed',
  ],
});

export const StateItem = configItem({ name: Type.String(), type: StateTypeName, comments: Type.String() });
export const StateCreate = Type.Object(
  { name: Name, type: StateTypeName, comments: Type.Optional(Comments), valid: Valid },
  { additionalProperties: false },
);

/** Ticket states; their type decides what a state means (open, pending, closed…). */
export const stateTable: ConfigTable<Static<typeof StateCreate>, Static<typeof StateItem>> = {
  table: 'states',
  kind: 'object.state',
  notFound: 'error.not_found.state',
  columns: columnsOf(StateItem),
  writable: ['name', 'type', 'comments'],
  search: ['name'],
  orderBy: 'name',
  // the nine OTRS states: commands look them up by type, and the welcome data uses them
  protectedIds: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  usedBy: [{ table: 'ticketHistory', column: 'stateId' }],
};
