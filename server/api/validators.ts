import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const common: Options = {
  useDefaults: true,
  removeAdditional: false,
  addUsedSchema: false,
  // one error is enough to name the field; every error of a large body would be a DoS lever
  allErrors: false,
};

function ajv(options: Options): Ajv {
  const instance = new Ajv({ ...common, ...options });
  addFormats.default(instance);
  return instance;
}

/**
 * Query strings and paths are text, so their numbers and booleans are coerced ("?page=2").
 * JSON bodies already carry types: there a `true` or a `[5]` where an id belongs is a mistake to
 * report, not a value to convert (coercion had turned `[5]` into 5, and `[3]` in a nullable id
 * slipped through to the database).
 */
export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = ajv({ coerceTypes: 'array' });
  const strict = ajv({ coerceTypes: false });
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
