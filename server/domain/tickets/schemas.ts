import { type Static, Type } from '@sinclair/typebox';
import { Attachment, DateTime, Id, Named, Nullable } from '../../api/schema-helpers.ts';
import type { StateType } from '../../db/schema.ts';
import { TICKET_SORTS, type TicketSort } from './queries/list-tickets.ts';

const STATE_TYPES: StateType[] = [
  'new',
  'open',
  'pending_reminder',
  'pending_auto_close_success',
  'pending_auto_close_failure',
  'closed_successful',
  'closed_unsuccessful',
  'merged',
  'removed',
];
const StateTypeName = Type.Unsafe<StateType>({ type: 'string', enum: STATE_TYPES });

const Person = Type.Object({ id: Type.Integer(), login: Type.String(), name: Type.String() });

export const TicketSchema = Type.Object({
  id: Type.Integer(),
  tn: Type.String({ description: 'ticket number, e.g. 2018091110000018' }),
  title: Type.String(),
  queue: Named,
  state: Type.Object({ id: Type.Integer(), name: Type.String(), type: StateTypeName }),
  priority: Named,
  type: Nullable(Named),
  service: Nullable(Named),
  sla: Nullable(Named),
  customer: Nullable(Type.Object({ id: Type.Integer(), customerKey: Type.String(), name: Type.String() })),
  customerUser: Nullable(
    Type.Object({ id: Type.Integer(), login: Type.String(), name: Type.String(), email: Type.String() }),
  ),
  pendingUntil: Nullable(DateTime),
  mergedIntoId: Nullable(Type.Integer()),
  createdAt: DateTime,
  changedAt: DateTime,
  lock: Type.Optional(Type.Union([Type.Literal('lock'), Type.Literal('unlock')], { description: 'agents only' })),
  owner: Type.Optional(Person),
  responsible: Type.Optional(Person),
  customerContact: Type.Optional(Type.String()),
  accountedMinutes: Type.Optional(Type.Number()),
});

export const TicketPage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(TicketSchema),
});

export const ArticleSchema = Type.Object({
  id: Type.Integer(),
  number: Type.Integer(),
  senderType: Type.String(),
  channel: Type.String(),
  visibleToCustomer: Type.Boolean(),
  from: Type.String(),
  to: Type.String(),
  cc: Type.String(),
  subject: Type.String(),
  bodyText: Type.String(),
  bodyHtml: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
  inReplyTo: Nullable(Type.String()),
  sendStatus: Nullable(
    Type.String({ description: 'outgoing email: queued (waiting or being retried), sent, failed, bounced' }),
  ),
  sendError: Nullable(Type.String({ description: "the mail server's answer to the last failed attempt" })),
  sendAttempts: Type.Integer(),
  sentAt: Nullable(DateTime),
  createdAt: DateTime,
  attachments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      filename: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
      contentId: Nullable(Type.String()),
      inline: Type.Boolean(),
    }),
  ),
});

export const HistorySchema = Type.Object({
  id: Type.Integer(),
  type: Type.String({ description: 'OTRS history type, e.g. NewTicket, Lock, Move, AddNote, StateUpdate' }),
  data: Type.Record(Type.String(), Type.Unknown()),
  articleId: Nullable(Type.Integer()),
  snapshot: Type.Object({
    queueId: Type.Integer(),
    stateId: Type.Integer(),
    priorityId: Type.Integer(),
    ownerId: Type.Integer(),
  }),
  by: Type.String(),
  createdAt: DateTime,
});

export const LinkSchema = Type.Object({
  ticketId: Type.Integer(),
  tn: Type.String(),
  title: Type.String(),
  state: Type.Object({ name: Type.String(), type: Type.String() }),
  relation: Type.Union([Type.Literal('normal'), Type.Literal('parent'), Type.Literal('child')]),
});

