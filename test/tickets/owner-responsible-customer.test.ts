import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { setCustomer } from '../../server/domain/tickets/commands/set-customer.ts';
import { setOwner } from '../../server/domain/tickets/commands/set-owner.ts';
import { setResponsible } from '../../server/domain/tickets/commands/set-responsible.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import {
  eventsSince,
  eventTypesSince,
  expectRefused,
  historySince,
  historyTypesSince,
  mark,
  snapshot,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Everything but rw: the keys a team lead without full access may hold. */
const ALL_BUT_RW = ['ro', 'move_into', 'create', 'note', 'owner', 'priority'] as const;

describe('set owner', () => {
  it('hands the ticket to an agent with "owner" and locks it to them, opening a new ticket', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'owner'] }]);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'owner'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await setOwner(ctx, lead, id, colleague.agentId);

    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      owner: { id: colleague.agentId, login: colleague.login },
      lock: 'lock',
      state: { name: 'open' },
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['OwnerUpdate', 'Lock', 'StateUpdate']);
    expect(history[0]).toMatchObject({ by: lead.login, data: { from: agent.agentId, to: colleague.agentId } });
    expect(history[2]).toMatchObject({ by: lead.login, data: { from: 'new', to: 'open' } });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.owner_changed',
      'ticket.locked',
      'ticket.state_changed',
    ]);
    expect(events[0]).toMatchObject({ actorAgentId: lead.agentId });
  });

  it('accepts rw as "owner" on the new owner (rw implies every key)', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    await setOwner(ctx, agent, id, colleague.agentId);

    expect(await getTicket(ctx, agent, id)).toMatchObject({ owner: { id: colleague.agentId }, lock: 'lock' });
  });

  it('lets a lead reassign a ticket another agent has locked (the owner screen needs no lock)', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'owner'] }]);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    const since = await mark(ctx);

    await setOwner(ctx, lead, id, colleague.agentId);

    expect(await getTicket(ctx, lead, id)).toMatchObject({ owner: { id: colleague.agentId }, lock: 'lock' });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['OwnerUpdate']);
  });

  it('is refused without the "owner" key', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note', 'priority'] }]);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'forbidden', () => setOwner(ctx, helper, id, colleague.agentId));
  });

  it('is refused when the new owner has no "owner" key on the queue', async () => {
    const { group, queue, agent, outsider } = await makeDesk(ctx);
    const reader = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    const error = await expectRefused(ctx, [id], 'validation', () => setOwner(ctx, agent, id, reader.agentId));
    expect(error).toMatchObject({ field: 'ownerId', messageKey: 'error.agent_lacks_permission' });
    await expectRefused(ctx, [id], 'validation', () => setOwner(ctx, agent, id, outsider.agentId));
  });

  it('is refused for a deactivated or unknown agent', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const leaver = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    await ctx.db.updateTable('agents').set({ valid: false }).where('id', '=', leaver.agentId).execute();
    const { id } = await makeTicket(ctx, agent, queue.id);

    const inactive = await expectRefused(ctx, [id], 'validation', () => setOwner(ctx, agent, id, leaver.agentId));
    expect(inactive).toMatchObject({ field: 'ownerId', messageKey: 'error.inactive' });
    const unknown = await expectRefused(ctx, [id], 'validation', () => setOwner(ctx, agent, id, 987_654));
    expect(unknown).toMatchObject({ field: 'ownerId', messageKey: 'error.not_found.agent' });
  });

  it('is refused on a merged ticket and to customer users', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [source.id], 'forbidden', () => setOwner(ctx, user.actor, source.id, colleague.agentId));

    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () =>
      setOwner(ctx, agent, source.id, colleague.agentId),
    );
  });
});

describe('set responsible', () => {
  it('names an agent who can read the queue, without touching owner or lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const supervisor = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await setResponsible(ctx, agent, id, supervisor.agentId);

    expect(await getTicket(ctx, supervisor, id)).toMatchObject({
      responsible: { id: supervisor.agentId },
      owner: { id: agent.agentId },
      lock: 'unlock',
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['ResponsibleUpdate']);
    expect(history[0]?.data).toEqual({ from: agent.agentId, to: supervisor.agentId });
    expect(await eventTypesSince(ctx, since, id)).toEqual(['ticket.responsible_changed']);
  });

  it('writes nothing when the responsible stays the same', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const before = await snapshot(ctx, [id]);

    await setResponsible(ctx, agent, id, agent.agentId);

    expect(await snapshot(ctx, [id])).toEqual(before);
  });

  it('is refused without rw on the queue', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: [...ALL_BUT_RW] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'forbidden', () => setResponsible(ctx, lead, id, lead.agentId));
  });

  it('is refused when the new responsible cannot read the queue', async () => {
    const { group, queue, agent, outsider } = await makeDesk(ctx);
    const mover = await makeAgent(ctx, [{ groupId: group.id, permissions: ['move_into'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    const error = await expectRefused(ctx, [id], 'validation', () => setResponsible(ctx, agent, id, outsider.agentId));
    expect(error).toMatchObject({ field: 'responsibleId', messageKey: 'error.agent_lacks_permission' });
    await expectRefused(ctx, [id], 'validation', () => setResponsible(ctx, agent, id, mover.agentId));
  });

  it('is refused on a merged ticket', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const source = await makeTicket(ctx, agent, queue.id);
    const target = await makeTicket(ctx, agent, queue.id);
    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () =>
      setResponsible(ctx, agent, source.id, agent.agentId),
    );
  });
});

