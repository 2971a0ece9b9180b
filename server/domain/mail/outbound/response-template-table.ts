import { type Static, Type } from '@sinclair/typebox';
import { Id } from '../../../api/schema-helpers.ts';
import { Comments, columnsOf, configItem, Name, Valid } from '../../config/api-schemas.ts';
import type { ConfigTable } from '../../config/config-table.ts';
import { linkedIds } from '../../config/linked-ids.ts';
import { TICKET_TEXT_VARIABLES } from './ticket-variables.ts';

export const ResponseTemplateItem = configItem({
  name: Type.String(),
  text: Type.String(),
  comments: Type.String(),
  queueIds: Type.Array(Type.Integer(), { description: 'the queues it is offered in; empty: every queue' }),
});
export const ResponseTemplateCreate = Type.Object(
  {
    name: Name,
    text: Type.String({ minLength: 1, maxLength: 20_000, description: TICKET_TEXT_VARIABLES }),
    comments: Type.Optional(Comments),
    queueIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 1000,
        description: 'the queues it is offered in; empty or absent on create: every queue',
      }),
    ),
    valid: Valid,
  },
  { additionalProperties: false },
);

const queues = linkedIds({
  field: 'queueIds',
  table: 'queueResponseTemplates',
  own: 'templateId',
  other: 'queueId',
  otherTable: 'queues',
  missing: 'error.not_found.queue',
});

/**
 * Response templates (OTRS standard templates): answers an agent picks when writing a note or an
 * email, offered in the queues listed (queue_response_templates), or in every queue when none is.
 */
export const responseTemplateTable: ConfigTable<
  Static<typeof ResponseTemplateCreate>,
  Static<typeof ResponseTemplateItem>
> = {
  table: 'responseTemplates',
  kind: 'object.response_template',
  notFound: 'error.not_found.response_template',
  columns: columnsOf(ResponseTemplateItem, 'queueIds'),
  writable: ['name', 'text', 'comments'],
  search: ['name', 'text'],
  orderBy: 'name',
  owned: queues.owned,
  afterWrite: queues.afterWrite,
  present: async (db, rows) => (await queues.present(db, rows)) as Static<typeof ResponseTemplateItem>[],
};
