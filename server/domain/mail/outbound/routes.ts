import { Type } from '@sinclair/typebox';
import type { App } from '../../../api/app.ts';
import { actorOf } from '../../../api/route-access.ts';
import { errorResponses, Id } from '../../../api/schema-helpers.ts';
import { crudRoutes } from '../../config/config-routes.ts';
import type { DomainContext } from '../../context.ts';
import {
  AutoResponseCreate,
  AutoResponseItem,
  autoResponseTable,
  ComposeTextCreate,
  ComposeTextItem,
  salutationTable,
  signatureTable,
} from './config-tables.ts';
import { replyDraft } from './reply-draft.ts';
import { ResponseTemplateCreate, ResponseTemplateItem, responseTemplateTable } from './response-template-table.ts';
import { ticketResponseTemplates } from './ticket-response-templates.ts';

const ReplyDraftSchema = Type.Object({
  to: Type.String(),
  cc: Type.String(),
  subject: Type.String(),
  bodyText: Type.String(),
  language: Type.Union([Type.Literal('it'), Type.Literal('en')], { description: 'the customer user’s language' }),
  attachments: Type.Array(
    Type.Object({ id: Type.Integer(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() }),
    { description: 'forward: the original article’s attachments' },
  ),
});

const TicketResponseTemplates = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      text: Type.String({ description: 'filled in for this ticket and the agent asking' }),
    }),
  ),
});

/**
 * Composing answers (the reply draft, response templates), and the texts around them: salutations,
 * signatures, auto-responses.
 */
export async function outboundRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/tickets/:id/articles/:articleId/reply-draft',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['tickets'],
        summary:
          'Prefilled answer to an article: recipients, subject, salutation, signature and the quoted original (send it with POST …/emails)',
        params: Type.Object({ id: Id, articleId: Id }),
        querystring: Type.Object(
          {
            mode: Type.Optional(
              Type.Union([Type.Literal('reply'), Type.Literal('reply_all'), Type.Literal('forward')], {
                default: 'reply',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReplyDraftSchema, ...errorResponses },
      },
    },
    async (request) =>
      replyDraft(ctx, actorOf(request), request.params.id, request.params.articleId, request.query.mode ?? 'reply'),
  );
  crudRoutes(app, ctx, {
    path: '/api/v1/salutations',
    plural: 'salutations',
    table: salutationTable,
    item: ComposeTextItem,
    create: ComposeTextCreate,
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/signatures',
    plural: 'signatures',
    table: signatureTable,
    item: ComposeTextItem,
    create: ComposeTextCreate,
  });
  app.get(
    '/api/v1/tickets/:id/response-templates',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['tickets'],
        summary:
          'The valid response templates offered in the ticket’s queue, by name, their variables filled in for this ticket and you',
        params: Type.Object({ id: Id }),
        response: { 200: TicketResponseTemplates, ...errorResponses },
      },
    },
    async (request) => ticketResponseTemplates(ctx, actorOf(request), request.params.id),
  );
  crudRoutes(app, ctx, {
    path: '/api/v1/response-templates',
    plural: 'response-templates',
    table: responseTemplateTable,
    item: ResponseTemplateItem,
    create: ResponseTemplateCreate,
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/auto-responses',
    plural: 'auto-responses',
    table: autoResponseTable,
    item: AutoResponseItem,
    create: AutoResponseCreate,
    filters: Type.Object({ queueId: Type.Optional(Id) }),
  });
}
