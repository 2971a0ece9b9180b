import { DomainError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import { stateOfType } from '../lookups.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { type TicketTransaction, withTicketPair } from '../ticket-transaction.ts';
import { anyLinkBetween } from './link-tickets.ts';

/**
 * Merges a ticket into another (OTRS TicketMerge): its articles, their history, accounted time and
 * links to other tickets move to the target; the source becomes "merged", unlocked, and is linked as the target's child;
 * both get a Merged history row and the target an internal note saying so. Async, so that even
 * the self-merge check is a rejected promise like every other refusal.
 */
export async function mergeTicket(ctx: DomainContext, actor: Actor, sourceId: number, targetId: number) {
  if (sourceId === targetId) throw new DomainError('validation', 'error.merge_self', {}, 'targetTicketId');
  return withTicketPair(ctx, actor, sourceId, targetId, async (source, target) => {
    source.require('rw');
    source.refuseInStates(FINAL_STATE_TYPES);
    await source.takeLock();
    target.require('rw');
    target.refuseInStates(FINAL_STATE_TYPES);
    await target.refuseIfLockedByOther();

    const { trx } = source;
    await trx.updateTable('articles').set({ ticketId: targetId }).where('ticketId', '=', sourceId).execute();
    await trx
      .updateTable('ticketHistory')
      .set({ ticketId: targetId })
      .where('ticketId', '=', sourceId)
      .where('articleId', 'is not', null)
      .execute();
    await trx.updateTable('timeAccounting').set({ ticketId: targetId }).where('ticketId', '=', sourceId).execute();
    const moved = Number(source.ticket.accountedMinutes);
    if (moved !== 0) {
      await target.update({ accountedMinutes: (Number(target.ticket.accountedMinutes) + moved).toFixed(2) });
      await source.update({ accountedMinutes: '0' });
    }

    const merged = await stateOfType(trx, 'merged');
    const from = source.ticket.stateName;
    await source.update({ stateId: merged.id, pendingUntil: null, mergedIntoId: targetId });
    // OTRS sets the merged state through StateSet: a StateUpdate row and a state event like any other
    await source.history('StateUpdate', { from, to: merged.name });
    await source.event('ticket.state_changed', { from, to: merged.name });
    await source.setLock('unlock');
    await moveLinks(source, target);
    await linkAsChild(source, target);
    const text = translate('en', 'history.merged_note', { source: source.ticket.tn, target: target.ticket.tn });
    await addArticle(
      target,
      { channel: 'internal', senderType: 'agent', visibleToCustomer: false, subject: text, bodyText: text },
      { historyType: 'AddNote' },
    );
    const data = { source: source.ticket.tn, target: target.ticket.tn, sourceId, targetId };
    await source.history('Merged', data);
    await target.history('Merged', data);
    await source.event('ticket.merged', data);
    await target.event('ticket.merged', data);
  });
}

/**
 * The source's links to other tickets now belong to the target; where the target is already
 * linked to that ticket, the source's link is dropped (one link per pair).
 */
async function moveLinks(source: TicketTransaction, target: TicketTransaction) {
  const { trx } = source;
  const sourceId = source.ticket.id;
  const targetId = target.ticket.id;
  const links = await trx
    .selectFrom('ticketLinks')
    .innerJoin('tickets', (join) =>
      join.on((eb) =>
        eb(
          'tickets.id',
          '=',
          eb
            .case()
            .when('sourceTicketId', '=', sourceId)
            .then(eb.ref('targetTicketId'))
            .else(eb.ref('sourceTicketId'))
            .end(),
        ),
      ),
    )
    .select(['sourceTicketId', 'targetTicketId', 'type', 'tickets.id as otherId', 'tickets.tn as otherTn'])
    .where((eb) => eb.or([eb('sourceTicketId', '=', sourceId), eb('targetTicketId', '=', sourceId)]))
    .where('tickets.id', '<>', targetId)
    .execute();
  for (const link of links) {
    const key = { sourceTicketId: link.sourceTicketId, targetTicketId: link.targetTicketId, type: link.type };
    const fromSource = link.sourceTicketId === sourceId;
    const tn = (id: number) => (id === sourceId ? source.ticket.tn : link.otherTn);
    await source.history('TicketLinkDelete', {
      source: tn(link.sourceTicketId),
      target: tn(link.targetTicketId),
      type: link.type,
    });
    await trx
      .deleteFrom('ticketLinks')
      .where((eb) => eb.and(key))
      .execute();
    const taken = await trx
      .selectFrom('ticketLinks')
      .select('type')
      .where(anyLinkBetween(targetId, link.otherId))
      .executeTakeFirst();
    if (taken) continue;
    const moved = fromSource
      ? { sourceTicketId: targetId, targetTicketId: link.otherId }
      : { sourceTicketId: link.otherId, targetTicketId: targetId };
    await trx
      .insertInto('ticketLinks')
      .values({ ...moved, type: link.type, createdBy: source.agent.agentId })
      .execute();
    await target.history('TicketLinkAdd', {
      source: fromSource ? target.ticket.tn : link.otherTn,
      target: fromSource ? link.otherTn : target.ticket.tn,
      type: link.type,
    });
  }
}

/**
 * The merged ticket becomes the target's child, replacing any other link between the two; the
 * link is recorded on both tickets as linkTickets does, unless the target already was the parent.
 */
async function linkAsChild(source: TicketTransaction, target: TicketTransaction) {
  const { trx } = source;
  const sourceId = source.ticket.id;
  const targetId = target.ticket.id;
  const existing = await trx
    .selectFrom('ticketLinks')
    .selectAll()
    .where(anyLinkBetween(sourceId, targetId))
    .executeTakeFirst();
  if (existing?.type === 'parent_child' && existing.sourceTicketId === targetId) return;
  if (existing) {
    await trx.deleteFrom('ticketLinks').where(anyLinkBetween(sourceId, targetId)).execute();
    const tn = (id: number) => (id === sourceId ? source.ticket.tn : target.ticket.tn);
    const removed = { source: tn(existing.sourceTicketId), target: tn(existing.targetTicketId), type: existing.type };
    await source.history('TicketLinkDelete', removed);
    await target.history('TicketLinkDelete', removed);
  }
  await trx
    .insertInto('ticketLinks')
    .values({
      sourceTicketId: targetId,
      targetTicketId: sourceId,
      type: 'parent_child',
      createdBy: source.agent.agentId,
    })
    .execute();
  const link = { source: target.ticket.tn, target: source.ticket.tn, type: 'parent_child' };
  await source.history('TicketLinkAdd', link);
  await target.history('TicketLinkAdd', link);
}
