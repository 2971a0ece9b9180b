import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ParsedMail } from './parsed-mail.ts';
import type { FilterOutcome } from './postmaster-filters.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/**
 * What a message from a trusted mail account says about itself (OTRS's X-OTRS-* headers): the
 * queue and priority by name, or to be ignored. Another system that forwards mail into a trusted
 * mailbox can route it this way; from any other account these headers are only text.
 */
export async function trustedHeaders(db: Reader, mail: ParsedMail): Promise<Partial<FilterOutcome>> {
  const header = (name: string) => mail.headers.get(name)?.[0]?.trim() ?? '';
  const outcome: Partial<FilterOutcome> = {};
  if (/^(yes|true|1)$/i.test(header('x-sportello-ignore'))) outcome.disposition = 'ignore';
  const queueName = header('x-sportello-queue');
  if (queueName) {
    const queue = await db
      .selectFrom('queues')
      .select('id')
      .where('name', '=', queueName)
      .where('valid', '=', true)
      .executeTakeFirst();
    if (queue) outcome.queueId = queue.id;
  }
  const priorityName = header('x-sportello-priority');
  if (priorityName) {
    const priority = await db
      .selectFrom('priorities')
      .select('id')
      .where('name', '=', priorityName)
      .where('valid', '=', true)
      .executeTakeFirst();
    if (priority) outcome.priorityId = priority.id;
  }
  return outcome;
}
