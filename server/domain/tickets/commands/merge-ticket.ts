import { DomainError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import { stateOfType } from '../lookups.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

/**
 * Merges a ticket into another (OTRS TicketMerge): its articles, their history and accounted time
 * move to the target; the source becomes "merged", unlocked, and is linked as the target's child;
 * both get a Merged history row and the target an internal note saying so. Async, so that even
 * the self-merge check is a rejected promise like every other refusal.
 */
export async function mergeTicket(ctx: DomainContext, actor: Actor, sourceId: number, targetId: number) {
  if (sourceId === targetId) throw new DomainError('validation', 'error.merge_self', {}, 'targetTicketId');
  return withTicket(ctx, actor, sourceId, async (source) => {
    source.require('rw');
    source.refuseInStates(FINAL_STATE_TYPES);
    await source.takeLock();
    const target = await source.other(targetId);
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
    const linked = await trx
      .insertInto('ticketLinks')
      .values({
        sourceTicketId: targetId,
        targetTicketId: sourceId,
        type: 'parent_child',
        createdBy: source.agent.agentId,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('sourceTicketId')
      .executeTakeFirst();
    // recorded on both tickets as linkTickets does, unless the target already was the parent
    if (linked) {
      const link = { source: target.ticket.tn, target: source.ticket.tn, type: 'parent_child' };
      await source.history('TicketLinkAdd', link);
      await target.history('TicketLinkAdd', link);
    }
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
