import { Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../../../api/schema-helpers.ts';

export const MailStatusSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('processed'),
  Type.Literal('rejected'),
  Type.Literal('ignored'),
  Type.Literal('failed'),
]);

const Source = Type.Union([
  Type.Literal('imap'),
  Type.Literal('pop3'),
  Type.Literal('smtp'),
  Type.Literal('pipe'),
  Type.Literal('api'),
]);

export const MailMessageSchema = Type.Object({
  id: Type.Integer(),
  source: Source,
  messageId: Nullable(Type.String()),
  from: Type.String({ description: 'the From header, decoded' }),
  subject: Type.String({ description: 'the Subject header, decoded' }),
  envelopeFrom: Nullable(Type.String()),
  envelopeTo: Type.String(),
  size: Type.Integer({ description: 'bytes of the raw message' }),
  status: MailStatusSchema,
  outcome: Nullable(Type.String()),
  error: Nullable(Type.String()),
  ticketId: Nullable(Type.Integer()),
  articleId: Nullable(Type.Integer()),
  attempts: Type.Integer(),
  receivedAt: DateTime,
  processedAt: Nullable(DateTime),
});

export const MailMessagePage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(MailMessageSchema),
});

export const ListMailMessagesQuery = Type.Object(
  {
    status: Type.Optional(MailStatusSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

const Address = Type.String({ minLength: 1, maxLength: 998 });

export const ReceiveQuery = Type.Object(
  {
    source: Type.Optional(
      Type.Union([Type.Literal('api'), Type.Literal('pipe')], {
        default: 'api',
        description: 'pipe: handed over by `sportello mail ingest` from an MTA',
      }),
    ),
    envelopeFrom: Type.Optional(Type.String({ maxLength: 998, description: 'the SMTP envelope sender, if known' })),
    envelopeTo: Type.Optional(
      Type.Array(Address, { maxItems: 100, description: 'the SMTP envelope recipients, if known' }),
    ),
  },
  { additionalProperties: false },
);

export const Received = Type.Object({
  id: Type.Integer(),
  duplicate: Type.Boolean({ description: 'the same message (Message-ID and content) was stored before' }),
  status: MailStatusSchema,
  outcome: Nullable(Type.String()),
  ticketId: Nullable(Type.Integer()),
});
