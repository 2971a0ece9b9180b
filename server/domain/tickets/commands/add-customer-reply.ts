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
 * A customer user's follow-up from the portal or API. A closed ticket reopens only where its
 * queue's follow-up policy says so (OTRS refuses "reject" and "new ticket" queues in the portal too).
 */
export function addCustomerReply(ctx: DomainContext, actor: Actor, ticketId: number, input: CustomerReplyInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    if (actor.kind !== 'customer') throw new DomainError('forbidden', 'error.customer_forbidden');
    tx.refuseInStates(FINAL_STATE_TYPES);
    if (isClosed(tx.ticket.stateType) && (await followUpPolicy(tx)).followUpPolicy !== 'reopen') {
      tx.refuseInStates([tx.ticket.stateType]);
    }
    const reopen = await planReopen(tx);
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
    await reopen();
    return { articleId };
  });
}

/** The ticket's queue's follow-up policy: reopen, reject, or open a new ticket. */
export function followUpPolicy(tx: TicketTransaction) {
  return tx.trx
    .selectFrom('queues')
    .select(['followUpPolicy', 'followUpLock'])
    .where('id', '=', tx.ticket.queueId)
    .executeTakeFirstOrThrow();
}

/**
 * What a customer's follow-up does to the ticket, decided before the article is added and done
 * after it: a new ticket stays new, any other becomes open (OTRS PostmasterFollowUpState); where
 * the queue has "follow-up lock", a reopened closed ticket goes back, locked, to the agent who
 * owned it, unless nobody (the system user) or an agent no longer valid owned it.
 */
export async function planReopen(tx: TicketTransaction): Promise<() => Promise<void>> {
  const relock =
    isClosed(tx.ticket.stateType) &&
    (await followUpPolicy(tx)).followUpLock &&
    tx.ticket.ownerId !== SYSTEM_AGENT_ID &&
    (await ownerIsValid(tx));
  return async () => {
    if (tx.ticket.stateType !== 'new' && tx.ticket.stateType !== 'open') {
      await changeState(tx, (await stateOfType(tx.trx, 'open')).id);
    }
    if (relock) await tx.setLock('lock');
  };
}

async function ownerIsValid(tx: TicketTransaction): Promise<boolean> {
  const owner = await tx.trx
    .selectFrom('agents')
    .select('valid')
    .where('id', '=', tx.ticket.ownerId)
    .executeTakeFirst();
  return owner?.valid === true;
}
