import type { FastifyError } from 'fastify';
import { DomainError } from '../platform/errors.ts';

/**
 * Turns a schema validation failure into our error shape, naming the field at fault:
 * "/article/subject" becomes "article.subject", a missing property names the property.
 */
export function validationError(error: FastifyError): DomainError {
  const first = error.validation?.[0];
  const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const where = error.validationContext ?? 'body';
  const field = [path, missing ?? extra].filter(Boolean).join('.') || where;
  const detail = extra ? 'unknown field' : (first?.message ?? 'invalid');
  return new DomainError('validation', 'error.validation', { field, detail }, field);
}
