import { notFound } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { type ConfigTableName, loose, type Reader } from './loose-db.ts';

/** The row a path names (/groups/:id/agents/:agentId) must exist: 404 otherwise. */
export async function requireRow(db: Reader, table: ConfigTableName, id: number, missing: MessageKey): Promise<void> {
  const row = await loose(db).selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(missing, id);
}
