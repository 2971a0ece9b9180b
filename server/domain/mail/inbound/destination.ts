import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import type { ParsedMail } from './parsed-mail.ts';

type Reader = Kysely<DB> | Transaction<DB>;

export interface Destination {
  queueId: number;
  /** the system address the message was sent to, when one was */
  systemAddressId: number | null;
}

/**
 * OTRS's PostmasterDefaultQueue (Raw) and the Junk queue, by the ids of the default data: they
 * cannot be deleted (queue-table protectedIds), but an admin may rename them.
 */
const RAW_QUEUE_ID = 2;
/** The Junk queue, where filters send what nobody should answer. */
const JUNK_QUEUE_ID = 3;

/**
 * The recipients in the order that tells best where a message was really sent: the SMTP envelope
 * first, then Resent-To / Envelope-To / Delivered-To / X-Original-To, then To and Cc (OTRS DestQueue).
 */
function recipients(mail: ParsedMail, envelopeTo: string[]): string[] {
  return [...envelopeTo, ...mail.deliveredTo.map((a) => a.address), ...[...mail.to, ...mail.cc].map((a) => a.address)]
    .map((address) => address.trim().toLowerCase())
    .filter(Boolean);
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
  memo: ReadMemo = noMemo,
): Promise<Destination> {
  const addresses = await memo('destinations', () =>
    db
      .selectFrom('systemAddresses')
      .innerJoin('queues', 'queues.id', 'systemAddresses.queueId')
      .select(['systemAddresses.id', 'systemAddresses.email', 'systemAddresses.queueId'])
      .where('systemAddresses.valid', '=', true)
      .where('queues.valid', '=', true)
      .execute(),
  );
  const byEmail = new Map(addresses.map((row) => [row.email.toLowerCase(), row]));
  const match = recipients(mail, envelopeTo)
    .map((address) => byEmail.get(address))
    .find((row) => row !== undefined);
  if (accountQueueId) return { queueId: accountQueueId, systemAddressId: match?.id ?? null };
  if (match?.queueId) return { queueId: match.queueId, systemAddressId: match.id };
  return { queueId: RAW_QUEUE_ID, systemAddressId: null };
}

export { JUNK_QUEUE_ID };
