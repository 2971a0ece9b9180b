import type { MailStatus } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import { dedupeKey } from '../inbound/dedupe-key.ts';
import { type ReceiveMeta, receiveMail } from '../inbound/receive-mail.ts';

export interface Accepted {
  id: number;
  duplicate: boolean;
  status: MailStatus;
  outcome: string | null;
  ticketId: number | null;
}

/**
 * What the three push transports (HTTP, SMTP, the pipe command) call: receiveMail, with one
 * guarantee they all answer by: a failure after the message was stored is not the sender's
 * problem. The message is kept (shown as failed or queued to admins, retried by its job), so the
 * transport still says "accepted" — an SMTP client or an MTA told otherwise would send it again
 * and, worse, bounce it. Only a refusal of the message itself (empty, too large) or a failure to
 * store it reaches the caller.
 */
export async function acceptMail(ctx: DomainContext, raw: Uint8Array, meta: ReceiveMeta): Promise<Accepted> {
  try {
    const received = await receiveMail(ctx, raw, meta);
    return {
      id: received.id,
      duplicate: received.duplicate,
      status: received.status,
      outcome: received.outcome,
      ticketId: received.ticketId,
    };
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'validation' || error.code === 'too_large')) throw error;
    const stored = await findStored(ctx, raw).catch(() => undefined);
    if (!stored) throw error;
    return stored;
  }
}

/** The row of a message stored before the failure, looked up by the same key storeMail uses. */
async function findStored(ctx: DomainContext, raw: Uint8Array): Promise<Accepted | undefined> {
  const row = await ctx.db
    .selectFrom('mailMessages')
    .select(['id', 'status', 'outcome', 'ticketId'])
    .where('dedupeKey', '=', dedupeKey(raw).key)
    .executeTakeFirst();
  // duplicate is unknown here; false is the safe answer (the caller stored it, or someone did just now)
  return row ? { ...row, duplicate: false } : undefined;
}
