import type { DomainContext } from '../context.ts';
import { kindBilling } from '../contracts/index.ts';
import type { CustomerActor } from '../permissions/actor.ts';
import { portalModules } from './modules.ts';

/**
 * What the portal's new-ticket form offers a customer user: the customers they may open a ticket
 * for, the product modules (portalModules), the kinds of request (the valid ticket types), and which
 * of them each customer would be billed for today under its contracts.
 */
export async function newTicketOptions(ctx: DomainContext, actor: CustomerActor) {
  const [customers, modules, kinds] = await Promise.all([
    ctx.db
      .selectFrom('customerUserCustomers as l')
      .innerJoin('customers as c', 'c.id', 'l.customerId')
      .select(['c.id', 'c.name', 'l.isPrimary'])
      .where('l.customerUserId', '=', actor.customerUserId)
      .where('c.valid', '=', true)
      .orderBy('l.isPrimary', 'desc')
      .orderBy('c.name')
      .execute(),
    portalModules(ctx.db).orderBy('q.name').execute(),
    ctx.db.selectFrom('ticketTypes').select(['id', 'name']).where('valid', '=', true).orderBy('name').execute(),
  ]);
  const billing = await kindBilling(
    ctx,
    customers.map(({ id }) => id),
  );
  return { customers, modules, kinds, billing };
}