describe('set customer', () => {
  it('sets the customer user and their only customer; the customer user then sees the ticket', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'not_found', () => getTicket(ctx, user.actor, id));
    const since = await mark(ctx);

    await setCustomer(ctx, agent, id, { customerUserId: user.id });

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      customerUser: { id: user.id, login: user.login },
      customer: { id: customer.id, name: customer.name },
    });
    expect(await getTicket(ctx, user.actor, id)).toMatchObject({ id, customerUser: { id: user.id } });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['CustomerUpdate']);
    expect(history[0]?.data).toEqual({
      from: { customerId: null, customerUserId: null },
      to: { customerId: customer.id, customerUserId: user.id },
    });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual(['ticket.customer_changed']);
  });

  it('takes the customer named, or the primary one, for someone working for several', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const first = await makeCustomer(ctx);
    const second = await makeCustomer(ctx);
    const consultant = await makeCustomerUser(ctx, [{ id: first.id }, { id: second.id }]);
    const employee = await makeCustomerUser(ctx, [{ id: first.id }, { id: second.id, isPrimary: true }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    await setCustomer(ctx, agent, id, { customerUserId: consultant.id, customerId: second.id });
    expect(await getTicket(ctx, agent, id)).toMatchObject({
      customerUser: { id: consultant.id },
      customer: { id: second.id },
    });

    await setCustomer(ctx, agent, id, { customerUserId: employee.id });
    expect(await getTicket(ctx, agent, id)).toMatchObject({
      customerUser: { id: employee.id },
      customer: { id: second.id },
    });
  });

  it('writes nothing when customer user and customer stay the same', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const first = await makeCustomer(ctx);
    const second = await makeCustomer(ctx);
    const employee = await makeCustomerUser(ctx, [{ id: first.id }, { id: second.id, isPrimary: true }]);
    const withUser = await makeTicket(ctx, agent, queue.id, { customerUserId: employee.id, customerId: first.id });
    const withCustomer = await makeTicket(ctx, agent, queue.id, { customerId: first.id });
    const without = await makeTicket(ctx, agent, queue.id);
    const before = await snapshot(ctx, [withUser.id, withCustomer.id, without.id]);

    await setCustomer(ctx, agent, withUser.id, { customerUserId: employee.id, customerId: first.id });
    await setCustomer(ctx, agent, withCustomer.id, { customerUserId: null, customerId: first.id });
    await setCustomer(ctx, agent, without.id, { customerUserId: null });

    expect(await snapshot(ctx, [withUser.id, withCustomer.id, without.id])).toEqual(before);

    // the same customer user without a customer named means their primary one: that is a change
    const since = await mark(ctx);
    await setCustomer(ctx, agent, withUser.id, { customerUserId: employee.id });
    const history = await historySince(ctx, since, withUser.id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      [
        'CustomerUpdate',
        {
          from: { customerId: first.id, customerUserId: employee.id },
          to: { customerId: second.id, customerUserId: employee.id },
        },
      ],
    ]);
    expect(await eventTypesSince(ctx, since, withUser.id)).toEqual(['ticket.customer_changed']);
  });

  it('is refused when a customer user with several customers and no primary one names none', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const first = await makeCustomer(ctx);
    const second = await makeCustomer(ctx);
    const consultant = await makeCustomerUser(ctx, [{ id: first.id }, { id: second.id }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    const error = await expectRefused(ctx, [id], 'validation', () =>
      setCustomer(ctx, agent, id, { customerUserId: consultant.id }),
    );
    expect(error).toMatchObject({ field: 'customerId', messageKey: 'error.customer_user_many_customers' });
  });

  it('is refused for a customer the customer user does not work for', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const own = await makeCustomer(ctx);
    const other = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: own.id }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    const error = await expectRefused(ctx, [id], 'validation', () =>
      setCustomer(ctx, agent, id, { customerUserId: user.id, customerId: other.id }),
    );
    expect(error).toMatchObject({ field: 'customerId', messageKey: 'error.customer_user_not_in_customer' });
  });

  it('sets only a customer, and refuses a deactivated one or an unknown customer user', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const customer = await makeCustomer(ctx);
    const closedDown = await makeCustomer(ctx);
    await ctx.db.updateTable('customers').set({ valid: false }).where('id', '=', closedDown.id).execute();
    const { id } = await makeTicket(ctx, agent, queue.id);

    await setCustomer(ctx, agent, id, { customerUserId: null, customerId: customer.id });
    expect(await getTicket(ctx, agent, id)).toMatchObject({ customerUser: null, customer: { id: customer.id } });

    const inactive = await expectRefused(ctx, [id], 'validation', () =>
      setCustomer(ctx, agent, id, { customerUserId: null, customerId: closedDown.id }),
    );
    expect(inactive).toMatchObject({ field: 'customerId', messageKey: 'error.inactive' });
    const unknown = await expectRefused(ctx, [id], 'validation', () =>
      setCustomer(ctx, agent, id, { customerUserId: 987_654 }),
    );
    expect(unknown).toMatchObject({ field: 'customerUserId' });
  });

  it('is refused without rw, on a merged ticket and to customer users', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: [...ALL_BUT_RW] }]);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const other = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [source.id], 'forbidden', () =>
      setCustomer(ctx, lead, source.id, { customerUserId: other.id }),
    );
    await expectRefused(ctx, [source.id], 'forbidden', () =>
      setCustomer(ctx, user.actor, source.id, { customerUserId: other.id }),
    );
    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () =>
      setCustomer(ctx, agent, source.id, { customerUserId: other.id }),
    );
  });
});
