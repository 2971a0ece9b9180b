import type { FastifyError } from 'fastify';
import { DomainError } from '../platform/errors.ts';
import type { Language } from '../platform/i18n.ts';
import { validationError } from './validation-error.ts';

/**
 * Failures raised below the commands (schema validation, body parsing, the database's refusal of
 * a concurrent change) as the API's own errors, translated like any other; undefined for an
 * unexpected failure, which is a 500 and logged.
 */
export function knownError(error: FastifyError, language: Language, bodyLimit: number): DomainError | undefined {
  if (error.validation) return validationError(error, language);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('validation', 'error.invalid_json', { field: 'body' }, 'body');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('too_large', 'error.too_large_body', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('unsupported_media_type', 'error.unsupported_media_type');
    // PostgreSQL gave up one of two transactions that waited on each other: nothing was written
    case '40P01':
    case '40001':
      return new DomainError('conflict', 'error.concurrent_change');
    default:
      return undefined;
  }
}