const Text = (max = 100_000) => Type.String({ maxLength: max });
const Subject = Type.String({ minLength: 1, maxLength: 250 });
const Attachments = Type.Optional(Type.Array(Attachment, { maxItems: 100 }));
const TimeMinutes = Type.Optional(Type.Number({ minimum: -100_000, maximum: 100_000 }));
const Note = Type.Object(
  { subject: Subject, body: Text(), visibleToCustomer: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CreateTicketBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 255 }),
    queueId: Id,
    stateId: Type.Optional(Id),
    priorityId: Type.Optional(Id),
    typeId: Type.Optional(Nullable(Id)),
    serviceId: Type.Optional(Nullable(Id)),
    slaId: Type.Optional(Nullable(Id)),
    ownerId: Type.Optional(Id),
    responsibleId: Type.Optional(Id),
    lock: Type.Optional(Type.Boolean()),
    customerUserId: Type.Optional(Nullable(Id)),
    customerId: Type.Optional(Nullable(Id)),
    customerContact: Type.Optional(Type.String({ maxLength: 250 })),
    pendingUntil: Type.Optional(Nullable(DateTime)),
    article: Type.Object(
      {
        channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('email'), Type.Literal('internal')])),
        senderType: Type.Optional(Type.Union([Type.Literal('agent'), Type.Literal('customer')])),
        visibleToCustomer: Type.Optional(Type.Boolean()),
        from: Type.Optional(Type.String({ maxLength: 1000 })),
        to: Type.Optional(Type.String({ maxLength: 1000 })),
        cc: Type.Optional(Type.String({ maxLength: 1000 })),
        subject: Subject,
        body: Text(),
        bodyHtml: Type.Optional(Text(1_000_000)),
        attachments: Attachments,
        send: Type.Optional(
          Type.Boolean({
            description: 'a new email ticket: send this agent email article to `to` (channel email, sender agent)',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type CreateTicketBody = Static<typeof CreateTicketBody>;

export const ListTicketsQuery = Type.Object(
  {
    queueId: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    stateType: Type.Optional(
      Type.Array(
        Type.Unsafe<StateType | 'open_any' | 'closed_any'>({
          type: 'string',
          enum: [...STATE_TYPES, 'open_any', 'closed_any'],
          description: 'open_any: every open type; closed_any: closed successful or unsuccessful',
        }),
        { maxItems: 10 },
      ),
    ),
    stateId: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    ownerId: Type.Optional(Id),
    responsibleId: Type.Optional(Id),
    lock: Type.Optional(Type.Union([Type.Literal('lock'), Type.Literal('unlock')])),
    customerId: Type.Optional(Id),
    customerUserId: Type.Optional(Id),
    createdFrom: Type.Optional(Type.String({ format: 'date-time', description: 'created at or after' })),
    createdBefore: Type.Optional(Type.String({ format: 'date-time', description: 'created before' })),
    myQueues: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'full text over titles and articles' })),
    sort: Type.Optional(Type.Unsafe<TicketSort>({ type: 'string', enum: [...TICKET_SORTS] })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const body = <T extends Parameters<typeof Type.Object>[0]>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const ActionBodies = {
  owner: body({ ownerId: Id }),
  responsible: body({ responsibleId: Id }),
  customer: body({ customerUserId: Nullable(Id), customerId: Type.Optional(Nullable(Id)) }),
  move: body({ queueId: Id }),
  note: body({
    subject: Subject,
    body: Text(),
    bodyHtml: Type.Optional(Text(1_000_000)),
    visibleToCustomer: Type.Optional(Type.Boolean()),
    timeMinutes: TimeMinutes,
    attachments: Attachments,
  }),
  phoneCall: body({
    direction: Type.Union([Type.Literal('outbound'), Type.Literal('inbound')]),
    subject: Subject,
    body: Text(),
    bodyHtml: Type.Optional(Text(1_000_000)),
    nextStateId: Type.Optional(Id),
    pendingUntil: Type.Optional(Nullable(DateTime)),
    timeMinutes: TimeMinutes,
    attachments: Attachments,
  }),
  email: body({
    to: Type.String({ minLength: 3, maxLength: 2000 }),
    cc: Type.Optional(Type.String({ maxLength: 2000 })),
    subject: Subject,
    body: Text(),
    bodyHtml: Type.Optional(Text(1_000_000)),
    replyToArticleId: Type.Optional(Id),
    forward: Type.Optional(Type.Boolean()),
    attachmentIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 100,
        uniqueItems: true,
        description: "attachments of this ticket's articles to send along (a forward's originals)",
      }),
    ),
    nextStateId: Type.Optional(Id),
    pendingUntil: Type.Optional(Nullable(DateTime)),
    timeMinutes: TimeMinutes,
    attachments: Attachments,
  }),
  state: body({ stateId: Id, pendingUntil: Type.Optional(Nullable(DateTime)), note: Type.Optional(Note) }),
  close: body({ successful: Type.Boolean(), note: Type.Optional(Note) }),
  priority: body({ priorityId: Id }),
  type: body({ typeId: Id }),
  title: body({ title: Type.String({ minLength: 1, maxLength: 255 }) }),
  merge: body({ targetTicketId: Id }),
  split: body({
    articleId: Id,
    queueId: Type.Optional(Id),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  }),
  link: body({ targetTicketId: Id, type: Type.Union([Type.Literal('normal'), Type.Literal('parent_child')]) }),
  time: body({ minutes: Type.Number({ minimum: -100_000, maximum: 100_000 }), articleId: Type.Optional(Id) }),
  reply: body({ subject: Subject, body: Text(), attachments: Attachments }),
};
