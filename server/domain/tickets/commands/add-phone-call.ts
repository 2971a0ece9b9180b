import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import type { AttachmentInput } from '../article-writer.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { changeState } from '../state-change.ts';
import { withTicket } from '../ticket-transaction.ts';

export interface PhoneCallInput {
  direction: 'outbound' | 'inbound';
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  nextStateId?: number;
  pendingUntil?: Date | null;
  timeMinutes?: number;
  attachments?: AttachmentInput[];
}

/**
 * Records a phone call. Outbound (the agent called) is written as the agent's and takes the lock,
 * as OTRS's screen does; inbound (the customer called) is the customer's words and does not.
 */
export function addPhoneCall(ctx: DomainContext, actor: Actor, ticketId: number, input: PhoneCallInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    const outbound = input.direction === 'outbound';
    if (outbound) await tx.takeLock();
    const articleId = await addArticle(
      tx,
      {
        channel: 'phone',
        senderType: outbound ? 'agent' : 'customer',
        visibleToCustomer: true,
        subject: input.subject,
        bodyText: input.bodyText,
        bodyHtml: input.bodyHtml,
        attachments: input.attachments,
      },
      { historyType: outbound ? 'PhoneCallAgent' : 'PhoneCallCustomer', timeMinutes: input.timeMinutes },
    );
    if (input.nextStateId) await changeState(tx, input.nextStateId, input.pendingUntil);
    return { articleId };
  });
}
