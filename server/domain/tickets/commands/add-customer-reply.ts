import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import type { AttachmentInput } from '../article-writer.ts';
import { stateOfType } from '../lookups.ts';
import { FINAL_STATE_TYPES, isClosed } from '../rules/states.ts';
import { changeState } from '../state-change.ts';
import { SYSTEM_AGENT_ID, type TicketTransaction, withTicket } from '../ticket-transaction.ts';

export interface CustomerReplyInput {
  subject: string;
  bodyText: string;
  attachments?: AttachmentInput[];
}

/**
 * A customer user's follow-up from the portal or API. A new ticket stays new, any other becomes
 * open; a closed ticket reopens only where its queue's follow-up policy says so (OTRS refuses
 * "reject" and "new ticket" queues in the portal too). Where the queue has "follow-up lock", a
 * reopened ticket is locked again to its owner, unless nobody (the system user) owned it.
 */
export function addCustomerReply(ctx: DomainContext, actor: Actor, ticketId: number, input: CustomerReplyInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    if (actor.kind !== 'customer') throw new DomainError('forbidden', 'error.customer_forbidden');
    tx.refuseInStates(FINAL_STATE_TYPES);
    let relock = false;
    if (isClosed(tx.ticket.stateType)) {
      const queue = await tx.trx
        .selectFrom('queues')
        .select(['followUpPolicy', 'followUpLock'])
        .where('id', '=', tx.ticket.queueId)
        .executeTakeFirstOrThrow();
      if (queue.followUpPolicy !== 'reopen') tx.refuseInStates([tx.ticket.stateType]);
      // queue option "follow-up lock": a reopened ticket goes back, locked, to the agent who owned it
      relock = queue.followUpLock && tx.ticket.ownerId !== SYSTEM_AGENT_ID && (await ownerIsValid(tx));
    }
    const articleId = await addArticle(
      tx,
      {
        channel: 'internal',
        senderType: 'customer',
        visibleToCustomer: true,
        subject: input.subject,
        bodyText: input.bodyText,
        attachments: input.attachments,
      },
      { historyType: 'FollowUp' },
    );
    if (tx.ticket.stateType !== 'new' && tx.ticket.stateType !== 'open') {
      await changeState(tx, (await stateOfType(tx.trx, 'open')).id);
    }
    if (relock) await tx.setLock('lock');
    return { articleId };
  });
}

async function ownerIsValid(tx: TicketTransaction): Promise<boolean> {
  const owner = await tx.trx
    .selectFrom('agents')
    .select('valid')
    .where('id', '=', tx.ticket.ownerId)
    .executeTakeFirst();
  return owner?.valid === true;
}
