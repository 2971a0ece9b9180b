import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Id } from '../../../api/schema-helpers.ts';
import { Calendar, Comments, columnsOf, configItem, Minutes, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';
import { linkedIds } from '../linked-ids.ts';

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
const services = linkedIds({
  field: 'serviceIds',
  table: 'slaServices',
  own: 'slaId',
  other: 'serviceId',
  otherTable: 'services',
  missing: 'error.not_found.service',
});

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
  owned: services.owned,
  afterWrite: services.afterWrite,
  present: async (db, rows) => (await services.present(db, rows)) as Static<typeof SlaItem>[],
};
