import type { Config } from '../../../config/config.ts';
import type { Reader } from '../../config/loose-db.ts';
import { mailHost } from './message-id.ts';

export interface SenderAddress {
  name: string;
  address: string;
}

/**
 * Who mail about a ticket in this queue comes from: the queue's system address; else the desk's
 * first valid system address; else sportello@ the public host, so a queue without an address
 * still sends.
 */
export async function queueSender(db: Reader, config: Config, queueId: number): Promise<SenderAddress> {
  const own = await db
    .selectFrom('queues as q')
    .innerJoin('systemAddresses as s', 's.id', 'q.systemAddressId')
    .select(['s.email', 's.displayName'])
    .where('q.id', '=', queueId)
    .where('s.valid', '=', true)
    .executeTakeFirst();
  return own ? { name: own.displayName, address: own.email } : defaultSender(db, config);
}

/**
 * Who mail about no queue comes from (a password reset link): the desk's first valid system
 * address, else sportello@ the public host.
 */
export async function defaultSender(db: Reader, config: Config): Promise<SenderAddress> {
  const found = await db
    .selectFrom('systemAddresses')
    .select(['email', 'displayName'])
    .where('valid', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  if (found) return { name: found.displayName, address: found.email };
  return { name: 'Sportello', address: `sportello@${mailHost(config)}` };
}

/** Every address of the desk itself, lower case: never a recipient of our own replies. */
export async function systemAddresses(db: Reader): Promise<Set<string>> {
  const rows = await db.selectFrom('systemAddresses').select('email').execute();
  return new Set(rows.map((row) => row.email.toLowerCase()));
}
