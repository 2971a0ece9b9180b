import type { Permission } from '../../server/db/schema.ts';
import type { Actor, AgentActor } from '../../server/domain/permissions/actor.ts';
import { loadAgentActor, loadCustomerActor } from '../../server/domain/permissions/load-actor.ts';
import type { CreateTicketInput } from '../../server/domain/tickets/commands/create-ticket.ts';
import { createTicket } from '../../server/domain/tickets/commands/create-ticket.ts';
import type { TestContext } from './test-database.ts';

let serial = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

/** Tests build their own groups, queues, agents and customers; nothing is shared between files. */
export async function makeGroup(ctx: TestContext, name = unique('group')) {
  return ctx.db.insertInto('groups').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function makeQueue(ctx: TestContext, groupId: number, name = unique('queue')) {
  return ctx.db.insertInto('queues').values({ name, groupId }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function makeAgent(
  ctx: TestContext,
  grants: { groupId: number; permissions: Permission[] }[] = [],
  login = unique('agent'),
): Promise<AgentActor> {
  const agent = await ctx.db
    .insertInto('agents')
    .values({ login, firstName: 'Test', lastName: login, email: `${login}@example.test` })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of grants) {
    for (const permission of grant.permissions) {
      await ctx.db
        .insertInto('groupAgentPermissions')
        .values({ agentId: agent.id, groupId: grant.groupId, permission })
        .execute();
    }
  }
  const actor = await loadAgentActor(ctx.db, agent.id);
  if (!actor) throw new Error('agent not loaded');
  return actor;
}

export async function makeCustomer(ctx: TestContext, name = unique('Comune')) {
  return ctx.db
    .insertInto('customers')
    .values({ customerKey: unique('C'), name })
    .returning(['id', 'name', 'customerKey'])
    .executeTakeFirstOrThrow();
}

export async function makeCustomerUser(
  ctx: TestContext,
  customers: { id: number; canSeeAll?: boolean; isPrimary?: boolean }[],
  login = unique('user'),
) {
  const user = await ctx.db
    .insertInto('customerUsers')
    .values({ login, email: `${login}@example.test`, firstName: 'Paolo', lastName: 'Cevoli' })
    .returning(['id', 'login', 'email'])
    .executeTakeFirstOrThrow();
  for (const customer of customers) {
    await ctx.db
      .insertInto('customerUserCustomers')
      .values({
        customerUserId: user.id,
        customerId: customer.id,
        canSeeAll: customer.canSeeAll ?? false,
        isPrimary: customer.isPrimary ?? false,
      })
      .execute();
  }
  const actor = await loadCustomerActor(ctx.db, user.id);
  if (!actor) throw new Error('customer user not loaded');
  return { ...user, actor };
}

/** Gives a queue a system address: it becomes one of the portal's modules, where customers open tickets. */
export async function makePortalModule(ctx: TestContext, queue: { id: number; name: string }) {
  await ctx.db
    .insertInto('systemAddresses')
    .values({ email: `${queue.name}@helpdesk.example`, displayName: queue.name, queueId: queue.id })
    .execute();
}

/**
 * A desk: one group with one queue, an agent with rw on it and one with no access at all; with
 * `portal`, the queue is a module of the portal (customer users may open tickets in it).
 */
export async function makeDesk(ctx: TestContext, options: { portal?: boolean } = {}) {
  const group = await makeGroup(ctx);
  const queue = await makeQueue(ctx, group.id);
  if (options.portal) await makePortalModule(ctx, queue);
  const agent = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
  const outsider = await makeAgent(ctx);
  return { group, queue, agent, outsider };
}

export function ticketInput(queueId: number, overrides: Partial<CreateTicketInput> = {}): CreateTicketInput {
  return {
    title: 'Variazione orario biblioteca',
    queueId,
    article: {
      channel: 'phone',
      senderType: 'customer',
      visibleToCustomer: true,
      subject: 'Variazione orario biblioteca',
      bodyText: 'I nuovi orari della biblioteca a partire dal 5/10/2018 saranno…',
    },
    ...overrides,
  };
}

export function makeTicket(
  ctx: TestContext,
  actor: Actor,
  queueId: number,
  overrides: Partial<CreateTicketInput> = {},
) {
  return createTicket(ctx, actor, ticketInput(queueId, overrides));
}
