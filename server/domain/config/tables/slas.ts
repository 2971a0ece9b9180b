import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Id } from '../../../api/schema-helpers.ts';
import { Calendar, Comments, columnsOf, configItem, Minutes, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';
import { requireExisting } from '../require-existing.ts';

export const SlaItem = configItem({
  name: Type.String(),
  firstResponseMinutes: Type.Integer(),
  updateMinutes: Type.Integer(),
  solutionMinutes: Type.Integer(),
  calendar: Type.String(),
  comments: Type.String(),
  serviceIds: Type.Array(Type.Integer()),
});
export const SlaCreate = Type.Object(
  {
    name: Name,
    firstResponseMinutes: Type.Optional(Minutes),
    updateMinutes: Type.Optional(Minutes),
    solutionMinutes: Type.Optional(Minutes),
    calendar: Type.Optional(Calendar),
    comments: Type.Optional(Comments),
    serviceIds: Type.Optional(Type.Array(Id, { maxItems: 1000, description: 'the services this SLA is offered for' })),
    valid: Valid,
  },
  { additionalProperties: false },
);

/** SLAs carry escalation times; each is offered for some services (OTRS service_sla). */
export const slaTable: ConfigTable<Static<typeof SlaCreate>, Static<typeof SlaItem>> = {
  table: 'slas',
  kind: 'object.sla',
  notFound: 'error.not_found.sla',
  columns: columnsOf(SlaItem, 'serviceIds'),
  writable: ['name', 'firstResponseMinutes', 'updateMinutes', 'solutionMinutes', 'calendar', 'comments'],
  search: ['name'],
  orderBy: 'name',
  filters: {
    serviceId: (value) => sql<boolean>`slas.id in (select sla_id from sla_services where service_id = ${value})`,
  },
  owned: [{ table: 'slaServices', column: 'slaId' }],
  afterWrite: async (trx, id, body) => {
    if (!body.serviceIds) return;
    await requireExisting(trx, 'services', body.serviceIds, 'serviceIds', 'error.not_found.service');
    await trx.deleteFrom('slaServices').where('slaId', '=', id).execute();
    if (body.serviceIds.length === 0) return;
    await trx
      .insertInto('slaServices')
      .values(body.serviceIds.map((serviceId) => ({ slaId: id, serviceId })))
      .execute();
  },
  present: async (db, rows) => {
    const ids = rows.map((row) => Number(row.id));
    const links =
      ids.length === 0
        ? []
        : await db
            .selectFrom('slaServices')
            .select(['slaId', 'serviceId'])
            .where('slaId', 'in', ids)
            .orderBy('serviceId')
            .execute();
    return rows.map((row) => ({
      // read with the item's columns (see presentRows); only the services are added
      ...(row as Omit<Static<typeof SlaItem>, 'serviceIds'>),
      serviceIds: links.filter((link) => link.slaId === row.id).map((link) => link.serviceId),
    }));
  },
};
