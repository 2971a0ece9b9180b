import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import { type DomainError, invalid } from '../../../platform/errors.ts';
import { Email } from '../../config/index.ts';

// every failing field of a row is reported at once, so one look at the report fixes the whole line
const ajv = new Ajv({ allErrors: true, coerceTypes: false, addUsedSchema: false });

const YES = new Set(['true', '1', 'yes', 'y', 'sì', 'si']);
const NO = new Set(['false', '0', 'no', 'n']);
const NO_SPACES = '^\\S+$';

export interface ReadRow<T extends TObject> {
  /** the row as a request body of the schema; to be used only when `errors` is empty */
  body: Static<T>;
  errors: DomainError[];
}

/**
 * The cell as the schema's type: yes/no for a boolean; a choice between fixed values (it, en)
 * matched ignoring case; text otherwise. undefined when a yes/no cell says neither.
 */
function cellValue(property: TSchema | undefined, text: string): unknown {
  if (property?.type === 'boolean') {
    const word = text.toLowerCase();
    return YES.has(word) ? true : NO.has(word) ? false : undefined;
  }
  const choices: unknown[] = (property?.anyOf ?? []).map((branch: TSchema) => branch.const);
  return choices.find((choice) => typeof choice === 'string' && choice.toLowerCase() === text.toLowerCase()) ?? text;
}

/** One error per field, worded for a person fixing a spreadsheet rather than for a programmer. */
function fieldError(field: string, errors: ErrorObject[], value: unknown): DomainError {
  const find = (keyword: string) => errors.find((error) => error.keyword === keyword);
  if (find('required')) return invalid(field, 'import.required');
  const allowed = errors.flatMap((error) => (error.keyword === 'const' ? [String(error.params.allowedValue)] : []));
  if (allowed.length > 0) return invalid(field, 'import.one_of', { values: allowed.join(', ') });
  const pattern = find('pattern')?.params.pattern;
  if (pattern === Email.pattern) return invalid(field, 'import.email_invalid', { value: String(value) });
  if (pattern === NO_SPACES) return invalid(field, 'import.no_spaces');
  const tooLong = find('maxLength');
  if (tooLong) return invalid(field, 'import.too_long', { max: Number(tooLong.params.limit) });
  return invalid(field, 'import.invalid');
}

/**
 * Reads rows against a request schema of the API (the create body, or its partial for an update),
 * so an import keeps exactly the rules the API keeps.
 */
export function rowReader<T extends TObject>(schema: T) {
  const validate = ajv.compile(schema);
  return (cells: Readonly<Record<string, string>>): ReadRow<T> => {
    const body: Record<string, unknown> = {};
    const errors: DomainError[] = [];
    for (const [field, text] of Object.entries(cells)) {
      const value = cellValue(schema.properties[field], text);
      if (value === undefined) errors.push(invalid(field, 'import.not_yes_no'));
      else body[field] = value;
    }
    if (!validate(body)) {
      const byField = new Map<string, ErrorObject[]>();
      for (const error of validate.errors ?? []) {
        const field = (error.params.missingProperty as string | undefined) ?? error.instancePath.split('/')[1] ?? '';
        byField.set(field, [...(byField.get(field) ?? []), error]);
      }
      for (const [field, list] of byField) errors.push(fieldError(field, list, body[field]));
    }
    // validated against the schema just above; the caller uses it only when errors is empty
    return { body: body as Static<T>, errors };
  };
}
