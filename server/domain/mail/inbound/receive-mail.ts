import { sql } from 'kysely';
import type { MailSource } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { recordAdminChange } from '../../admin-log/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { dedupeKey } from './dedupe-key.ts';
import { processMail } from './process-mail.ts';

export const MAIL_PROCESS_JOB = 'mail-process';

/**
 * A job for every stored message, as a safety net: the receiver processes the message at once,
 * and this job, due later, finds it processed and does nothing; after a crash it finishes the work.
 */
const SAFETY_NET_DELAY_MS = 60_000;

const safetyNetDue = () => new Date(Date.now() + SAFETY_NET_DELAY_MS);

export interface ReceiveMeta {
  source: MailSource;
  accountId?: number | null;
  envelopeFrom?: string | null;
  envelopeTo?: string[];
}

export interface Received {
  id: number;
  /** the same message was stored before (fetched again after a crash, or delivered twice) */
  duplicate: boolean;
}

/**
 * Stores a raw message before anything else happens, and commits: from here on it cannot be
 * lost, so the transport may delete it from the mailbox or answer "250 OK". A message stored
 * before is not stored again.
 */
export async function storeMail(ctx: DomainContext, raw: Uint8Array, meta: ReceiveMeta): Promise<Received> {
  if (raw.byteLength === 0) throw new DomainError('validation', 'error.mail_empty', {}, 'message');
  if (raw.byteLength > ctx.config.mailMaxBytes) {
    throw new DomainError('too_large', 'error.mail_too_large', {
      size: raw.byteLength,
      limit: ctx.config.mailMaxBytes,
    });
  }
  const { key, messageId } = dedupeKey(raw);
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('mailMessages')
      .values({
        dedupeKey: key,
        messageId,
        source: meta.source,
        accountId: meta.accountId ?? null,
        envelopeFrom: meta.envelopeFrom ?? null,
        envelopeTo: (meta.envelopeTo ?? []).join(', '),
        raw,
        size: raw.byteLength,
        receivedAt: ctx.now(),
      })
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('mailMessages')
        .select('id')
        .where('dedupeKey', '=', key)
        .executeTakeFirstOrThrow();
      return { id: existing.id, duplicate: true };
    }
    await ctx.jobs.enqueue(
      trx,
      MAIL_PROCESS_JOB,
      { mailMessageId: inserted.id },
      { startAfter: safetyNetDue(), singletonKey: `mail-${inserted.id}` },
    );
    return { id: inserted.id, duplicate: false };
  });
}

/**
 * What every transport calls: store, then process at once. A failure while processing is kept on
 * the message (status failed, visible to admins) and does not undo the storing.
 */
export async function receiveMail(ctx: DomainContext, raw: Uint8Array, meta: ReceiveMeta) {
  const received = await storeMail(ctx, raw, meta);
  const result = await processMail(ctx, received.id, raw);
  // the auto-response and notifications it queued go out now
  if (!received.duplicate) ctx.jobs.nudge();
  return { ...received, ...result };
}

/** Puts a failed, rejected or ignored message back through the pipeline (admins' "reprocess", logged). */
export async function requeueMail(ctx: DomainContext, actor: Actor, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('mailMessages')
      .select(['status', 'messageId'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    const row = await trx
      .updateTable('mailMessages')
      .set({ status: 'queued', error: null, outcome: null })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'ignored', 'rejected'])
      .where(sql<boolean>`ticket_id IS NULL`)
      .returning('id')
      .executeTakeFirst();
    if (!row || !before) throw new DomainError('conflict', 'error.mail_not_reprocessable', { id });
    await recordAdminChange(trx, actor, {
      objectType: 'mail_messages',
      objectId: id,
      objectName: before.messageId,
      action: 'reprocess',
      changes: { status: { from: before.status, to: 'queued' } },
    });
    // the same safety net as a new message: a crash right now does not leave it queued for ever
    await ctx.jobs.enqueue(trx, MAIL_PROCESS_JOB, { mailMessageId: id }, { startAfter: safetyNetDue() });
  });
  return processMail(ctx, id);
}
