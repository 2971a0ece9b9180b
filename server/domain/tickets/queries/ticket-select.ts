import type { Database } from '../../../db/connect.ts';
import type { StateType } from '../../../db/schema.ts';

/** tickets t with everything a ticket line shows: queue, state, priority, type, people, customer. */
export function ticketSelect(db: Database) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .innerJoin('states as s', 's.id', 't.stateId')
    .innerJoin('priorities as p', 'p.id', 't.priorityId')
    .innerJoin('agents as o', 'o.id', 't.ownerId')
    .innerJoin('agents as r', 'r.id', 't.responsibleId')
    .leftJoin('ticketTypes as ty', 'ty.id', 't.typeId')
    .leftJoin('services as sv', 'sv.id', 't.serviceId')
    .leftJoin('slas as sl', 'sl.id', 't.slaId')
    .leftJoin('customers as c', 'c.id', 't.customerId')
    .leftJoin('customerUsers as cu', 'cu.id', 't.customerUserId');
}

export const ticketColumns = [
  't.id',
  't.tn',
  't.title',
  't.lock',
  't.customerContact',
  't.pendingUntil',
  't.accountedMinutes',
  't.mergedIntoId',
  't.createdAt',
  't.changedAt',
  'q.id as queueId',
  'q.name as queueName',
  's.id as stateId',
  's.name as stateName',
  's.type as stateType',
  'p.id as priorityId',
  'p.name as priorityName',
  'ty.id as typeId',
  'ty.name as typeName',
  'sv.id as serviceId',
  'sv.name as serviceName',
  'sl.id as slaId',
  'sl.name as slaName',
  'o.id as ownerId',
  'o.login as ownerLogin',
  'o.firstName as ownerFirstName',
  'o.lastName as ownerLastName',
  'r.id as responsibleId',
  'r.login as responsibleLogin',
  'r.firstName as responsibleFirstName',
  'r.lastName as responsibleLastName',
  'c.id as customerId',
  'c.customerKey',
  'c.name as customerName',
  'cu.id as customerUserId',
  'cu.login as customerUserLogin',
  'cu.firstName as customerUserFirstName',
  'cu.lastName as customerUserLastName',
  'cu.email as customerUserEmail',
] as const;

export interface TicketRow {
  id: number;
  tn: string;
  title: string;
  lock: 'lock' | 'unlock';
  customerContact: string;
  pendingUntil: Date | null;
  accountedMinutes: string;
  mergedIntoId: number | null;
  createdAt: Date;
  changedAt: Date;
  queueId: number;
  queueName: string;
  stateId: number;
  stateName: string;
  stateType: StateType;
  priorityId: number;
  priorityName: string;
  typeId: number | null;
  typeName: string | null;
  serviceId: number | null;
  serviceName: string | null;
  slaId: number | null;
  slaName: string | null;
  ownerId: number;
  ownerLogin: string;
  ownerFirstName: string;
  ownerLastName: string;
  responsibleId: number;
  responsibleLogin: string;
  responsibleFirstName: string;
  responsibleLastName: string;
  customerId: number | null;
  customerKey: string | null;
  customerName: string | null;
  customerUserId: number | null;
  customerUserLogin: string | null;
  customerUserFirstName: string | null;
  customerUserLastName: string | null;
  customerUserEmail: string | null;
}

const named = (id: number | null, name: string | null) => (id === null || name === null ? null : { id, name });

/**
 * The API's shape of a ticket. Customer users get no lock, owner, responsible or accounted time:
 * those are the desk's business.
 */
export function presentTicket(row: TicketRow, forAgent: boolean) {
  const common = {
    id: row.id,
    tn: row.tn,
    title: row.title,
    queue: { id: row.queueId, name: row.queueName },
    state: { id: row.stateId, name: row.stateName, type: row.stateType },
    priority: { id: row.priorityId, name: row.priorityName },
    type: named(row.typeId, row.typeName),
    service: named(row.serviceId, row.serviceName),
    sla: named(row.slaId, row.slaName),
    customer:
      row.customerId === null
        ? null
        : { id: row.customerId, customerKey: row.customerKey ?? '', name: row.customerName ?? '' },
    customerUser:
      row.customerUserId === null
        ? null
        : {
            id: row.customerUserId,
            login: row.customerUserLogin ?? '',
            name: `${row.customerUserFirstName ?? ''} ${row.customerUserLastName ?? ''}`.trim(),
            email: row.customerUserEmail ?? '',
          },
    pendingUntil: row.pendingUntil?.toISOString() ?? null,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt.toISOString(),
    changedAt: row.changedAt.toISOString(),
  };
  if (!forAgent) return common;
  return {
    ...common,
    lock: row.lock,
    owner: { id: row.ownerId, login: row.ownerLogin, name: `${row.ownerFirstName} ${row.ownerLastName}` },
    responsible: {
      id: row.responsibleId,
      login: row.responsibleLogin,
      name: `${row.responsibleFirstName} ${row.responsibleLastName}`,
    },
    customerContact: row.customerContact,
    accountedMinutes: Number(row.accountedMinutes),
  };
}

export type PresentedTicket = ReturnType<typeof presentTicket>;
