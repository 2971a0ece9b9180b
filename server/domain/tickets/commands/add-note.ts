import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import type { AttachmentInput } from '../article-writer.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

export interface NoteInput {
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  visibleToCustomer?: boolean;
  timeMinutes?: number;
  attachments?: AttachmentInput[];
}

/** A note: internal by default, or visible to the customer. Allowed on a ticket locked by another. */
export function addNote(ctx: DomainContext, actor: Actor, ticketId: number, input: NoteInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('note');
    tx.refuseInStates(FINAL_STATE_TYPES);
    const articleId = await addArticle(
      tx,
      {
        channel: 'internal',
        senderType: 'agent',
        visibleToCustomer: input.visibleToCustomer ?? false,
        subject: input.subject,
        bodyText: input.bodyText,
        bodyHtml: input.bodyHtml,
        attachments: input.attachments,
      },
      { historyType: 'AddNote', timeMinutes: input.timeMinutes },
    );
    return { articleId };
  });
}
