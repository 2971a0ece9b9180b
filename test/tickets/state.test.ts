import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { setState } from '../../server/domain/tickets/commands/set-state.ts';
import { runPendingCheck } from '../../server/domain/tickets/pending-check.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import {
  eventsSince,
  eventTypesSince,
  expectRefused,
  historySince,
  historyTypesSince,
  mark,
  pendingJobs,
  STATE,
  snapshot,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const inFuture = (ms: number) => new Date(Date.now() + ms);

describe('set state', () => {
  it('sets the state and, like OTRS’s state screens, takes the lock and ownership (which opens a new ticket)', async () => {
    ctx.setNow(new Date());
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await setState(ctx, colleague, id, { stateId: STATE.open });

    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      state: { id: STATE.open, name: 'open', type: 'open' },
      pendingUntil: null,
      lock: 'lock',
      owner: { id: colleague.agentId },
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['Lock', 'StateUpdate', 'OwnerUpdate']);
    expect(history[1]).toMatchObject({ data: { from: 'new', to: 'open' }, snapshot: { stateId: STATE.open } });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
    ]);
    expect(events[1]?.payload).toEqual({ from: 'new', to: 'open' });
  });

  it('on an open ticket sets the state and, like OTRS’s state screens, takes the lock and ownership', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id, { stateId: STATE.open });
    const since = await mark(ctx);

    await setState(ctx, colleague, id, { stateId: STATE.pendingReminder, pendingUntil: inFuture(DAY) });

    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      state: { id: STATE.pendingReminder, name: 'pending reminder', type: 'pending_reminder' },
      lock: 'lock',
      owner: { id: colleague.agentId },
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['Lock', 'OwnerUpdate', 'StateUpdate', 'SetPendingTime']);
    expect(history[2]).toMatchObject({
      data: { from: 'open', to: 'pending reminder' },
      snapshot: { stateId: STATE.pendingReminder },
    });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.locked',
      'ticket.owner_changed',
      'ticket.state_changed',
    ]);
    expect(events[2]?.payload).toEqual({ from: 'open', to: 'pending reminder' });
  });

  it('adds the explaining note first, internal unless asked otherwise', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await setState(ctx, agent, id, {
      stateId: STATE.closedSuccessful,
      note: { subject: 'Presa in carico', bodyText: 'Verifico con la biblioteca.' },
    });

    expect((await listArticles(ctx, agent, id)).at(-1)).toMatchObject({
      channel: 'internal',
      senderType: 'agent',
      visibleToCustomer: false,
      subject: 'Presa in carico',
    });
    // the lock opened the new ticket; the note comes before the state it explains
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['Lock', {}],
      ['StateUpdate', { from: 'new', to: 'open' }],
      ['AddNote', { subject: 'Presa in carico' }],
      ['StateUpdate', { from: 'open', to: 'closed successful' }],
      ['Unlock', {}],
    ]);
  });

  it('writes nothing when the state is already set and the agent holds the lock', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id, { stateId: STATE.open, lock: true });
    const before = await snapshot(ctx, [id]);

    await setState(ctx, agent, id, { stateId: STATE.open });

    expect(await snapshot(ctx, [id])).toEqual(before);
  });

  it('sets a pending state with its time and schedules the check for that time', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const until = inFuture(2 * DAY);
    const since = await mark(ctx);

    await setState(ctx, agent, id, { stateId: STATE.pendingReminder, pendingUntil: until });

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'pending reminder', type: 'pending_reminder' },
      pendingUntil: until.toISOString(),
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['Lock', {}],
      ['StateUpdate', { from: 'new', to: 'open' }],
      ['StateUpdate', { from: 'open', to: 'pending reminder' }],
      ['SetPendingTime', { pendingUntil: until.toISOString() }],
    ]);
    // the state event covers the time set with the state
    expect(await eventTypesSince(ctx, since, id)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.state_changed',
    ]);
    const jobs = await pendingJobs(ctx, id);
    expect(jobs.map((job) => [job.pendingUntil, new Date(job.startAfter).getTime()])).toEqual([
      [until.toISOString(), until.getTime()],
    ]);
  });

  it('moves only the pending time when the state stays, and clears it when leaving pending', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const first = inFuture(DAY);
    const later = inFuture(3 * DAY);
    const { id } = await makeTicket(ctx, agent, queue.id, { stateId: STATE.pendingReminder, pendingUntil: first });
    await lockTicket(ctx, agent, id);
    const since = await mark(ctx);

    await setState(ctx, agent, id, { stateId: STATE.pendingReminder, pendingUntil: later });
    expect(await getTicket(ctx, agent, id)).toMatchObject({ pendingUntil: later.toISOString() });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['SetPendingTime']);
    // no state event, so the new time has its own
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ['ticket.pending_time_changed', { from: first.toISOString(), to: later.toISOString() }],
    ]);
    expect((await pendingJobs(ctx, id)).map((job) => job.pendingUntil)).toEqual([
      first.toISOString(),
      later.toISOString(),
    ]);

    await setState(ctx, agent, id, { stateId: STATE.open });
    expect(await getTicket(ctx, agent, id)).toMatchObject({ state: { name: 'open' }, pendingUntil: null });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['SetPendingTime', 'StateUpdate']);
    expect(await eventTypesSince(ctx, since, id)).toEqual(['ticket.pending_time_changed', 'ticket.state_changed']);
  });

  it('refuses a pending state without a time, or with a past one, and leaves the lock untaken', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    const missing = await expectRefused(ctx, [id], 'validation', () =>
      setState(ctx, colleague, id, { stateId: STATE.pendingAutoClosePlus, note: { subject: 'x', bodyText: 'y' } }),
    );
    expect(missing).toMatchObject({ field: 'pendingUntil', messageKey: 'error.pending_needs_time' });
    await expectRefused(ctx, [id], 'validation', () =>
      setState(ctx, colleague, id, { stateId: STATE.pendingReminder, pendingUntil: new Date(Date.now() - HOUR) }),
    );
  });

  it('refuses merged and removed (only merging and removal reach them) and unknown or inactive states', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const retired = await ctx.db
      .insertInto('states')
      .values({ name: `retired-${id}`, type: 'open', valid: false })
      .returning('id')
      .executeTakeFirstOrThrow();

    for (const stateId of [STATE.merged, STATE.removed]) {
      const error = await expectRefused(ctx, [id], 'validation', () => setState(ctx, agent, id, { stateId }));
      expect(error).toMatchObject({ field: 'stateId', messageKey: 'error.state_not_settable' });
    }
    const inactive = await expectRefused(ctx, [id], 'validation', () =>
      setState(ctx, agent, id, { stateId: retired.id }),
    );
    expect(inactive.messageKey).toBe('error.inactive');
    const unknown = await expectRefused(ctx, [id], 'validation', () => setState(ctx, agent, id, { stateId: 987_654 }));
    expect(unknown.messageKey).toBe('error.not_found.state');
  });

  it('is refused without rw, while another agent holds the lock, to customers and on merged tickets', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const lead = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro', 'move_into', 'create', 'note', 'owner', 'priority'] },
    ]);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, agent, queue.id);
    const open = { stateId: STATE.open };

    await expectRefused(ctx, [source.id], 'forbidden', () => setState(ctx, lead, source.id, open));
    await expectRefused(ctx, [source.id], 'forbidden', () => setState(ctx, user.actor, source.id, open));
    await lockTicket(ctx, agent, source.id);
    await expectRefused(ctx, [source.id], 'locked_by_other', () => setState(ctx, colleague, source.id, open));
    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () => setState(ctx, agent, source.id, open));
  });
});

