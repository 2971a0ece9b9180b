import type { ExpressionBuilder } from 'kysely';
import type { DB, LinkType } from '../../../db/schema.ts';
import { DomainError, notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

export interface LinkInput {
  targetTicketId: number;
  /** normal: related; parent_child: this ticket is the parent of the target */
  type: LinkType;
}

function sameLink(ticketId: number, input: LinkInput) {
  return (eb: ExpressionBuilder<DB, 'ticketLinks'>) => {
    const forward = eb.and([eb('sourceTicketId', '=', ticketId), eb('targetTicketId', '=', input.targetTicketId)]);
    if (input.type === 'parent_child') return eb.and([forward, eb('type', '=', 'parent_child')]);
    // a normal link reads the same both ways
    const backward = eb.and([eb('sourceTicketId', '=', input.targetTicketId), eb('targetTicketId', '=', ticketId)]);
    return eb.and([eb.or([forward, backward]), eb('type', '=', 'normal')]);
  };
}

/**
 * Links two tickets; the actor needs rw on this ticket and must be able to see the other.
 * Merged and removed tickets are final: their links (the merge's parent link too) stay as they are.
 * Async, so that the self-link check too is a rejected promise.
 */
export async function linkTickets(ctx: DomainContext, actor: Actor, ticketId: number, input: LinkInput) {
  if (ticketId === input.targetTicketId) throw new DomainError('validation', 'error.link_self', {}, 'targetTicketId');
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    const target = await tx.other(input.targetTicketId);
    target.require('ro');
    target.refuseInStates(FINAL_STATE_TYPES);
    const existing = await tx.trx
      .selectFrom('ticketLinks')
      .select('type')
      .where(sameLink(ticketId, input))
      .executeTakeFirst();
    if (existing) throw new DomainError('conflict', 'error.link_exists');
    await tx.trx
      .insertInto('ticketLinks')
      .values({
        sourceTicketId: ticketId,
        targetTicketId: input.targetTicketId,
        type: input.type,
        createdBy: tx.agent.agentId,
      })
      .execute();
    const data = { source: tx.ticket.tn, target: target.ticket.tn, type: input.type };
    await tx.history('TicketLinkAdd', data);
    await target.history('TicketLinkAdd', data);
    await tx.event('ticket.linked', { ...data, otherTicketId: target.ticket.id });
  });
}

export async function unlinkTickets(ctx: DomainContext, actor: Actor, ticketId: number, input: LinkInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    const target = await tx.other(input.targetTicketId);
    target.refuseInStates(FINAL_STATE_TYPES);
    const removed = await tx.trx.deleteFrom('ticketLinks').where(sameLink(ticketId, input)).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('error.not_found.link', input.targetTicketId);
    const data = { source: tx.ticket.tn, target: target.ticket.tn, type: input.type };
    await tx.history('TicketLinkDelete', data);
    await target.history('TicketLinkDelete', data);
    await tx.event('ticket.unlinked', { ...data, otherTicketId: target.ticket.id });
  });
}
