import type { DomainContext } from '../context.ts';
import { kindBilling } from '../contracts/index.ts';
import type { CustomerActor } from '../permissions/actor.ts';

/**
 * What the portal's new-ticket form offers a customer user: the customers they may open a ticket
 * for, the product modules (the valid queues that have a valid system address: one address per
 * module, as in the vendor's rules, so the web form lands where an email to the module would), the
 * kinds of request (the valid ticket types), and which of them each customer would be billed for
 * today under its contracts.
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
    ctx.db
      .selectFrom('queues as q')
      .select(['q.id', 'q.name'])
      .where('q.valid', '=', true)
      .where('q.id', 'in', (eb) =>
        eb.selectFrom('systemAddresses').select('queueId').where('valid', '=', true).where('queueId', 'is not', null),
      )
      .orderBy('q.name')
      .execute(),
    ctx.db.selectFrom('ticketTypes').select(['id', 'name']).where('valid', '=', true).orderBy('name').execute(),
  ]);
  const billing = await kindBilling(
    ctx,
    customers.map(({ id }) => id),
  );
  return { customers, modules, kinds, billing };
}