describe('close', () => {
  it('closes successful and releases the lock it took', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await closeTicket(ctx, colleague, id, {
      successful: true,
      note: { subject: 'Risolto', bodyText: 'Orari pubblicati.', visibleToCustomer: true },
    });

    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      state: { name: 'closed successful', type: 'closed_successful' },
      lock: 'unlock',
      owner: { id: colleague.agentId },
    });
    expect((await listArticles(ctx, colleague, id)).at(-1)).toMatchObject({
      subject: 'Risolto',
      visibleToCustomer: true,
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual([
      'Lock',
      'StateUpdate',
      'OwnerUpdate',
      'AddNote',
      'StateUpdate',
      'Unlock',
    ]);
    expect(await eventTypesSince(ctx, since, id)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
      'article.created',
      'ticket.state_changed',
      'ticket.unlocked',
    ]);
  });

  it('closes unsuccessful, clears a pending time, and can be reopened', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id, {
      stateId: STATE.pendingReminder,
      pendingUntil: inFuture(DAY),
    });

    await closeTicket(ctx, agent, id, { successful: false });
    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'closed unsuccessful', type: 'closed_unsuccessful' },
      pendingUntil: null,
      lock: 'unlock',
    });

    const since = await mark(ctx);
    await setState(ctx, agent, id, { stateId: STATE.open });
    expect(await getTicket(ctx, agent, id)).toMatchObject({ state: { name: 'open' }, lock: 'lock' });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['Lock', 'StateUpdate']);
  });

  it('is refused without rw and while another agent holds the lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note', 'owner', 'priority'] }]);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [id], 'forbidden', () => closeTicket(ctx, helper, id, { successful: true }));
    await lockTicket(ctx, agent, id);
    await expectRefused(ctx, [id], 'locked_by_other', () =>
      closeTicket(ctx, colleague, id, { successful: true, note: { subject: 'x', bodyText: 'y' } }),
    );
  });
});

