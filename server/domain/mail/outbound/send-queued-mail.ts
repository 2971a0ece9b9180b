import type { DomainContext } from '../../context.ts';
import { nextAttemptAt } from './retry-schedule.ts';
import { isPermanentFailure } from './smtp-failure.ts';
import { type OutgoingMessage, smtpErrorText, smtpSend } from './smtp-send.ts';

/** The outboxes of mail that is no article: notifications, replies to refused messages, password reset links. */
export type MailOutbox = 'notificationDeliveries' | 'intakeReplies' | 'passwordResets';

/**
 * Sends one message of an outbox row and records the attempt: sent; or the server's error and the
 * next attempt, scheduled in the transaction that records it (so the counter and the schedule never
 * disagree); or failed after the last attempt or a permanent refusal. Only a row still queued is
 * updated: a job run twice records once.
 */
export async function sendQueuedMail(
  ctx: DomainContext,
  outbox: MailOutbox,
  id: number,
  job: { name: string; data: Record<string, unknown> },
  message: OutgoingMessage,
): Promise<void> {
  const failure = await smtpSend(ctx.config, message).then(
    () => undefined,
    (error: unknown) => ({ text: smtpErrorText(error), permanent: isPermanentFailure(error) }),
  );
  // the outboxes have the same id, status, attempts, last_error and sent_at columns
  const table = outbox as 'intakeReplies';
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable(table)
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        ...(failure ? { lastError: failure.text } : { status: 'sent' as const, lastError: null, sentAt: ctx.now() }),
      }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returning('attempts')
      .executeTakeFirst();
    if (!row || !failure) return;
    // pg-boss compares start_after with the database's clock: the real one, not a test's
    const next = failure.permanent ? undefined : nextAttemptAt(new Date(), row.attempts);
    if (next) {
      await ctx.jobs.enqueue(trx, job.name, job.data, { startAfter: next });
      return;
    }
    await trx.updateTable(table).set({ status: 'failed' }).where('id', '=', id).execute();
  });
}
