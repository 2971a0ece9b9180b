import type { ExpressionBuilder } from 'kysely';
import type { DB, LinkType } from '../../../db/schema.ts';
import { DomainError, notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { type TicketTransaction, withTicketPair } from '../ticket-transaction.ts';

export interface LinkInput {
  targetTicketId: number;
  /** normal: related; parent_child: this ticket is the parent of the target */
  type: LinkType;
}

/** The link of this type between the two tickets; a normal link reads the same both ways. */
function sameLink(ticketId: number, input: LinkInput) {
  return (eb: ExpressionBuilder<DB, 'ticketLinks'>) => {
    const forward = eb.and([eb('sourceTicketId', '=', ticketId), eb('targetTicketId', '=', input.targetTicketId)]);
    if (input.type === 'parent_child') return eb.and([forward, eb('type', '=', 'parent_child')]);
    return eb.and([eb.or([forward, reversed(ticketId, input.targetTicketId)(eb)]), eb('type', '=', 'normal')]);
  };
}

const reversed = (ticketId: number, otherId: number) => (eb: ExpressionBuilder<DB, 'ticketLinks'>) =>
  eb.and([eb('sourceTicketId', '=', otherId), eb('targetTicketId', '=', ticketId)]);

/** Any link between the two tickets, of any type and direction. */
export function anyLinkBetween(ticketId: number, otherId: number) {
  return (eb: ExpressionBuilder<DB, 'ticketLinks'>) =>
    eb.or([
      eb.and([eb('sourceTicketId', '=', ticketId), eb('targetTicketId', '=', otherId)]),
      reversed(ticketId, otherId)(eb),
    ]);
}

/**
 * Links two tickets; the actor needs rw on this ticket and must be able to see the other.
 * Two tickets are linked at most once: a second link of another type or direction (which would
 * make a ticket its own parent's parent) is refused, as OTRS keeps one link per pair.
 * Merged and removed tickets are final: their links (the merge's parent link too) stay as they are.
 * Async, so that the self-link check too is a rejected promise.
 */
export async function linkTickets(ctx: DomainContext, actor: Actor, ticketId: number, input: LinkInput) {
  if (ticketId === input.targetTicketId) throw new DomainError('validation', 'error.link_self', {}, 'targetTicketId');
  return withTicketPair(ctx, actor, ticketId, input.targetTicketId, async (tx, target) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    target.require('ro');
    target.refuseInStates(FINAL_STATE_TYPES);
    const existing = await tx.trx
      .selectFrom('ticketLinks')
      .select('type')
      .where(anyLinkBetween(ticketId, input.targetTicketId))
      .executeTakeFirst();
    if (existing) throw new DomainError('conflict', 'error.link_exists');
    await writeLink(tx, target, input.type);
  });
}

/** The link row, and its history row and event on both tickets, inside the caller's transaction. */
export async function writeLink(tx: TicketTransaction, target: TicketTransaction, type: LinkType): Promise<void> {
  await tx.trx
    .insertInto('ticketLinks')
    .values({
      sourceTicketId: tx.ticket.id,
      targetTicketId: target.ticket.id,
      type,
      createdBy: tx.agent.agentId,
    })
    .execute();
  const data = { source: tx.ticket.tn, target: target.ticket.tn, type };
  await tx.history('TicketLinkAdd', data);
  await target.history('TicketLinkAdd', data);
  await tx.event('ticket.linked', { ...data, otherTicketId: target.ticket.id });
  await target.event('ticket.linked', { ...data, otherTicketId: tx.ticket.id });
}

export async function unlinkTickets(ctx: DomainContext, actor: Actor, ticketId: number, input: LinkInput) {
  return withTicketPair(ctx, actor, ticketId, input.targetTicketId, async (tx, target) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    target.refuseInStates(FINAL_STATE_TYPES);
    const removed = await tx.trx.deleteFrom('ticketLinks').where(sameLink(ticketId, input)).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('error.not_found.link', input.targetTicketId);
    const data = { source: tx.ticket.tn, target: target.ticket.tn, type: input.type };
    await tx.history('TicketLinkDelete', data);
    await target.history('TicketLinkDelete', data);
    await tx.event('ticket.unlinked', { ...data, otherTicketId: target.ticket.id });
    await target.event('ticket.unlinked', { ...data, otherTicketId: tx.ticket.id });
  });
}
