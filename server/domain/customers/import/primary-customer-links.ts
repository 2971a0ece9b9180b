import type { Static } from '@sinclair/typebox';
import type { Reader } from '../../config/index.ts';
import type { CustomerLinkInput } from '../customer-user-schemas.ts';

/**
 * The customers a customer user works for once `customerId` is their primary one. A file names one
 * customer per user (OTRS's UserCustomerID), so the customers the user already works for stay, no
 * longer primary: an import must not cut a user off from the other customers an admin gave them.
 * Read just before the update's own transaction, like the edit form the API's PATCH comes from.
 */
export async function primaryCustomerLinks(
  db: Reader,
  customerUserId: number | undefined,
  customerId: number,
): Promise<Static<typeof CustomerLinkInput>[]> {
  const current =
    customerUserId === undefined
      ? []
      : await db
          .selectFrom('customerUserCustomers')
          .select(['customerId', 'canSeeAll'])
          .where('customerUserId', '=', customerUserId)
          .execute();
  const others = current
    .filter((link) => link.customerId !== customerId)
    .map((link) => ({ ...link, isPrimary: false }));
  const own = current.find((link) => link.customerId === customerId);
  return [{ customerId, isPrimary: true, canSeeAll: own?.canSeeAll ?? true }, ...others];
}
