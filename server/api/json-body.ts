import type { FastifyInstance } from 'fastify';

/**
 * The API reads JSON bodies only: anything else (Fastify also reads text/plain) is a 415.
 * Many clients send `Content-Type: application/json` with an empty body on actions that take
 * none (POST …/lock). Fastify refuses that; here an empty body is simply no body, and the route's
 * schema decides whether one was needed. Anything else goes through Fastify's own parser, with
 * its protection against prototype poisoning.
 */
export function readJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    return parse(request, text, done);
  });
}
