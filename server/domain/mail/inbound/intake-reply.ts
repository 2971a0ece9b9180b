import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import { renderAutoResponse } from '../outbound/auto-response.ts';
import { newMessageId } from '../outbound/message-id.ts';
import { withinDailyLimit } from './auto-reply.ts';
import type { AnswerPlan } from './delivery-plan.ts';
import type { IntakeFlag } from './intake-rules.ts';

export const INTAKE_REPLY_JOB = 'intake-reply-send';

/** What the sender must fix, one line each, in the seed's words. */
const REASONS: Record<'it' | 'en', Record<IntakeFlag, string>> = {
  it: {
    subject_empty: "- l'oggetto è vuoto: indichi in poche parole il motivo della richiesta",
    subject_generic:
      '- l\'oggetto è troppo generico: indichi il problema o il modulo interessato (non "Richiesta assistenza" o "Aiuto")',
    phone_missing: '- manca la firma con un recapito telefonico (fisso o cellulare) per poterla ricontattare',
  },
  en: {
    subject_empty: '- the subject is empty: say in a few words what the request is about',
    subject_generic: '- the subject is too generic: name the problem or the module concerned (not "Help" or "Request")',
    phone_missing: '- the signature with a phone number (landline or mobile) to call you back is missing',
  },
};

/**
 * Queues the reply to a refused message, telling the sender what to send again. No ticket exists,
 * so it waits in intake_replies; loop protection applies as for every auto-response.
 */
export async function queueIntakeReply(
  ctx: DomainContext,
  trx: Transaction<DB>,
  mailMessageId: number,
  queueId: number,
  rejections: IntakeFlag[],
  answer: AnswerPlan,
  subject: string,
  inReplyTo: string | null,
  memo: ReadMemo = noMemo,
): Promise<void> {
  if (answer.blocker || !answer.replyTo) return;
  const address = answer.replyTo.address.toLowerCase();
  if (!(await withinDailyLimit(ctx, trx, address))) return;
  const text = await renderAutoResponse(
    trx,
    {
      queueId,
      kind: 'intake_reject',
      language: answer.language,
      vars: {
        subject,
        customerName: answer.customerName,
        reasons: rejections.map((flag) => REASONS[answer.language][flag]).join('\n'),
      },
    },
    memo,
  );
  const row = await trx
    .insertInto('intakeReplies')
    .values({
      mailMessageId,
      queueId,
      address,
      language: answer.language,
      subject: text.subject,
      bodyText: text.bodyText,
      messageId: newMessageId(ctx.config),
      inReplyTo,
      createdAt: ctx.now(),
    })
    .onConflict((oc) => oc.column('mailMessageId').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) await ctx.jobs.enqueue(trx, INTAKE_REPLY_JOB, { replyId: row.id });
}
