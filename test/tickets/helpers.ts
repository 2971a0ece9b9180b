import { expect } from 'vitest';
import type { AgentActor } from '../../server/domain/permissions/actor.ts';
import { loadAgentActor, systemActor } from '../../server/domain/permissions/load-actor.ts';
import { ticketHistory } from '../../server/domain/tickets/queries/ticket-history.ts';
import { DomainError, type ErrorCode } from '../../server/platform/errors.ts';
import type { TestContext } from '../support/test-database.ts';

/** The default states (migration 0002), by the name a user sees. */
export const STATE = {
  new: 1,
  closedSuccessful: 2,
  closedUnsuccessful: 3,
  open: 4,
  removed: 5,
  pendingReminder: 6,
  pendingAutoClosePlus: 7,
  pendingAutoCloseMinus: 8,
  merged: 9,
} as const;

/** Reads everything, as the local command line does. */
export const admin = systemActor();

/** Row counts; single-word names, as PGlite's path maps snake_case result names to camelCase. */
interface Counts {
  tickets: number;
  articles: number;
  attachments: number;
  contents: number;
  history: number;
  events: number;
  links: number;
  minutes: number;
  jobs: number;
}

/**
 * The rows of the given tickets and the row count of every table a ticket command writes to
 * (jobs included): equal before and after a refused command when its transaction rolled back whole.
 */
export async function snapshot(ctx: TestContext, ticketIds: number[]) {
  const tickets = ticketIds.length
    ? await ctx.db.selectFrom('tickets').selectAll().where('id', 'in', ticketIds).orderBy('id').execute()
    : [];
  const { rows } = await ctx.database.executeSql(
    `SELECT (SELECT count(*) FROM tickets)::int AS tickets,
            (SELECT count(*) FROM articles)::int AS articles,
            (SELECT count(*) FROM attachments)::int AS attachments,
            (SELECT count(*) FROM attachment_contents)::int AS contents,
            (SELECT count(*) FROM ticket_history)::int AS history,
            (SELECT count(*) FROM ticket_events)::int AS events,
            (SELECT count(*) FROM ticket_links)::int AS links,
            (SELECT count(*) FROM time_accounting)::int AS minutes,
            (SELECT count(*) FROM pgboss.job)::int AS jobs`,
    [],
  );
  const counts = rows[0] as Counts | undefined;
  if (!counts) throw new Error('no counts');
  return { tickets, counts };
}

/**
 * Runs a command that must be refused: checks the DomainError code and that nothing at all was
 * written (the tickets' rows, history, events, articles, links, time, jobs are as before).
 */
export async function expectRefused(
  ctx: TestContext,
  ticketIds: number[],
  code: ErrorCode,
  run: () => Promise<unknown>,
): Promise<DomainError> {
  const before = await snapshot(ctx, ticketIds);
  // every command reports a refusal as a rejected promise: a synchronous throw escapes and fails the test
  const outcome = await run().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, 'the command should have been refused').toBeInstanceOf(DomainError);
  if (!(outcome instanceof DomainError)) throw outcome;
  expect(outcome.code).toBe(code);
  expect(await snapshot(ctx, ticketIds)).toEqual(before);
  return outcome;
}

export interface Mark {
  historyId: number;
  eventId: number;
}

/** Remembers the newest history row and event, to read what a command adds after it. */
export async function mark(ctx: TestContext): Promise<Mark> {
  const history = await ctx.db
    .selectFrom('ticketHistory')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const event = await ctx.db
    .selectFrom('ticketEvents')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return { historyId: Number(history?.id ?? 0), eventId: Number(event?.id ?? 0) };
}

/** The history rows added to a ticket since the mark, as the history view shows them. */
export async function historySince(ctx: TestContext, since: Mark, ticketId: number) {
  const rows = await ticketHistory(ctx, admin, ticketId);
  return rows.filter((row) => row.id > since.historyId);
}

export async function historyTypesSince(ctx: TestContext, since: Mark, ticketId: number): Promise<string[]> {
  return (await historySince(ctx, since, ticketId)).map((row) => row.type);
}

/** The outbox rows (ticket_events) added since the mark, for one ticket or all. */
export async function eventsSince(ctx: TestContext, since: Mark, ticketId?: number) {
  let query = ctx.db
    .selectFrom('ticketEvents')
    .select(['id', 'type', 'ticketId', 'actorAgentId', 'actorCustomerUserId', 'payload', 'processedAt'])
    .where('id', '>', since.eventId)
    .orderBy('id');
  if (ticketId !== undefined) query = query.where('ticketId', '=', ticketId);
  return query.execute();
}

export async function eventTypesSince(ctx: TestContext, since: Mark, ticketId?: number): Promise<string[]> {
  return (await eventsSince(ctx, since, ticketId)).map((event) => event.type);
}

/** Pending jobs for a ticket's pending time (pg-boss queue ticket-pending-time). */
export async function pendingJobs(ctx: TestContext, ticketId: number) {
  const { rows } = await ctx.database.executeSql(
    `SELECT data->>'pendingUntil' AS "pendingUntil", start_after AS "startAfter", state
       FROM pgboss.job WHERE name = 'ticket-pending-time' AND (data->>'ticketId')::int = $1 ORDER BY created_on`,
    [ticketId],
  );
  return rows as { pendingUntil: string; startAfter: Date; state: string }[];
}

/**
 * Takes back every key the agent holds on a group and returns them as now loaded: an owner who lost
 * their keys after being handed a ticket (a new ticket's owner must hold "owner" when named).
 */
export async function revokeGrants(ctx: TestContext, agent: AgentActor, groupId: number): Promise<AgentActor> {
  await ctx.db
    .deleteFrom('groupAgentPermissions')
    .where('agentId', '=', agent.agentId)
    .where('groupId', '=', groupId)
    .execute();
  const reloaded = await loadAgentActor(ctx.db, agent.agentId);
  if (!reloaded) throw new Error('agent not loaded');
  return reloaded;
}
