import { DomainError, invalid } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { type ImportColumns, mapColumns, rowFields } from './import-columns.ts';
import type { ImportMode, ImportRequest, ImportRow } from './import-schemas.ts';

export interface RowResult {
  line: number;
  status: 'created' | 'updated' | 'error';
  id?: number;
  errors?: DomainError[];
}

/** What a row comes to: its errors, or the write (one command call, so one transaction) that stores it. */
export type PreparedRow = { errors: DomainError[] } | { write: () => Promise<{ id: number }> };

/** One kind of object to import: its columns, how a row finds the object it updates, how it is written. */
export interface ImportKind<F extends string> {
  columns: ImportColumns<F>;
  /** the field naming an existing object (customer number, login) */
  key: F;
  /** the message for a row in create mode whose object already exists */
  exists: MessageKey;
  find: (key: string) => Promise<number | undefined>;
  prepare: (cells: Partial<Record<F, string>>, existingId: number | undefined) => Promise<PreparedRow>;
}

const failed = (line: number, errors: DomainError[]): RowResult => ({ line, status: 'error', errors });

async function importRow<F extends string>(
  kind: ImportKind<F>,
  mode: ImportMode,
  row: ImportRow,
  fields: ReadonlyMap<string, F>,
): Promise<RowResult> {
  const cells = rowFields(row, fields);
  const key = cells[kind.key];
  const existingId = key === undefined ? undefined : await kind.find(key);
  if (existingId !== undefined && mode === 'create') {
    return failed(row.line, [invalid(kind.key, kind.exists, { value: key ?? '' })]);
  }
  try {
    const prepared = await kind.prepare(cells, existingId);
    if ('errors' in prepared) return failed(row.line, prepared.errors);
    const { id } = await prepared.write();
    return { line: row.line, status: existingId === undefined ? 'created' : 'updated', id };
  } catch (error) {
    // a refusal of the command (a login taken meanwhile, a short password) is this row's; anything else is a bug
    if (error instanceof DomainError) return failed(row.line, [error]);
    throw error;
  }
}

/**
 * Imports rows one by one, each written by its own command call: a bad row is reported with its
 * line and leaves the others alone, and nothing of a refused row stays written.
 */
export async function importRows<F extends string>(kind: ImportKind<F>, request: ImportRequest) {
  const fields = mapColumns(kind.columns, request.rows);
  const results: RowResult[] = [];
  for (const row of request.rows) results.push(await importRow(kind, request.mode ?? 'create', row, fields));
  return results;
}
