import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { Row } from './config-table.ts';
import { type ConfigTableName, loose, type Reader } from './loose-db.ts';
import { requireExisting } from './require-existing.ts';

interface Links {
  /** the body and item field: serviceIds, queueIds … */
  field: string;
  /** the link table, and its columns for this object and for the other one */
  table: 'slaServices' | 'queueResponseTemplates' | 'customerContractTicketTypes';
  own: string;
  other: string;
  /** the other objects' table, and the message when one of the ids is not there */
  otherTable: ConfigTableName;
  missing: MessageKey;
}

/**
 * A list of other objects' ids kept in a link table (an SLA's services, a template's queues), for the
 * shared CRUD: written after the row (the list given replaces the old one; absent keeps it), added
 * to the rows read, and removed with the object.
 */
export function linkedIds(links: Links) {
  const db = (reader: Reader) => loose(reader as Transaction<DB>);
  return {
    owned: [{ table: links.table, column: links.own }],
    afterWrite: async (trx: Transaction<DB>, id: number, body: Record<string, unknown>) => {
      const ids = body[links.field] as number[] | undefined;
      if (!ids) return;
      await requireExisting(trx, links.otherTable, ids, links.field, links.missing);
      await db(trx).deleteFrom(links.table).where(links.own, '=', id).execute();
      if (ids.length === 0) return;
      await db(trx)
        .insertInto(links.table)
        .values(ids.map((other) => ({ [links.own]: id, [links.other]: other })))
        .execute();
    },
    /** the rows as read with the item's columns (see presentRows), each with its list added */
    present: async (reader: Reader, rows: Row[]) => {
      const ids = rows.map((row) => Number(row.id));
      const found =
        ids.length === 0
          ? []
          : await db(reader)
              .selectFrom(links.table)
              .select([links.own, links.other])
              .where(links.own, 'in', ids)
              .orderBy(links.other)
              .execute();
      return rows.map((row) => ({
        ...row,
        [links.field]: found.filter((link) => link[links.own] === row.id).map((link) => link[links.other] as number),
      }));
    },
  };
}
