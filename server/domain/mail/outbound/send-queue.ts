import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';

/** The job that sends one queued article (payload { articleId }). */
export const MAIL_SEND_JOB = 'mail-send';

/** Queues the sending of an article, inside the transaction that wrote it (or recorded its last failure). */
export async function enqueueArticleSend(
  ctx: DomainContext,
  trx: Transaction<DB>,
  articleId: number,
  startAfter?: Date,
): Promise<void> {
  await ctx.jobs.enqueue(trx, MAIL_SEND_JOB, { articleId }, startAfter ? { startAfter } : {});
}