/**
 * The pending-time job is due at the pending time (pg-boss compares with the database clock,
 * which is real time), while the command reads ctx.now(): the test clock is set in the past,
 * so that the job is already due for pg-boss and the test decides when "now" passes the time.
 */
describe('pending auto close (job)', () => {
  it('closes successful at the pending time and unlocks with an Unlock row, as the system', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(new Date('2020-03-02T09:00:00Z'));
    const { id } = await makeTicket(ctx, agent, queue.id);
    await setState(ctx, agent, id, {
      stateId: STATE.pendingAutoClosePlus,
      pendingUntil: new Date('2020-03-03T09:00:00Z'),
    });
    expect(await getTicket(ctx, agent, id)).toMatchObject({ lock: 'lock' });
    const since = await mark(ctx);

    ctx.setNow(new Date('2020-03-03T09:00:01Z'));
    await ctx.jobs.drain();

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'closed successful' },
      pendingUntil: null,
      lock: 'unlock',
      owner: { id: agent.agentId },
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.data, row.by])).toEqual([
      ['StateUpdate', { from: 'pending auto close+', to: 'closed successful', automatic: true }, 'root@localhost'],
      ['Unlock', {}, 'root@localhost'],
    ]);
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => [event.type, event.payload, event.actorAgentId])).toEqual([
      ['ticket.state_changed', { from: 'pending auto close+', to: 'closed successful', automatic: true }, 1],
      ['ticket.unlocked', {}, 1],
    ]);
    // the drain also handed the committed events to their handler
    expect(events[0]?.processedAt).toBeInstanceOf(Date);
    ctx.setNow(new Date());
  });

  it('closes unsuccessful for "pending auto close-"; an unlocked ticket gets no Unlock row', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(new Date('2020-04-01T09:00:00Z'));
    const { id } = await makeTicket(ctx, agent, queue.id, {
      stateId: STATE.pendingAutoCloseMinus,
      pendingUntil: new Date('2020-04-02T09:00:00Z'),
    });
    const since = await mark(ctx);

    ctx.setNow(new Date('2020-04-05T00:00:00Z'));
    await ctx.jobs.drain();

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'closed unsuccessful' },
      pendingUntil: null,
      lock: 'unlock',
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['StateUpdate']);
    expect(await eventTypesSince(ctx, since, id)).toEqual(['ticket.state_changed']);
    ctx.setNow(new Date());
  });

  it('does nothing before the time: the job is not due yet', async () => {
    ctx.setNow(new Date());
    const { queue, agent } = await makeDesk(ctx);
    const until = inFuture(HOUR);
    const { id } = await makeTicket(ctx, agent, queue.id, {
      stateId: STATE.pendingAutoClosePlus,
      pendingUntil: until,
    });
    const before = await snapshot(ctx, [id]);

    await ctx.jobs.drain();

    expect((await snapshot(ctx, [id])).tickets).toEqual(before.tickets);
    expect(await getTicket(ctx, agent, id)).toMatchObject({ state: { name: 'pending auto close+' } });
  });

  it('a job run early (database clock ahead of ours) fails without a change, so pg-boss retries it', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(new Date('2020-05-01T09:00:00Z'));
    const due = new Date('2020-05-02T09:00:00Z');
    const { id } = await makeTicket(ctx, agent, queue.id, { stateId: STATE.pendingAutoClosePlus, pendingUntil: due });
    const before = await snapshot(ctx, [id]);

    await expect(runPendingCheck(ctx, { ticketId: id, pendingUntil: due.toISOString() })).rejects.toThrow();
    expect(await snapshot(ctx, [id])).toEqual(before);

    ctx.setNow(new Date('2020-05-02T09:00:00Z'));
    await ctx.jobs.drain();
    expect(await getTicket(ctx, agent, id)).toMatchObject({ state: { name: 'closed successful' } });
    ctx.setNow(new Date());
  });

  it('ignores a job left from an earlier pending time, and a ticket taken out of pending', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(new Date('2020-06-01T09:00:00Z'));
    const moved = await makeTicket(ctx, agent, queue.id, {
      stateId: STATE.pendingAutoClosePlus,
      pendingUntil: new Date('2020-06-02T09:00:00Z'),
    });
    const reopened = await makeTicket(ctx, agent, queue.id, {
      stateId: STATE.pendingAutoClosePlus,
      pendingUntil: new Date('2020-06-02T09:00:00Z'),
    });
    await setState(ctx, agent, moved.id, {
      stateId: STATE.pendingAutoClosePlus,
      pendingUntil: new Date('2020-06-04T09:00:00Z'),
    });
    await setState(ctx, agent, reopened.id, { stateId: STATE.open });
    const since = await mark(ctx);

    ctx.setNow(new Date('2020-06-05T00:00:00Z'));
    await ctx.jobs.drain();

    // one close for the later time (releasing the lock setState took); the earlier time's job did nothing
    expect(await historyTypesSince(ctx, since, moved.id)).toEqual(['StateUpdate', 'Unlock']);
    expect(await getTicket(ctx, agent, moved.id)).toMatchObject({ state: { name: 'closed successful' } });
    expect(await historyTypesSince(ctx, since, reopened.id)).toEqual([]);
    expect(await getTicket(ctx, agent, reopened.id)).toMatchObject({ state: { name: 'open' }, lock: 'lock' });
    ctx.setNow(new Date());
  });

  it('raises the reminder event for pending reminder, leaving the state alone', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(new Date('2020-07-01T09:00:00Z'));
    const due = new Date('2020-07-01T15:00:00Z');
    const { id } = await makeTicket(ctx, agent, queue.id, { stateId: STATE.pendingReminder, pendingUntil: due });
    const since = await mark(ctx);

    ctx.setNow(new Date('2020-07-01T15:00:00Z'));
    await ctx.jobs.drain();

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'pending reminder' },
      pendingUntil: due.toISOString(),
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual([]);
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ['ticket.pending_reminder_reached', { pendingUntil: due.toISOString() }],
    ]);
    ctx.setNow(new Date());
  });
});
