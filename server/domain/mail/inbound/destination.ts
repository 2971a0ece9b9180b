import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ParsedMail } from './parsed-mail.ts';

type Reader = Kysely<DB> | Transaction<DB>;

export interface Destination {
  queueId: number;
  /** the system address the message was sent to, when one was */
  systemAddressId: number | null;
}

/** OTRS's PostmasterDefaultQueue: where a message lands when nothing says otherwise. */
const FALLBACK_QUEUE = 'Raw';

/**
 * The recipients in the order that tells best where a message was really sent: the SMTP envelope
 * first, then Resent-To / Envelope-To / Delivered-To / X-Original-To, then To and Cc (OTRS DestQueue).
 */
function recipients(mail: ParsedMail, envelopeTo: string[]): string[] {
  return [...envelopeTo, ...mail.deliveredTo.map((a) => a.address), ...[...mail.to, ...mail.cc].map((a) => a.address)]
    .map((address) => address.trim().toLowerCase())
    .filter(Boolean);
}

/** The valid system addresses, lower-cased: a message from one of them is our own (loop). */
export async function ownAddresses(db: Reader): Promise<Set<string>> {
  const rows = await db.selectFrom('systemAddresses').select('email').where('valid', '=', true).execute();
  return new Set(rows.map((row) => row.email.toLowerCase()));
}

/**
 * Which queue a new ticket goes to: a mail account that dispatches into one queue wins; otherwise
 * the first recipient that is one of our system addresses gives its queue; otherwise Raw.
 */
export async function destinationOf(
  db: Reader,
  mail: ParsedMail,
  envelopeTo: string[],
  accountQueueId: number | null,
): Promise<Destination> {
  const addresses = await db
    .selectFrom('systemAddresses')
    .innerJoin('queues', 'queues.id', 'systemAddresses.queueId')
    .select(['systemAddresses.id', 'systemAddresses.email', 'systemAddresses.queueId'])
    .where('systemAddresses.valid', '=', true)
    .where('queues.valid', '=', true)
    .execute();
  const byEmail = new Map(addresses.map((row) => [row.email.toLowerCase(), row]));
  const match = recipients(mail, envelopeTo)
    .map((address) => byEmail.get(address))
    .find((row) => row !== undefined);
  if (accountQueueId) return { queueId: accountQueueId, systemAddressId: match?.id ?? null };
  if (match?.queueId) return { queueId: match.queueId, systemAddressId: match.id };
  const raw = await db.selectFrom('queues').select('id').where('name', '=', FALLBACK_QUEUE).executeTakeFirstOrThrow();
  return { queueId: raw.id, systemAddressId: null };
}

/** The Junk queue, where filters send what nobody should answer. */
export async function junkQueueId(db: Reader): Promise<number> {
  const junk = await db.selectFrom('queues').select('id').where('name', '=', 'Junk').executeTakeFirstOrThrow();
  return junk.id;
}
