import { type Static, Type } from '@sinclair/typebox';
import { sql, type Transaction } from 'kysely';
import { Id, Nullable } from '../../../api/schema-helpers.ts';
import type { DB } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { Comments, columnsOf, configItem, Name, Valid } from '../api-schemas.ts';
import type { ConfigTable } from '../config-table.ts';

export const ServiceItem = configItem({
  name: Type.String(),
  parentId: Nullable(Type.Integer()),
  comments: Type.String(),
});
export const ServiceCreate = Type.Object(
  { name: Name, parentId: Type.Optional(Nullable(Id)), comments: Type.Optional(Comments), valid: Valid },
  { additionalProperties: false },
);

/** Services form a tree; a service placed under one of its own descendants would make a loop. */
async function refuseLoop(trx: Transaction<DB>, id: number, parentId: number): Promise<void> {
  const seen = new Set<number>();
  let current: number | null = parentId;
  while (current !== null && !seen.has(current)) {
    if (current === id) {
      throw new DomainError('validation', 'error.service_parent_cycle', { id }, 'parentId');
    }
    seen.add(current);
    const row = await trx.selectFrom('services').select('parentId').where('id', '=', current).executeTakeFirst();
    current = row?.parentId ?? null;
  }
}

export const serviceTable: ConfigTable<Static<typeof ServiceCreate>, Static<typeof ServiceItem>> = {
  table: 'services',
  kind: 'object.service',
  notFound: 'error.not_found.service',
  columns: columnsOf(ServiceItem),
  writable: ['name', 'parentId', 'comments'],
  search: ['name'],
  orderBy: 'name',
  filters: { parentId: (value) => sql<boolean>`services.parent_id = ${value}` },
  prepare: async (trx, body, id) => {
    if (id !== undefined && typeof body.parentId === 'number') await refuseLoop(trx, id, body.parentId);
    return {};
  },
};
