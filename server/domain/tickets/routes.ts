import type { Static, TSchema } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import type { Access } from '../../api/route-access.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, Id, IdParams, RawResponse } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';
import type { AttachmentInput } from './article-writer.ts';
import { accountTime } from './commands/account-time.ts';
import { addCustomerReply } from './commands/add-customer-reply.ts';
import { addNote } from './commands/add-note.ts';
import { addOutgoingEmail } from './commands/add-outgoing-email.ts';
import { addPhoneCall } from './commands/add-phone-call.ts';
import { closeTicket } from './commands/close-ticket.ts';
import { createTicket } from './commands/create-ticket.ts';
import { linkTickets, unlinkTickets } from './commands/link-tickets.ts';
import { lockTicket } from './commands/lock-ticket.ts';
import { mergeTicket } from './commands/merge-ticket.ts';
import { moveTicket } from './commands/move-ticket.ts';
import { setCustomer } from './commands/set-customer.ts';
import { setOwner } from './commands/set-owner.ts';
import { setPriority } from './commands/set-priority.ts';
import { setResponsible } from './commands/set-responsible.ts';
import { setState } from './commands/set-state.ts';
import { setTitle } from './commands/set-title.ts';
import { setType } from './commands/set-type.ts';
import { splitArticle } from './commands/split-article.ts';
import { unlockTicket } from './commands/unlock-ticket.ts';
import { findTicket, getTicket } from './queries/get-ticket.ts';
import { listTickets } from './queries/list-tickets.ts';
import { getAttachment, listArticles } from './queries/ticket-articles.ts';
import { ticketHistory, ticketLinks } from './queries/ticket-history.ts';
import { CLOSED_STATE_TYPES, OPEN_STATE_TYPES } from './rules/states.ts';
import {
  ActionBodies,
  ArticleSchema,
  CreateTicketBody,
  HistorySchema,
  LinkSchema,
  ListTicketsQuery,
  TicketPage,
  TicketSchema,
} from './schemas.ts';

type AttachmentBody = {
  filename: string;
  contentType: string;
  contentBase64: string;
  contentId?: string;
  inline?: boolean;
};

function attachments(list: AttachmentBody[] | undefined): AttachmentInput[] | undefined {
  return list?.map((item) => ({
    filename: item.filename,
    contentType: item.contentType,
    content: Buffer.from(item.contentBase64, 'base64'),
    contentId: item.contentId,
    inline: item.inline,
  }));
}

const date = (value: string | null | undefined) => (value ? new Date(value) : value === null ? null : undefined);

/** `ticket` is null when the article's command took the ticket out of the caller's sight. */
const WithArticle = Type.Object({ articleId: Type.Integer(), ticket: Type.Union([TicketSchema, Type.Null()]) });
const NoTicket = Type.Null({ description: 'Done; the ticket is no longer visible to you' });
const tags = ['tickets'];

