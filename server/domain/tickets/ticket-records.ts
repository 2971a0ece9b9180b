import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

/** The job that hands committed ticket events to their handlers (notifications, live views …). */
export const TICKET_EVENT_JOB = 'ticket-event';

interface Snapshot {
  id: number;
  queueId: number;
  ownerId: number;
  priorityId: number;
  stateId: number;
  typeId: number | null;
}

/** A history row, with OTRS's snapshot of queue, owner, priority, state and type for reports. */
export async function recordHistory(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticket: Snapshot,
  type: string,
  data: Record<string, unknown>,
  articleId?: number,
): Promise<void> {
  await trx
    .insertInto('ticketHistory')
    .values({
      ticketId: ticket.id,
      articleId: articleId ?? null,
      type,
      data: JSON.stringify(data),
      queueId: ticket.queueId,
      ownerId: ticket.ownerId,
      priorityId: ticket.priorityId,
      stateId: ticket.stateId,
      typeId: ticket.typeId,
      createdBy: actor.kind === 'agent' ? actor.agentId : 1,
      createdByCustomerUserId: actor.kind === 'customer' ? actor.customerUserId : null,
      createdAt: ctx.now(),
    })
    .execute();
}

/** An outbox row and its job, in the command's transaction: both exist exactly when the change does. */
export async function recordEvent(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticketId: number,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const row = await trx
    .insertInto('ticketEvents')
    .values({
      type,
      ticketId,
      actorAgentId: actor.kind === 'agent' ? actor.agentId : null,
      actorCustomerUserId: actor.kind === 'customer' ? actor.customerUserId : null,
      payload: JSON.stringify(payload),
      createdAt: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.jobs.enqueue(trx, TICKET_EVENT_JOB, { eventId: Number(row.id) });
}
