import { type Static, Type } from '@sinclair/typebox';
import { sql, type Transaction } from 'kysely';
import { Id, Nullable } from '../../../api/schema-helpers.ts';
import type { DB } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { Comments, columnsOf, configItem, Language, Name, Valid } from '../../config/api-schemas.ts';
import type { ConfigTable } from '../../config/config-table.ts';
import { TICKET_TEXT_VARIABLES } from './ticket-variables.ts';

const ComposeText = Type.String({ minLength: 1, maxLength: 10_000, description: TICKET_TEXT_VARIABLES });

export const ComposeTextItem = configItem({ name: Type.String(), text: Type.String(), comments: Type.String() });
export const ComposeTextCreate = Type.Object(
  { name: Name, text: ComposeText, comments: Type.Optional(Comments), valid: Valid },
  { additionalProperties: false },
);
type ComposeTextTable = ConfigTable<Static<typeof ComposeTextCreate>, Static<typeof ComposeTextItem>>;

/** Salutations: the first line of an agent's answer, chosen per queue (queues.salutation_id). */
export const salutationTable: ComposeTextTable = {
  table: 'salutations',
  kind: 'object.salutation',
  notFound: 'error.not_found.salutation',
  columns: columnsOf(ComposeTextItem),
  writable: ['name', 'text', 'comments'],
  search: ['name', 'text'],
  orderBy: 'name',
};

/** Signatures: what closes an agent's answer, chosen per queue (queues.signature_id). */
export const signatureTable: ComposeTextTable = {
  ...salutationTable,
  table: 'signatures',
  kind: 'object.signature',
  notFound: 'error.not_found.signature',
};

const Kind = Type.Union(
  [
    Type.Literal('new_ticket'),
    Type.Literal('follow_up'),
    Type.Literal('reject'),
    Type.Literal('new_ticket_for_closed'),
    Type.Literal('intake_reject'),
  ],
  {
    description:
      'which answer: confirmation, follow-up received, rejection, new ticket for a closed one, intake refusal',
  },
);

export const AutoResponseItem = configItem({
  queueId: Nullable(Type.Integer()),
  kind: Kind,
  language: Language,
  subject: Type.String(),
  body: Type.String(),
});
export const AutoResponseCreate = Type.Object(
  {
    queueId: Type.Optional(Nullable(Id)),
    kind: Kind,
    language: Language,
    subject: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'the ticket tag [Ticket#…] is added when sent; variables as in the body',
    }),
    body: Type.String({
      minLength: 1,
      maxLength: 20_000,
      description: 'variables: {ticketNumber} {ticketUrl} {subject} {customerName} {queueName} {reasons}',
    }),
    valid: Valid,
  },
  { additionalProperties: false },
);

/**
 * Auto-responses: a queue's own text for a kind and language, or the default (no queue). Without
 * either, the built-in texts answer.
 */
export const autoResponseTable: ConfigTable<Static<typeof AutoResponseCreate>, Static<typeof AutoResponseItem>> = {
  table: 'autoResponses',
  kind: 'object.auto_response',
  notFound: 'error.not_found.auto_response',
  columns: columnsOf(AutoResponseItem),
  writable: ['queueId', 'kind', 'language', 'subject', 'body'],
  search: ['subject', 'body'],
  orderBy: 'id',
  filters: { queueId: (value) => sql<boolean>`auto_responses.queue_id = ${value}` },
  prepare: async (trx, body, id) => {
    await refuseSecondText(trx, body, id);
    return {};
  },
};

/**
 * One text per queue (or default), kind and language. The unique index is on an expression
 * (coalesce(queue_id, 0)), which the shared translation of database errors cannot name, so the
 * rule is checked here first and the index stays the judge of a race.
 */
async function refuseSecondText(
  trx: Transaction<DB>,
  body: Partial<Static<typeof AutoResponseCreate>>,
  id: number | undefined,
): Promise<void> {
  const current = id
    ? await trx
        .selectFrom('autoResponses')
        .select(['queueId', 'kind', 'language'])
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  const queueId = body.queueId !== undefined ? body.queueId : (current?.queueId ?? null);
  const kind = body.kind ?? current?.kind;
  const language = body.language ?? current?.language;
  if (!kind || !language) return;
  let query = trx
    .selectFrom('autoResponses')
    .select('id')
    .where('kind', '=', kind)
    .where('language', '=', language)
    .where('queueId', queueId === null ? 'is' : '=', queueId);
  if (id) query = query.where('id', '<>', id);
  if (await query.executeTakeFirst()) {
    throw new DomainError('conflict', 'error.duplicate', { what: 'kind', value: `${kind}, ${language}` }, 'kind');
  }
}
