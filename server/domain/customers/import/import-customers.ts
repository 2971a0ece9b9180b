import { Type } from '@sinclair/typebox';
import { createConfigRow, requireAdmin, updateConfigRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { CustomerCreate, customerTable } from '../customer-table.ts';
import { type ImportKind, importRows, type PreparedRow } from './import-rows.ts';
import type { ImportRequest } from './import-schemas.ts';
import { rowReader } from './row-reader.ts';

export const CUSTOMER_COLUMNS = {
  fields: ['customerKey', 'name', 'street', 'zip', 'city', 'country', 'url', 'comments', 'valid'],
  // OTRS calls the customer number CustomerID, and so do the files exported from it
  aliases: { customerid: 'customerKey' },
} as const;

type Field = (typeof CUSTOMER_COLUMNS.fields)[number];

const readNew = rowReader(CustomerCreate);
const readChange = rowReader(Type.Partial(CustomerCreate));

/** Creates (and in upsert mode updates, matched by customer number) customers from the rows of a file. */
export async function importCustomers(ctx: DomainContext, actor: Actor, request: ImportRequest) {
  requireAdmin(actor);
  const kind: ImportKind<Field> = {
    columns: CUSTOMER_COLUMNS,
    key: 'customerKey',
    exists: 'import.customer_exists',
    find: async (customerKey) => {
      const row = await ctx.db
        .selectFrom('customers')
        .select('id')
        .where('customerKey', '=', customerKey)
        .executeTakeFirst();
      return row?.id;
    },
    prepare: async (cells, id): Promise<PreparedRow> => {
      if (id === undefined) {
        const { body, errors } = readNew(cells);
        return errors.length > 0 ? { errors } : { write: () => createConfigRow(ctx, actor, customerTable, body) };
      }
      const { body, errors } = readChange(cells);
      return errors.length > 0 ? { errors } : { write: () => updateConfigRow(ctx, actor, customerTable, id, body) };
    },
  };
  return importRows(kind, request);
}
