import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply } from 'fastify';
import type { App } from '../../../api/app.ts';
import { actorOf, agentOf } from '../../../api/route-access.ts';
import { errorResponses, Id, IdParams, RawResponse } from '../../../api/schema-helpers.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import { acceptMail } from './accept-mail.ts';
import { getArticleOriginal } from './article-original.ts';
import { getMailMessage, getRawMailMessage, listMailMessages } from './mail-message-queries.ts';
import {
  ListMailMessagesQuery,
  MailMessagePage,
  MailMessageSchema,
  Received,
  ReceiveQuery,
} from './message-schemas.ts';
import { reprocessMailMessage } from './reprocess-mail-message.ts';

const tags = ['mail'];
const RFC822 = 'message/rfc822';

/**
 * A raw message, sent as it is. The schema validates nothing (ajv has no type for bytes, and a
 * "format" without a type is an ajv strict-mode warning): the handler checks it got bytes.
 */
const RawMessageBody = {
  content: { [RFC822]: { schema: Type.Unsafe<Buffer>({ description: 'the RFC 5322 message, unmodified' }) } },
};

/**
 * Received mail for administrators: hand a raw message in (programs, `sportello mail ingest` over
 * the local socket or over HTTP with a token), list and read what came in, process one again. And
 * the original of an email article, for agents who see its ticket.
 *
 * Registered as a plugin of its own: the message/rfc822 body parser and the message size limit
 * apply to these routes only, so every other route still refuses a body that is not JSON (415).
 */
export async function mailMessageRoutes(app: App, ctx: DomainContext) {
  await app.register(async (scope: App) => {
    const limit = ctx.config.mailMaxBytes;
    scope.addContentTypeParser(RFC822, { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
      done(null, body),
    );
    // Fastify's body limit is checked before the route runs: say it in the message's own terms
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        throw new DomainError('too_large', 'error.mail_body_too_large', { limit });
      throw error;
    });

    scope.post(
      '/api/v1/mail/messages',
      {
        config: { access: 'admin' },
        bodyLimit: limit,
        schema: {
          tags,
          summary: 'Receive a raw message (message/rfc822): stored, then processed into a ticket',
          description:
            'The message is stored and committed before it is processed: a 201 or 200 means it cannot be lost. ' +
            'The same message again (same Message-ID and content) is not stored twice: 200 with duplicate true. ' +
            'A failure while processing does not fail the request: the message is kept with status failed.',
          querystring: ReceiveQuery,
          body: RawMessageBody,
          response: { 200: Received, 201: Received, ...errorResponses },
        },
      },
      async (request, reply) => {
        const raw: unknown = request.body;
        if (!(raw instanceof Uint8Array)) throw new DomainError('unsupported_media_type', 'error.mail_media_type');
        const { source, envelopeFrom, envelopeTo } = request.query;
        const accepted = await acceptMail(ctx, raw, { source: source ?? 'api', envelopeFrom, envelopeTo });
        return reply.status(accepted.duplicate ? 200 : 201).send(accepted);
      },
    );
  });

  app.get(
    '/api/v1/mail/messages',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Received messages, newest first (no bodies): filter by status to see what failed or waits',
        querystring: ListMailMessagesQuery,
        response: { 200: MailMessagePage, ...errorResponses },
      },
    },
    async (request) => listMailMessages(ctx, request.query),
  );

  app.get(
    '/api/v1/mail/messages/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'One received message: status, outcome, error, ticket',
        params: IdParams,
        response: { 200: MailMessageSchema, ...errorResponses },
      },
    },
    async (request) => getMailMessage(ctx, request.params.id),
  );

  app.get(
    '/api/v1/mail/messages/:id/raw',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The message exactly as it arrived (also when it could not be parsed)',
        params: IdParams,
        response: { 200: RawResponse(RFC822, 'The original message'), ...errorResponses },
      },
    },
    async (request, reply) => sendRaw(reply, await getRawMailMessage(ctx, request.params.id), request.params.id),
  );

  app.post(
    '/api/v1/mail/messages/:id/reprocess',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Process a failed, rejected or ignored message again (409 if it made a ticket or still waits)',
        params: IdParams,
        response: { 200: MailMessageSchema, ...errorResponses },
      },
    },
    async (request) => reprocessMailMessage(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/tickets/:id/articles/:articleId/original',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['tickets'],
        summary: 'The original message an email article was made from (agents who may see the ticket)',
        params: Type.Object({ id: Id, articleId: Id }),
        response: { 200: RawResponse(RFC822, 'The original message'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, articleId } = request.params;
      return sendRaw(reply, await getArticleOriginal(ctx, agentOf(request), id, articleId), articleId);
    },
  );
}

/** As a download: a browser must not render a message (its HTML could run in our origin). */
function sendRaw(reply: FastifyReply, raw: Uint8Array, id: number) {
  return reply
    .header('content-type', RFC822)
    .header('content-disposition', `attachment; filename="message-${id}.eml"`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
}
