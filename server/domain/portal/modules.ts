import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The product modules customer users open tickets in: the valid queues with a valid system address
 * (one address per module, as in the vendor's rules), so a request from the web lands where an
 * email to that module would.
 */
export function portalModules(db: Kysely<DB>) {
  return db
    .selectFrom('queues as q')
    .select(['q.id', 'q.name'])
    .where('q.valid', '=', true)
    .where('q.id', 'in', (eb) =>
      eb.selectFrom('systemAddresses').select('queueId').where('valid', '=', true).where('queueId', 'is not', null),
    );
}

export async function isPortalModule(db: Kysely<DB>, queueId: number): Promise<boolean> {
  return (await portalModules(db).where('q.id', '=', queueId).executeTakeFirst()) !== undefined;
}
