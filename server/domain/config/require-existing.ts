import { DomainError, invalid } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { type ConfigTableName, loose, type Reader } from './loose-db.ts';

/** Ids given in a list field (serviceIds, queueIds…) must exist, each once; names the field otherwise. */
export async function requireExisting(
  db: Reader,
  table: ConfigTableName,
  ids: readonly number[],
  field: string,
  missing: MessageKey,
): Promise<void> {
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) throw invalid(field, 'error.listed_twice', { value: id });
    seen.add(id);
  }
  if (ids.length === 0) return;
  const rows = await loose(db).selectFrom(table).select('id').where('id', 'in', ids).execute();
  const found = new Set(rows.map((row) => row.id));
  const absent = ids.find((id) => !found.has(id));
  if (absent !== undefined) throw new DomainError('validation', missing, { id: absent }, field);
}
