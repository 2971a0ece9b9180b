import type { RouteOptions } from 'fastify';
import { ErrorBody } from './schema-helpers.ts';

/**
 * What every route's OpenAPI entry needs beyond its own schema: public routes need no
 * credentials, and a route that takes a body may answer 413 when it is too large.
 */
export function describeInOpenApi(route: RouteOptions): void {
  const schema = route.schema;
  if (!schema) return;
  if (route.config?.access === 'public') (schema as { security?: unknown[] }).security = [];
  if (schema.body && schema.response && typeof schema.response === 'object') {
    (schema.response as Record<number, unknown>)[413] = ErrorBody;
  }
}
