import type { Static } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import { type Reader, requireExisting } from '../config/index.ts';
import type { CustomerLink, CustomerLinkInput } from './customer-user-schemas.ts';

/**
 * Replaces the customers a customer user works for. At most one is primary: it is the one a new
 * ticket of theirs is for when they do not say (see tickets/lookups.ts resolveCustomer).
 */
export async function replaceCustomerLinks(
  trx: Transaction<DB>,
  customerUserId: number,
  links: readonly Static<typeof CustomerLinkInput>[],
) {
  const ids = links.map((link) => link.customerId);
  await requireExisting(trx, 'customers', ids, 'customers', 'error.not_found.customer');
  if (links.filter((link) => link.isPrimary).length > 1) throw invalid('customers', 'error.one_primary_customer');
  await trx.deleteFrom('customerUserCustomers').where('customerUserId', '=', customerUserId).execute();
  if (links.length === 0) return;
  await trx
    .insertInto('customerUserCustomers')
    .values(
      links.map((link) => ({
        customerUserId,
        customerId: link.customerId,
        isPrimary: link.isPrimary ?? false,
        canSeeAll: link.canSeeAll ?? true,
      })),
    )
    .execute();
}

/** The customers of each customer user, primary first. */
export async function customerLinks(db: Reader, customerUserIds: readonly number[]) {
  const byUser = new Map<number, Static<typeof CustomerLink>[]>();
  if (customerUserIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('customerUserCustomers as cuc')
    .innerJoin('customers as c', 'c.id', 'cuc.customerId')
    .select(['cuc.customerUserId', 'c.id as customerId', 'c.customerKey', 'c.name', 'cuc.isPrimary', 'cuc.canSeeAll'])
    .where('cuc.customerUserId', 'in', customerUserIds)
    .orderBy('cuc.isPrimary', 'desc')
    .orderBy('c.name')
    .execute();
  for (const { customerUserId, ...link } of rows) {
    byUser.set(customerUserId, [...(byUser.get(customerUserId) ?? []), link]);
  }
  return byUser;
}