/** /api/v1/tickets: lists, zoom, and one POST per action of the operator manual. */
export async function ticketRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/tickets',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'List and search tickets the caller may see',
        querystring: ListTicketsQuery,
        response: { 200: TicketPage, ...errorResponses },
      },
    },
    async (request) => {
      const { queueId, stateType, stateId, q, createdFrom, createdBefore, ...rest } = request.query;
      const types = stateType?.flatMap((type) =>
        type === 'open_any' ? OPEN_STATE_TYPES : type === 'closed_any' ? CLOSED_STATE_TYPES : [type],
      );
      return listTickets(ctx, actorOf(request), {
        ...rest,
        queueIds: queueId,
        stateTypes: types,
        stateIds: stateId,
        text: q,
        createdFrom: date(createdFrom) ?? undefined,
        createdBefore: date(createdBefore) ?? undefined,
      });
    },
  );

  app.post(
    '/api/v1/tickets',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'Create a ticket with its first article',
        body: CreateTicketBody,
        response: { 201: WithArticle, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { article, pendingUntil, ...fields } = request.body;
      const channel = actor.kind === 'customer' ? 'internal' : (article.channel ?? 'phone');
      const senderType =
        actor.kind === 'customer' ? 'customer' : (article.senderType ?? (channel === 'phone' ? 'customer' : 'agent'));
      const created = await createTicket(ctx, actor, {
        ...fields,
        pendingUntil: date(pendingUntil),
        article: {
          channel,
          senderType,
          visibleToCustomer: actor.kind === 'customer' ? true : (article.visibleToCustomer ?? channel !== 'internal'),
          from: article.from,
          to: article.to,
          cc: article.cc,
          subject: article.subject,
          bodyText: article.body,
          bodyHtml: article.bodyHtml,
          attachments: attachments(article.attachments),
          sendStatus: article.send ? 'queued' : null,
        },
      });
      reply.status(201);
      return { articleId: created.articleId, ticket: await findTicket(ctx, actor, created.id) };
    },
  );

  app.get(
    '/api/v1/tickets/:id',
    {
      config: { access: 'any' },
      schema: { tags, summary: 'One ticket', params: IdParams, response: { 200: TicketSchema, ...errorResponses } },
    },
    async (request) => getTicket(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/tickets/:id/articles',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'Articles of a ticket (customer users: only those visible to them)',
        params: IdParams,
        response: { 200: Type.Array(ArticleSchema), ...errorResponses },
      },
    },
    async (request) => listArticles(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/tickets/:id/attachments/:attachmentId',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'Download an attachment',
        params: Type.Object({ id: Id, attachmentId: Id }),
        response: {
          200: RawResponse('application/octet-stream', 'The file, with its own Content-Type'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await getAttachment(ctx, actorOf(request), request.params.id, request.params.attachmentId);
      const name = encodeURIComponent(file.filename);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );

  app.get(
    '/api/v1/tickets/:id/history',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Full history of a ticket',
        params: IdParams,
        response: { 200: Type.Array(HistorySchema), ...errorResponses },
      },
    },
    async (request) => ticketHistory(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/tickets/:id/links',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Linked tickets',
        params: IdParams,
        response: { 200: Type.Array(LinkSchema), ...errorResponses },
      },
    },
    async (request) => ticketLinks(ctx, actorOf(request), request.params.id),
  );

  /**
   * One POST per action: validate, call the command, answer with the ticket as it now is; 204
   * when the action was done but took the ticket out of the caller's sight (moved into a queue
   * they may only move into, handed over to another owner).
   */
  function action<S extends TSchema>(
    path: string,
    summary: string,
    bodySchema: S | undefined,
    run: (actor: Actor, id: number, body: Static<S>) => Promise<unknown>,
    access: Access = 'agent',
  ) {
    app.post(
      `/api/v1/tickets/:id/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          params: IdParams,
          ...(bodySchema ? { body: bodySchema } : {}),
          response: { 200: TicketSchema, 204: NoTicket, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await run(actor, request.params.id, request.body as Static<S>);
        return (await findTicket(ctx, actor, request.params.id)) ?? reply.status(204).send(null);
      },
    );
  }

  function articleAction<S extends TSchema>(
    path: string,
    summary: string,
    bodySchema: S,
    run: (actor: Actor, id: number, body: Static<S>) => Promise<{ articleId: number }>,
    access: Access = 'agent',
  ) {
    app.post(
      `/api/v1/tickets/:id/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: bodySchema,
          response: { 201: WithArticle, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { articleId } = await run(actor, request.params.id, request.body as Static<S>);
        reply.status(201);
        return { articleId, ticket: await findTicket(ctx, actor, request.params.id) };
      },
    );
  }

  const B = ActionBodies;
  action('lock', 'Lock: take the ticket (you become its owner)', undefined, (a, id) => lockTicket(ctx, a, id));
  action('unlock', 'Release the ticket back to the queue (owner only)', undefined, (a, id) => unlockTicket(ctx, a, id));
  action('owner', 'Set the owner (locks the ticket to them)', B.owner, (a, id, b) => setOwner(ctx, a, id, b.ownerId));
  action('responsible', 'Set the responsible agent', B.responsible, (a, id, b) =>
    setResponsible(ctx, a, id, b.responsibleId),
  );
  action('customer', 'Set the customer user and customer', B.customer, (a, id, b) => setCustomer(ctx, a, id, b));
  action('move', 'Move to another queue (needs move_into)', B.move, (a, id, b) => moveTicket(ctx, a, id, b.queueId));
  action('state', 'Set the state (pending states need pendingUntil)', B.state, (a, id, b) =>
    setState(ctx, a, id, {
      stateId: b.stateId,
      pendingUntil: date(b.pendingUntil),
      note: b.note && { subject: b.note.subject, bodyText: b.note.body, visibleToCustomer: b.note.visibleToCustomer },
    }),
  );
  action('close', 'Close successful or unsuccessful', B.close, (a, id, b) =>
    closeTicket(ctx, a, id, {
      successful: b.successful,
      note: b.note && { subject: b.note.subject, bodyText: b.note.body, visibleToCustomer: b.note.visibleToCustomer },
    }),
  );
  action('priority', 'Set the priority', B.priority, (a, id, b) => setPriority(ctx, a, id, b.priorityId));
  action('type', 'Set the ticket type', B.type, (a, id, b) => setType(ctx, a, id, b.typeId));
  action('title', 'Set the title', B.title, (a, id, b) => setTitle(ctx, a, id, b.title));
  action('merge', 'Merge this ticket into another', B.merge, (a, id, b) => mergeTicket(ctx, a, id, b.targetTicketId));
  action('links', 'Link to another ticket', B.link, (a, id, b) => linkTickets(ctx, a, id, b));
  action('unlink', 'Remove a link to another ticket', B.link, (a, id, b) => unlinkTickets(ctx, a, id, b));
  action('time', 'Account time (minutes)', B.time, (a, id, b) => accountTime(ctx, a, id, b));

  articleAction('notes', 'Add a note (internal unless visibleToCustomer)', B.note, (a, id, b) =>
    addNote(ctx, a, id, { ...b, bodyText: b.body, attachments: attachments(b.attachments) }),
  );
  articleAction('phone-calls', 'Log a phone call, outbound or inbound', B.phoneCall, (a, id, b) =>
    addPhoneCall(ctx, a, id, {
      ...b,
      bodyText: b.body,
      pendingUntil: date(b.pendingUntil),
      attachments: attachments(b.attachments),
    }),
  );
  articleAction('emails', 'Write an outgoing email (queued for sending)', B.email, (a, id, b) =>
    addOutgoingEmail(ctx, a, id, {
      ...b,
      bodyText: b.body,
      pendingUntil: date(b.pendingUntil),
      attachments: attachments(b.attachments),
    }),
  );
  articleAction(
    'replies',
    'A customer user’s reply to their ticket',
    B.reply,
    (a, id, b) =>
      addCustomerReply(ctx, a, id, { subject: b.subject, bodyText: b.body, attachments: attachments(b.attachments) }),
    'customer',
  );

  app.post(
    '/api/v1/tickets/:id/split',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Split an article off into a new, linked ticket',
        params: IdParams,
        body: B.split,
        response: { 201: TicketSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await splitArticle(ctx, actor, request.params.id, request.body);
      reply.status(201);
      return getTicket(ctx, actor, created.id);
    },
  );
}
