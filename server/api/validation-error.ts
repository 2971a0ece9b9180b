import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Localize } from 'ajv-i18n/localize/types.js';
import type { FastifyError } from 'fastify';
import { DomainError } from '../platform/errors.ts';
import { type Language, translate } from '../platform/i18n.ts';

// ajv-i18n is CommonJS whose typings claim an ES default export: require gives the function itself
const require = createRequire(import.meta.url);
const LOCALIZE: Record<Language, Localize> = {
  en: require('ajv-i18n/localize/en'),
  it: require('ajv-i18n/localize/it'),
};

/**
 * Turns a schema validation failure into our error shape, naming the field at fault
 * ("/article/subject" becomes "article.subject"; a missing or unknown property names the
 * property) and saying what is wrong in the reader's language.
 */
export function validationError(error: FastifyError, language: Language): DomainError {
  const errors = (error.validation ?? []) as ErrorObject[];
  const first = errors[0];
  const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const where = error.validationContext ?? 'body';
  const field = [path, missing ?? extra].filter(Boolean).join('.') || where;
  const detail = extra ? translate(language, 'validation.unknown_field') : describe(errors, language);
  return new DomainError('validation', 'error.validation', { field, detail }, field);
}

/**
 * The first failure, read with its alternatives: ajv reports each branch of an anyOf before the
 * anyOf itself, so a nullable id given a string first says "must be null". A choice between fixed
 * values lists them; a nullable value reports what its non-null branch wanted.
 */
function describe(errors: ErrorObject[], language: Language): string {
  const first = errors[0];
  if (!first) return translate(language, 'validation.invalid');
  const union = errors.find((item) => item.keyword === 'anyOf' && item.instancePath === first.instancePath);
  const branches = union ? errors.slice(0, errors.indexOf(union)) : [first];
  // a nullable choice lists its values: null is the "none" every such field documents
  const notNull = branches.filter((item) => !(item.keyword === 'type' && item.params.type === 'null'));
  const allowed = notNull.flatMap((item) =>
    item.keyword === 'const' ? [(item.params as { allowedValue: unknown }).allowedValue] : [],
  );
  if (allowed.length > 1 && allowed.length === notNull.length) {
    return translate(language, 'validation.one_of', { values: allowed.map(String).join(', ') });
  }
  const telling = notNull[0] ?? first;
  if (telling.keyword === 'enum') {
    const values = (telling.params as { allowedValues: unknown[] }).allowedValues;
    return translate(language, 'validation.one_of', { values: values.map(String).join(', ') });
  }
  const localized = { ...telling };
  LOCALIZE[language]([localized]);
  return localized.message ?? translate(language, 'validation.invalid');
}
