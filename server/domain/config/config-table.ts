import type { RawBuilder, Transaction } from 'kysely';
import type { Config } from '../../config/config.ts';
import type { DB } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { ConfigTableName, Reader, TableName } from './loose-db.ts';

/** A column of another table that names rows of this one. */
export interface Usage {
  table: TableName;
  column: string;
}

export type Row = Record<string, unknown>;

/**
 * What the shared CRUD needs to know about one configuration table. `Create` is the request body
 * of a create (an update is any part of it); `Item` is what the API returns.
 */
export interface ConfigTable<Create extends object, Item> {
  table: ConfigTableName;
  /** the kind of object, translated in messages: "object.queue" reads "Queue" or "la coda" */
  kind: MessageKey;
  notFound: MessageKey;
  /** columns the API returns: never a password hash */
  columns: readonly string[];
  /** body fields stored as they are in the column of the same name (valid is always writable) */
  writable: readonly (keyof Create & string)[];
  /** columns searched by `q` (case-insensitive substring) */
  search: readonly string[];
  orderBy: string;
  /** list filters beyond q and valid: query parameter → condition on the row */
  filters?: Record<string, (value: number) => RawBuilder<boolean>>;
  /** default rows the desk relies on: they can be deactivated, never deleted */
  protectedIds?: readonly number[];
  /** columns without a foreign key that still keep a row in use (history snapshots) */
  usedBy?: readonly Usage[];
  /** rows that only describe this object (its grants, memberships, links): removed with it */
  owned?: readonly Usage[];
  /** what a new row takes when the body leaves it out and the desk's settings decide (a language) */
  defaults?: (config: Config) => Row;
  /** checks and computed columns (a password hash) before a write; id is undefined on create */
  prepare?: (trx: Transaction<DB>, body: Partial<Create>, id: number | undefined) => Promise<Row>;
  /** writes related rows (grants, an SLA's services) once the row exists */
  afterWrite?: (trx: Transaction<DB>, id: number, body: Partial<Create>) => Promise<void>;
  /**
   * runs an update or a delete, all of it, inside its transaction: to take a lock first and to
   * refuse what the write leaves behind (no admin left); it must call `write` once
   */
  guard?: (trx: Transaction<DB>, write: () => Promise<void>) => Promise<void>;
  /** what the object keeps in other tables beyond its item (an agent's grants), for the admin change log */
  loggedFields?: (trx: Transaction<DB>, id: number) => Promise<Row>;
  /** adds related data to the rows the shared queries read; without it the rows are the items */
  present?: (db: Reader, rows: Row[]) => Promise<Item[]>;
}
