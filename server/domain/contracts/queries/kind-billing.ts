import { sql } from 'kysely';
import type { DomainContext } from '../../context.ts';

export interface KindBilling {
  customerId: number;
  /** the ticket type */
  kindId: number;
  /** the customer pays for this kind of request today */
  billable: boolean;
  /** the contract that makes a kind billable without contract free today; null otherwise */
  contract: string | null;
}

/**
 * Whether each valid kind of request is billable to each of the customers today (in the desk's time
 * zone): it is when the kind is billable without contract and no valid contract of the customer
 * that covers today includes it. A kind that is not (a fault) never is, whatever the contracts say.
 */
export async function kindBilling(ctx: DomainContext, customerIds: readonly number[]): Promise<KindBilling[]> {
  if (customerIds.length === 0) return [];
  const today = sql`(${ctx.now().toISOString()}::timestamptz AT TIME ZONE ${ctx.config.timeZone})::date`;
  const rows = await ctx.db
    .selectFrom('customers as c')
    .crossJoin('ticketTypes as k')
    .select(['c.id as customerId', 'k.id as kindId', 'k.billableWithoutContract'])
    .select((eb) =>
      eb
        .selectFrom('customerContracts as cc')
        .innerJoin('customerContractTicketTypes as l', 'l.contractId', 'cc.id')
        .select('cc.name')
        .whereRef('cc.customerId', '=', 'c.id')
        .whereRef('l.ticketTypeId', '=', 'k.id')
        .where('cc.valid', '=', true)
        .where(sql<boolean>`(cc.valid_from IS NULL OR cc.valid_from <= ${today})`)
        .where(sql<boolean>`(cc.valid_until IS NULL OR cc.valid_until >= ${today})`)
        .orderBy('cc.name')
        .limit(1)
        .as('contract'),
    )
    .where('c.id', 'in', customerIds)
    .where('k.valid', '=', true)
    .orderBy('c.id')
    .orderBy('k.id')
    .execute();
  return rows.map(({ customerId, kindId, billableWithoutContract, contract }) => ({
    customerId,
    kindId,
    billable: billableWithoutContract && contract === null,
    contract: billableWithoutContract ? contract : null,
  }));
}
