import type { Database } from '../../../db/connect.ts';
import type { StateType } from '../../../db/schema.ts';

/**
 * tickets t with its queue q and state s: all that visibility, filters and sort keys need. Lists
 * and searches find their page of tickets on this, then `ticketRows` dresses only that page.
 *
 * Why two steps: PostgreSQL plans a join of all eleven tables a ticket line shows anew for every
 * statement, and searching the join orders of so many tables took 10–30 ms, far more than running
 * the query. Three tables here, four more joins in `ticketRows` and one-column look-ups of small
 * tables as subqueries keep the planning near 1 ms.
 */
export function ticketBase(db: Database) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .innerJoin('states as s', 's.id', 't.stateId');
}

export type TicketBaseQuery = ReturnType<typeof ticketBase>;

const baseColumns = [
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
  't.queueId',
  't.stateId',
  't.priorityId',
  't.typeId',
  't.serviceId',
  't.slaId',
  't.ownerId',
  't.responsibleId',
  't.customerId',
  't.customerUserId',
  'q.name as queueName',
  's.name as stateName',
  's.type as stateType',
] as const;

/**
 * The rows of the tickets `page` selects (filtered, ordered and limited on `ticketBase`), with
 * everything a ticket line shows. The caller orders the result again: a subquery's order is not kept.
 * `withTotal`: each row also carries `total`, the number of tickets before the limit and offset.
 */
export function ticketRows(db: Database, page: TicketBaseQuery, withTotal = false) {
  const inner = page
    .select(baseColumns)
    .$if(withTotal, (qb) => qb.select((eb) => eb.fn.countAll<number>().over().as('total')));
  return db
    .selectFrom(inner.as('t'))
    .innerJoin('agents as o', 'o.id', 't.ownerId')
    .innerJoin('agents as r', 'r.id', 't.responsibleId')
    .leftJoin('customers as c', 'c.id', 't.customerId')
    .leftJoin('customerUsers as cu', 'cu.id', 't.customerUserId')
    .selectAll('t')
    .select((eb) => [
      // tickets.priority_id is NOT NULL and references priorities: the name is always there
      eb
        .selectFrom('priorities as p')
        .select('p.name')
        .whereRef('p.id', '=', 't.priorityId')
        .$asScalar()
        .as('priorityName'),
      eb.selectFrom('ticketTypes as ty').select('ty.name').whereRef('ty.id', '=', 't.typeId').as('typeName'),
      eb.selectFrom('services as sv').select('sv.name').whereRef('sv.id', '=', 't.serviceId').as('serviceName'),
      eb.selectFrom('slas as sl').select('sl.name').whereRef('sl.id', '=', 't.slaId').as('slaName'),
      'o.login as ownerLogin',
      'o.firstName as ownerFirstName',
      'o.lastName as ownerLastName',
      'r.login as responsibleLogin',
      'r.firstName as responsibleFirstName',
      'r.lastName as responsibleLastName',
      'c.customerKey',
      'c.name as customerName',
      'cu.login as customerUserLogin',
      'cu.firstName as customerUserFirstName',
      'cu.lastName as customerUserLastName',
      'cu.email as customerUserEmail',
    ]);
}

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
