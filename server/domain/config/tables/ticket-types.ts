import { type Static, Type } from '@sinclair/typebox';
import { Comments, columnsOf, configItem, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';

export const TicketTypeItem = configItem({
  name: Type.String(),
  comments: Type.String(),
  billableWithoutContract: Type.Boolean(),
});
export const TicketTypeCreate = Type.Object(
  {
    name: Name,
    comments: Type.Optional(Comments),
    billableWithoutContract: Type.Optional(
      Type.Boolean({
        description:
          'a kind of request the customer pays for unless a valid contract of theirs includes it (customer contracts); default false',
      }),
    ),
    valid: Valid,
  },
  { additionalProperties: false },
);

export const ticketTypeTable: ConfigTable<Static<typeof TicketTypeCreate>, Static<typeof TicketTypeItem>> = {
  table: 'ticketTypes',
  kind: 'object.ticket_type',
  notFound: 'error.not_found.type',
  columns: columnsOf(TicketTypeItem),
  writable: ['name', 'comments', 'billableWithoutContract'],
  search: ['name'],
  orderBy: 'name',
  usedBy: [{ table: 'ticketHistory', column: 'typeId' }],
};
