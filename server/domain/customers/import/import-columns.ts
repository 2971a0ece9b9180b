import { invalid } from '../../../platform/errors.ts';
import type { ImportRow } from './import-schemas.ts';

/** The columns of an import file: the API's field names, and other names a file may use for one. */
export interface ImportColumns<F extends string> {
  fields: readonly F[];
  aliases?: Readonly<Record<string, F>>;
}

/** "First name", "first_name" and "FIRSTNAME" all name firstName: spreadsheets title columns freely. */
const normalize = (header: string) => header.replace(/[\s_-]/g, '').toLowerCase();

function fieldOf<F extends string>(columns: ImportColumns<F>, header: string): F | undefined {
  const name = normalize(header);
  return columns.fields.find((field) => field.toLowerCase() === name) ?? columns.aliases?.[name];
}

/**
 * The field each column of the call stands for. An unknown column, or two columns for one field, is
 * refused once for the whole call, before anything is written: a mistyped header would otherwise
 * drop that column from every row without a word.
 */
export function mapColumns<F extends string>(columns: ImportColumns<F>, rows: readonly ImportRow[]) {
  const headers = new Set(rows.flatMap((row) => Object.keys(row.values)));
  const fields = new Map<string, F>();
  const unknown: string[] = [];
  for (const header of headers) {
    const field = fieldOf(columns, header);
    if (field === undefined) unknown.push(header);
    else fields.set(header, field);
  }
  if (unknown.length > 0) {
    throw invalid('rows', 'import.unknown_columns', { columns: unknown.join(', '), known: columns.fields.join(', ') });
  }
  for (const field of new Set(fields.values())) {
    const same = [...fields].filter(([, other]) => other === field).map(([header]) => header);
    if (same.length > 1) throw invalid('rows', 'import.same_column', { columns: same.join(', ') });
  }
  return fields;
}

/** A row's cells by field, empty ones left out: an empty cell sets nothing (on update it keeps the value). */
export function rowFields<F extends string>(row: ImportRow, fields: ReadonlyMap<string, F>) {
  const values: Partial<Record<F, string>> = {};
  for (const [header, text] of Object.entries(row.values)) {
    const field = fields.get(header);
    // passwords are taken as typed; other cells lose the spaces a spreadsheet leaves around them
    const value = field === 'password' ? text : text.trim();
    if (field !== undefined && value !== '') values[field] = value;
  }
  return values;
}
