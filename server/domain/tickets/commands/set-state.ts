import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { changeState } from '../state-change.ts';
import { withTicket } from '../ticket-transaction.ts';

export interface SetStateInput {
  stateId: number;
  pendingUntil?: Date | null;
  /** an internal note explaining the change (OTRS's close and pending screens ask for one) */
  note?: { subject: string; bodyText: string; visibleToCustomer?: boolean };
}

/** Sets the state, pending with a time included; like OTRS's close and pending screens it takes the lock. */
export function setState(ctx: DomainContext, actor: Actor, ticketId: number, input: SetStateInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await tx.takeLock();
    if (input.note) {
      await addArticle(
        tx,
        {
          channel: 'internal',
          senderType: 'agent',
          visibleToCustomer: input.note.visibleToCustomer ?? false,
          subject: input.note.subject,
          bodyText: input.note.bodyText,
        },
        { historyType: 'AddNote' },
      );
    }
    await changeState(tx, input.stateId, input.pendingUntil);
  });
}
