import type { Transaction } from 'kysely';
import type { AutoResponseKind, DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { systemActor } from '../../permissions/load-actor.ts';
import type { ReadMemo } from '../../read-memo.ts';
import { addArticle } from '../../tickets/article-step.ts';
import { followUpPolicy, planReopen } from '../../tickets/commands/add-customer-reply.ts';
import { completeTicket, insertTicket } from '../../tickets/commands/create-ticket.ts';
import { writeLink } from '../../tickets/commands/link-tickets.ts';
import { FINAL_STATE_TYPES, isClosed } from '../../tickets/rules/states.ts';
import { lockTicketRow, type Ticket, TicketTransaction } from '../../tickets/ticket-transaction.ts';
import { sendAutoReply } from './auto-reply.ts';
import type { AnswerPlan, DeliveryPlan } from './delivery-plan.ts';
import { queueIntakeReply } from './intake-reply.ts';
import type { Processed } from './process-mail.ts';
import { createSenderCustomerUser } from './sender-customer.ts';

/** What the messages of a batch share inside its transaction. */
export interface BatchHolds {
  /** the reads of queues and auto-response texts */
  memo: ReadMemo;
  /** the tickets the batch follows up, locked */
  tickets: Map<number, TicketTransaction>;
  /** the new tickets' rows, written with one statement, by number */
  newTickets: Map<string, Ticket>;
}

/** A new ticket whose unknown sender is first made a customer user (MAIL_CREATE_CUSTOMER_USERS). */
export const makesCustomerUser = (plan: DeliveryPlan) =>
  plan.kind === 'new_ticket' && plan.createCustomer && plan.mail.from !== null;

/** Carries out a delivery plan inside its batch's transaction. */
export async function deliverMail(
  ctx: DomainContext,
  trx: Transaction<DB>,
  plan: DeliveryPlan,
  batch: BatchHolds,
): Promise<Processed> {
  const actor = systemActor();
  const { memo } = batch;
  const hold = (ticketId: number) => batch.tickets.get(ticketId) ?? lockTicketRow(ctx, trx, actor, ticketId);
  switch (plan.kind) {
    case 'ignore':
      return { status: 'ignored', outcome: 'ignored', ticketId: null, articleId: null };
    case 'reject_intake': {
      const messageId = plan.mail.messageId ? `<${plan.mail.messageId}>` : null;
      await queueIntakeReply(
        ctx,
        trx,
        plan.mailMessageId,
        plan.queueId,
        plan.rejections,
        plan.answer,
        plan.mail.subject,
        messageId,
        memo,
      );
      return { status: 'rejected', outcome: 'rejected_intake', ticketId: null, articleId: null };
    }
    case 'bounce': {
      const tx = await hold(plan.ticketId);
      const articleId = await addArticle(tx, plan.article, { historyType: plan.failed ? 'Bounce' : 'DeliveryDelayed' });
      if (plan.failed) {
        await trx
          .updateTable('articles')
          .set({ sendStatus: 'bounced' })
          .where('id', '=', plan.reportedArticleId)
          .execute();
        await tx.event('article.bounced', { articleId: plan.reportedArticleId, reportArticleId: articleId });
      }
      const outcome = plan.failed ? 'bounce' : 'delivery_delayed';
      return { status: 'processed', outcome, ticketId: plan.ticketId, articleId };
    }
    case 'follow_up': {
      const tx = await hold(plan.ticketId);
      await filterHistory(tx, plan.filters);
      const closed = isClosed(tx.ticket.stateType) || FINAL_STATE_TYPES.includes(tx.ticket.stateType);
      if (closed && (await followUpPolicy(tx)).followUpPolicy === 'reject') {
        // the message is kept on the ticket (agents see it) but does not reopen it
        const articleId = await addArticle(tx, plan.article, { historyType: 'FollowUp' });
        await answer(tx, plan, plan.answer, 'reject', memo);
        return { status: 'rejected', outcome: 'rejected_follow_up', ticketId: tx.ticket.id, articleId };
      }
      const reopen = await planReopen(tx);
      const articleId = await addArticle(tx, plan.article, { historyType: 'FollowUp' });
      await reopen();
      await answer(tx, plan, plan.answer, 'follow_up', memo);
      return { status: 'processed', outcome: 'follow_up', ticketId: tx.ticket.id, articleId };
    }
    case 'new_ticket': {
      let prepared = plan.prepared;
      const written = batch.newTickets.get(prepared.tn);
      if (makesCustomerUser(plan) && plan.mail.from) {
        const customerUserId = await createSenderCustomerUser(trx, plan.mail.from, plan.answer.language);
        prepared = { ...prepared, customerUserId, customerContact: '' };
      }
      const created = written
        ? await completeTicket(ctx, trx, actor, prepared, written)
        : await insertTicket(ctx, trx, actor, prepared);
      // written in this transaction, so nobody else sees it yet: no need to lock it and read it back
      const tx = new TicketTransaction(ctx, trx, actor, {
        ...created.ticket,
        queueGroupId: prepared.queue.groupId,
        queueName: prepared.queue.name,
        stateType: prepared.state.type,
        stateName: prepared.state.name,
      });
      await filterHistory(tx, plan.filters);
      if (plan.closedTicketId) {
        const closed = await hold(plan.closedTicketId);
        await tx.history('FollowUpOfClosed', { tn: closed.ticket.tn, state: closed.ticket.stateName });
        await writeLink(closed, tx, 'normal');
      }
      await answer(tx, plan, plan.answer, plan.closedTicketId ? 'new_ticket_for_closed' : 'new_ticket', memo);
      return {
        status: 'processed',
        outcome: plan.closedTicketId ? 'new_ticket_for_closed' : 'new_ticket',
        ticketId: created.id,
        articleId: created.articleId,
      };
    }
  }
}

async function filterHistory(tx: TicketTransaction, filters: string[]): Promise<void> {
  if (filters.length > 0) await tx.history('PostmasterFilter', { filters });
}

function answer(tx: TicketTransaction, plan: DeliveryPlan, how: AnswerPlan, kind: AutoResponseKind, memo: ReadMemo) {
  if (!how.replyTo) return tx.history('AutoResponseSkipped', { kind, reason: 'no-sender' });
  const messageId = plan.mail.messageId ? `<${plan.mail.messageId}>` : null;
  return sendAutoReply(
    tx,
    {
      kind,
      to: how.replyTo,
      language: how.language,
      blocker: how.blocker,
      inReplyTo: messageId,
      references: [...plan.mail.references.map((id) => `<${id}>`), messageId].filter(Boolean).join(' ') || null,
      subject: plan.mail.subject,
      customerName: how.customerName,
    },
    memo,
  );
}
