import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Id, Nullable } from '../../../api/schema-helpers.ts';
import { Comments, columnsOf, configItem, Email, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';

export const SystemAddressItem = configItem({
  email: Type.String(),
  displayName: Type.String(),
  queueId: Nullable(Type.Integer()),
  comments: Type.String(),
});
export const SystemAddressCreate = Type.Object(
  {
    email: Email,
    displayName: Name,
    queueId: Type.Optional(Nullable(Id)),
    comments: Type.Optional(Comments),
    valid: Valid,
  },
  { additionalProperties: false },
);

/** The desk's own addresses: mail to one lands in its queue, replies from a queue are sent from one. */
export const systemAddressTable: ConfigTable<Static<typeof SystemAddressCreate>, Static<typeof SystemAddressItem>> = {
  table: 'systemAddresses',
  kind: 'object.system_address',
  notFound: 'error.not_found.system_address',
  columns: columnsOf(SystemAddressItem),
  writable: ['email', 'displayName', 'queueId', 'comments'],
  search: ['email', 'displayName'],
  orderBy: 'email',
  filters: { queueId: (value) => sql<boolean>`system_addresses.queue_id = ${value}` },
};
