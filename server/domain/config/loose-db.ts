import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The configuration tables the shared CRUD handles; each has id, valid, created_at and changed_at. */
export type ConfigTableName =
  | 'groups'
  | 'roles'
  | 'agents'
  | 'queues'
  | 'customers'
  | 'customerUsers'
  | 'customerContracts'
  | 'states'
  | 'priorities'
  | 'ticketTypes'
  | 'services'
  | 'slas'
  | 'systemAddresses'
  | 'mailAccounts'
  | 'postmasterFilters'
  | 'intakeRules'
  | 'salutations'
  | 'signatures'
  | 'responseTemplates'
  | 'autoResponses';

/** Any table of the schema, for the "who still uses this row" checks. */
export type TableName = keyof DB;

interface LooseRow {
  id: Generated<number>;
  valid: Generated<boolean>;
  changedAt: ColumnType<Date, Date | undefined, Date>;
  [column: string]: unknown;
}

export type Reader = Kysely<DB> | Transaction<DB>;
export type LooseDb = Kysely<Record<string, LooseRow>>;

/**
 * The shared CRUD names its table and columns at run time, which Kysely's types cannot follow.
 * This is the one place that steps outside them: callers pass column names taken from the
 * table's definition (see config-table.ts), and the response schemas check what leaves the API.
 */
export function loose(db: Reader): LooseDb {
  return db as unknown as LooseDb;
}
