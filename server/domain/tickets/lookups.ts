import type { Kysely, Transaction } from 'kysely';
import type { DB, StateType } from '../../db/schema.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';

type Reader = Kysely<DB> | Transaction<DB>;
type ValidTable = 'queues' | 'states' | 'priorities' | 'ticketTypes' | 'services' | 'slas' | 'agents' | 'customers';

const MISSING: Record<ValidTable, MessageKey> = {
  queues: 'error.not_found.queue',
  states: 'error.not_found.state',
  priorities: 'error.not_found.priority',
  ticketTypes: 'error.not_found.type',
  services: 'error.not_found.service',
  slas: 'error.not_found.sla',
  agents: 'error.not_found.agent',
  customers: 'error.not_found.customer',
};

/** Checks that a referenced configuration object exists and is active; names the field otherwise. */
export async function requireValid(db: Reader, table: ValidTable, id: number, field: string): Promise<void> {
  const row = await db.selectFrom(table).select(['id', 'valid']).where('id', '=', id).executeTakeFirst();
  if (!row) throw withField(notFound(MISSING[table], id), field);
  if (!row.valid) throw new DomainError('validation', 'error.inactive', { what: field, id }, field);
}

function withField(error: DomainError, field: string): DomainError {
  return new DomainError('validation', error.messageKey, error.params, field);
}

/** A queue that exists and is active, with what permission checks need; one query. */
export async function queueScope(db: Reader, queueId: number, field = 'queueId') {
  const queue = await db
    .selectFrom('queues')
    .select(['id', 'name', 'groupId', 'valid'])
    .where('id', '=', queueId)
    .executeTakeFirst();
  if (!queue) throw withField(notFound(MISSING.queues, queueId), field);
  if (!queue.valid) throw new DomainError('validation', 'error.inactive', { what: field, id: queueId }, field);
  return { id: queue.id, name: queue.name, groupId: queue.groupId };
}

export async function stateById(db: Reader, stateId: number, field = 'stateId') {
  await requireValid(db, 'states', stateId, field);
  return db.selectFrom('states').select(['id', 'name', 'type']).where('id', '=', stateId).executeTakeFirstOrThrow();
}

/** The first valid state of a type (OTRS picks states by type too, e.g. for "merged"). */
export async function stateOfType(db: Reader, type: StateType) {
  return db
    .selectFrom('states')
    .select(['id', 'name', 'type'])
    .where('type', '=', type)
    .where('valid', '=', true)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

/**
 * Which customer a ticket of this customer user is for: the one named (it must be theirs),
 * or their only or primary customer. Someone working for several bodies must say which.
 */
export async function resolveCustomer(
  db: Reader,
  customerUserId: number,
  customerId: number | null | undefined,
): Promise<number | null> {
  const user = await db
    .selectFrom('customerUsers')
    .select(['id', 'login', 'valid'])
    .where('id', '=', customerUserId)
    .executeTakeFirst();
  if (!user) throw withField(notFound('error.not_found.customer_user', customerUserId), 'customerUserId');
  if (!user.valid) {
    throw new DomainError(
      'validation',
      'error.inactive',
      { what: 'customerUserId', id: customerUserId },
      'customerUserId',
    );
  }
  const links = await db
    .selectFrom('customerUserCustomers')
    .select(['customerId', 'isPrimary'])
    .where('customerUserId', '=', customerUserId)
    .execute();
  if (customerId !== undefined && customerId !== null) {
    if (!links.some((link) => link.customerId === customerId)) {
      throw new DomainError(
        'validation',
        'error.customer_user_not_in_customer',
        { user: user.login, customer: customerId },
        'customerId',
      );
    }
    return customerId;
  }
  if (links.length === 0) return null;
  const only = links.length === 1 ? links[0] : links.find((link) => link.isPrimary);
  if (!only) {
    throw new DomainError('validation', 'error.customer_user_many_customers', { user: user.login }, 'customerId');
  }
  return only.customerId;
}
