import { Type } from '@sinclair/typebox';
import { DomainError } from '../../../platform/errors.ts';
import { requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { createCustomerUser } from '../commands/create-customer-user.ts';
import { updateCustomerUser } from '../commands/update-customer-user.ts';
import { CustomerUserCreate } from '../customer-user-schemas.ts';
import { type ImportKind, importRows, type PreparedRow } from './import-rows.ts';
import type { ImportRequest } from './import-schemas.ts';
import { primaryCustomerLinks } from './primary-customer-links.ts';
import { rowReader } from './row-reader.ts';

export const CUSTOMER_USER_COLUMNS = {
  fields: [
    'login',
    'email',
    'firstName',
    'lastName',
    'phone',
    'mobile',
    'language',
    'timeZone',
    'comments',
    'password',
    'valid',
    'customerId',
  ],
  // customerId is the customer number (customerKey), as in OTRS's UserCustomerID, never a database id
  aliases: { customerkey: 'customerId' },
} as const;

type Field = (typeof CUSTOMER_USER_COLUMNS.fields)[number];

const readNew = rowReader(CustomerUserCreate);
const readChange = rowReader(Type.Partial(CustomerUserCreate));

/**
 * Creates (and in upsert mode updates, matched by login) customer users from the rows of a file.
 * A customerId cell names their primary customer by customer number.
 */
export async function importCustomerUsers(ctx: DomainContext, actor: Actor, request: ImportRequest) {
  requireAdmin(actor);
  const customerByKey = async (customerKey: string) =>
    (await ctx.db.selectFrom('customers').select('id').where('customerKey', '=', customerKey).executeTakeFirst())?.id;
  const kind: ImportKind<Field> = {
    columns: CUSTOMER_USER_COLUMNS,
    key: 'login',
    exists: 'import.customer_user_exists',
    find: async (login) =>
      (await ctx.db.selectFrom('customerUsers').select('id').where('login', '=', login).executeTakeFirst())?.id,
    prepare: async ({ customerId: customerKey, ...cells }, id): Promise<PreparedRow> => {
      const customerId = customerKey === undefined ? undefined : await customerByKey(customerKey);
      const missing =
        customerKey !== undefined && customerId === undefined
          ? [new DomainError('validation', 'error.not_found.customer', { id: customerKey }, 'customerId')]
          : [];
      const links = async () =>
        customerId === undefined ? {} : { customers: await primaryCustomerLinks(ctx.db, id, customerId) };
      if (id === undefined) {
        const { body, errors } = readNew(cells);
        if (errors.length + missing.length > 0) return { errors: [...errors, ...missing] };
        return { write: async () => createCustomerUser(ctx, actor, { ...body, ...(await links()) }) };
      }
      const { body, errors } = readChange(cells);
      if (errors.length + missing.length > 0) return { errors: [...errors, ...missing] };
      return { write: async () => updateCustomerUser(ctx, actor, id, { ...body, ...(await links()) }) };
    },
  };
  return importRows(kind, request);
}
