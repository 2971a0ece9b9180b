import { sql } from 'kysely';
import type { MailSource } from '../../../db/schema.ts';
import { Batcher } from '../../../platform/batcher.ts';
import { DomainError } from '../../../platform/errors.ts';
import { recordAdminChange } from '../../admin-log/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { dedupeKey } from './dedupe-key.ts';
import { type Processed, processMail, processMails } from './process-mail.ts';

export const MAIL_PROCESS_JOB = 'mail-process';

/**
 * A job for every batch of stored messages, as a safety net: the receiver processes the messages
 * at once, and this job, due later, finds them processed and does nothing; after a crash it
 * finishes the work.
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

export interface Incoming {
  raw: Uint8Array;
  meta: ReceiveMeta;
}

export type Intake = Received & Processed;

/** Refuses, before anything is written, a message that cannot be kept (empty, over MAIL_MAX_BYTES). */
export function checkStorable(ctx: DomainContext, raw: Uint8Array): void {
  if (raw.byteLength === 0) throw new DomainError('validation', 'error.mail_empty', {}, 'message');
  if (raw.byteLength > ctx.config.mailMaxBytes) {
    throw new DomainError('too_large', 'error.mail_too_large', {
      size: raw.byteLength,
      limit: ctx.config.mailMaxBytes,
    });
  }
}

/**
 * Stores raw messages before anything else happens, with one statement, and commits: from here on
 * they cannot be lost, so the transport may delete them from the mailbox or answer "250 OK". A
 * message stored before (or twice in the list) is not stored again.
 */
export async function storeMails(ctx: DomainContext, messages: Incoming[]): Promise<Received[]> {
  for (const { raw } of messages) checkStorable(ctx, raw);
  const keyed = messages.map((message) => ({ ...message, ...dedupeKey(message.raw) }));
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('mailMessages')
      .values(
        keyed.map(({ raw, meta, key, messageId }) => ({
          dedupeKey: key,
          messageId,
          source: meta.source,
          accountId: meta.accountId ?? null,
          envelopeFrom: meta.envelopeFrom ?? null,
          envelopeTo: (meta.envelopeTo ?? []).join(', '),
          raw,
          size: raw.byteLength,
          receivedAt: ctx.now(),
        })),
      )
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .returning(['id', 'dedupeKey'])
      .execute();
    const fresh = new Map(inserted.map((row) => [row.dedupeKey, row.id]));
    const others = keyed.filter(({ key }) => !fresh.has(key)).map(({ key }) => key);
    const existing =
      others.length === 0
        ? []
        : await trx.selectFrom('mailMessages').select(['id', 'dedupeKey']).where('dedupeKey', 'in', others).execute();
    const known = new Map(existing.map((row) => [row.dedupeKey, row.id]));
    if (fresh.size > 0) {
      await ctx.jobs.enqueue(
        trx,
        MAIL_PROCESS_JOB,
        { mailMessageIds: [...fresh.values()] },
        { startAfter: safetyNetDue() },
      );
    }
    const seen = new Set<string>();
    return keyed.map(({ key }) => {
      const id = fresh.get(key) ?? known.get(key);
      if (id === undefined) throw new Error(`mail message ${key} neither stored nor found`);
      const duplicate = !fresh.has(key) || seen.has(key);
      seen.add(key);
      return { id, duplicate };
    });
  });
}

export async function storeMail(ctx: DomainContext, raw: Uint8Array, meta: ReceiveMeta): Promise<Received> {
  const [received] = await storeMails(ctx, [{ raw, meta }]);
  return received as Received;
}

/**
 * Stores a batch of messages, then processes them together (see processMails). A message that
 * cannot be stored (empty, too large) is answered with its error and the others go on; a failure
 * while processing is kept on the message (status failed, visible to admins) and does not undo
 * the storing; a transient one (deadlock, lost connection) is answered with its error, the message
 * stored and left queued for the safety-net job.
 */
export async function receiveMails(ctx: DomainContext, messages: Incoming[]): Promise<(Intake | Error)[]> {
  const refusals = messages.map((message) => {
    try {
      checkStorable(ctx, message.raw);
      return null;
    } catch (error) {
      return error as Error;
    }
  });
  const storable = messages.filter((_, i) => refusals[i] === null);
  const received = storable.length > 0 ? await storeMails(ctx, storable) : [];
  const outcomes = await processMails(
    ctx,
    received.map((stored, i) => ({ id: stored.id, raw: (storable[i] as Incoming).raw })),
  );
  // the auto-responses and notifications they queued go out now
  if (received.some((stored) => !stored.duplicate)) ctx.jobs.nudge();
  const results = received.map((stored): Intake | Error => {
    const outcome = outcomes.get(stored.id);
    if (outcome instanceof Error) return outcome;
    return outcome ? { ...stored, ...outcome } : new Error(`mail message ${stored.id} not processed`);
  });
  return refusals.map((refusal) => refusal ?? (results.shift() as Intake | Error));
}

/** Messages arriving while a batch is being received wait and go together in the next one. */
const BATCH = {
  maxItems: 50,
  maxWeight: 20 * 1024 * 1024,
  weigh: (message: Incoming) => message.raw.byteLength,
  concurrency: 2,
};
const batchers = new WeakMap<DomainContext, Batcher<Incoming, Intake>>();

/**
 * What every transport calls for one message: store, then process at once. Messages that other
 * connections deliver meanwhile are received together with it (receiveMails), so a busy desk pays
 * one transaction for many messages while a message alone waits for nothing.
 */
export async function receiveMail(ctx: DomainContext, raw: Uint8Array, meta: ReceiveMeta): Promise<Intake> {
  checkStorable(ctx, raw);
  let batcher = batchers.get(ctx);
  if (!batcher) {
    batcher = new Batcher((messages) => receiveMails(ctx, messages), BATCH);
    batchers.set(ctx, batcher);
  }
  return batcher.add({ raw, meta });
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
