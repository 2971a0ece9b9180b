import { type Static, Type } from '@sinclair/typebox';
import { Id } from '../../../api/schema-helpers.ts';
import { Comments, columnsOf, configItem, Name, Valid } from '../../config/api-schemas.ts';
import type { ConfigTable } from '../../config/config-table.ts';
import { requireExisting } from '../../config/require-existing.ts';
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
  owned: [{ table: 'queueResponseTemplates', column: 'templateId' }],
  afterWrite: async (trx, id, body) => {
    if (!body.queueIds) return;
    await requireExisting(trx, 'queues', body.queueIds, 'queueIds', 'error.not_found.queue');
    await trx.deleteFrom('queueResponseTemplates').where('templateId', '=', id).execute();
    if (body.queueIds.length === 0) return;
    await trx
      .insertInto('queueResponseTemplates')
      .values(body.queueIds.map((queueId) => ({ templateId: id, queueId })))
      .execute();
  },
  present: async (db, rows) => {
    const ids = rows.map((row) => Number(row.id));
    const links =
      ids.length === 0
        ? []
        : await db
            .selectFrom('queueResponseTemplates')
            .select(['templateId', 'queueId'])
            .where('templateId', 'in', ids)
            .orderBy('queueId')
            .execute();
    return rows.map((row) => ({
      // read with the item's columns (see presentRows); only the queues are added
      ...(row as Omit<Static<typeof ResponseTemplateItem>, 'queueIds'>),
      queueIds: links.filter((link) => link.templateId === row.id).map((link) => link.queueId),
    }));
  },
};
