import type { FieldDef, ResourceDef, Row, Values } from './types.ts';

/** What the form starts with: the row's values when editing, each field's initial value when creating. */
export function initialValues(def: ResourceDef, row: Row | null): Values {
  if (row) return def.toValues ? def.toValues(row) : { ...row };
  return Object.fromEntries(def.fields.map((field) => [field.name, field.initial ?? emptyOf(field)]));
}

function emptyOf(field: FieldDef): unknown {
  if (field.kind === 'boolean') return false;
  if (field.kind === 'refs' || field.kind === 'lines') return [];
  if (['ref', 'number', 'date', 'language', 'timeZone', 'choice'].includes(field.kind)) return null;
  return '';
}

/**
 * The request body: the fields the form shows. A new object leaves out what was left empty (the
 * server's defaults apply); a change sends empty optional fields as null, which clears them, and
 * leaves out a password left empty (the old one stays).
 */
export function requestBody(def: ResourceDef, values: Values, editing: boolean): Values {
  const body: Values = {};
  for (const field of def.fields) {
    if (editing && field.createOnly) continue;
    if (field.when && !field.when(values)) continue;
    let value = values[field.name];
    if (field.kind === 'lines' && Array.isArray(value))
      value = value.map((line) => String(line).trim()).filter(Boolean);
    const empty = value === undefined || value === null || value === '';
    if (empty && (field.keepWhenEmpty || !editing)) continue;
    body[field.name] = empty && field.kind !== 'text' && field.kind !== 'textarea' ? null : (value ?? '');
  }
  return def.toBody ? def.toBody(body) : body;
}
