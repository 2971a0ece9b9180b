import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { DomainContext } from '../context.ts';

/** Which row a delete is about, to name it when something still refers to it. */
export interface Subject {
  kind: MessageKey;
  id: number;
}

const MISSING: Record<string, MessageKey> = {
  groups: 'error.not_found.group',
  agents: 'error.not_found.agent',
  roles: 'error.not_found.role',
  queues: 'error.not_found.queue',
  customers: 'error.not_found.customer',
  customer_users: 'error.not_found.customer_user',
  states: 'error.not_found.state',
  priorities: 'error.not_found.priority',
  ticket_types: 'error.not_found.type',
  services: 'error.not_found.service',
  slas: 'error.not_found.sla',
  system_addresses: 'error.not_found.system_address',
  tickets: 'error.not_found.ticket',
  salutations: 'error.not_found.salutation',
  signatures: 'error.not_found.signature',
  mail_accounts: 'error.not_found.mail_account',
};

interface PgError {
  code: string;
  detail?: string;
  table?: string;
  constraint?: string;
}

function isPgError(error: unknown): error is PgError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The column a CHECK constraint is about, from PostgreSQL's default name for a check on one
 * column: "<table>_<column>_check" (a number after it when taken). A check on several columns is
 * named "<table>_check" and names no column.
 */
function checkedColumn(error: PgError): string | undefined {
  if (!error.table || !error.constraint?.startsWith(`${error.table}_`)) return undefined;
  return /^(\w+)_check\d*$/.exec(error.constraint.slice(error.table.length + 1))?.[1];
}

/**
 * The database is the final judge of uniqueness and references (two admins may race). Its
 * refusals become the API's: a unique violation (23505) is a 409 naming the field, a missing
 * referenced row (23503 on write) a 400 naming the field, a row still referenced (23503 on
 * delete) a 409 "in use", a failed CHECK (23514) a 400 naming the field where the constraint is on
 * one column. PGlite and PostgreSQL word `detail` and name constraints the same way.
 */
export function translateDbError(error: unknown, subject?: Subject): unknown {
  if (!isPgError(error)) return error;
  const key = /^Key \(([\w, ]+)\)=\((.*)\)/.exec(error.detail ?? '');
  const field = key?.[1] ? key[1].split(', ').map(camel).join(', ') : undefined;
  const value = key?.[2] ?? '';
  if (error.code === '23505' && field) {
    return new DomainError('conflict', 'error.duplicate', { what: field, value }, field);
  }
  if (error.code === '23503') {
    const referenced = /still referenced from table "(\w+)"/.exec(error.detail ?? '');
    if (referenced && subject)
      return new DomainError('conflict', 'error.in_use', { what: subject.kind, id: subject.id });
    const missing = /not present in table "(\w+)"/.exec(error.detail ?? '');
    const messageKey = missing?.[1] ? MISSING[missing[1]] : undefined;
    if (messageKey && field) return new DomainError('validation', messageKey, { id: value }, field);
  }
  if (error.code === '23514') {
    const column = checkedColumn(error);
    if (!column) return new DomainError('validation', 'error.values_not_allowed');
    return new DomainError('validation', 'error.value_not_allowed', { field: camel(column) }, camel(column));
  }
  return error;
}

/** One short transaction for a configuration change, with the database's refusals translated. */
export async function configTransaction<T>(
  ctx: DomainContext,
  work: (trx: Transaction<DB>) => Promise<T>,
  subject?: Subject,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (error) {
    throw translateDbError(error, subject);
  }
}
