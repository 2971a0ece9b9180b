import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireVisibleTicket } from './ticket-visibility.ts';

/** The full history of a ticket, oldest first: for agents only. */
export async function ticketHistory(ctx: DomainContext, actor: Actor, ticketId: number) {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'error.agents_only');
  const history = ctx.db
    .selectFrom('ticketHistory as h')
    .innerJoin('agents as a', 'a.id', 'h.createdBy')
    .leftJoin('customerUsers as cu', 'cu.id', 'h.createdByCustomerUserId')
    .select([
      'h.id',
      'h.type',
      'h.data',
      'h.articleId',
      'h.queueId',
      'h.stateId',
      'h.priorityId',
      'h.ownerId',
      'h.createdAt',
      'a.login as agentLogin',
      'cu.login as customerUserLogin',
    ])
    .where('h.ticketId', '=', ticketId)
    .orderBy('h.id');
  // the permission check runs alongside: if it fails, the history is thrown away unseen
  const [, rows] = await Promise.all([requireVisibleTicket(ctx.db, actor, ticketId), history.execute()]);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    data: row.data,
    articleId: row.articleId,
    snapshot: { queueId: row.queueId, stateId: row.stateId, priorityId: row.priorityId, ownerId: row.ownerId },
    by: row.customerUserLogin ?? row.agentLogin,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Linked tickets, from this ticket's point of view (parent, child or normal). */
export async function ticketLinks(ctx: DomainContext, actor: Actor, ticketId: number) {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const rows = await ctx.db
    .selectFrom('ticketLinks as l')
    .innerJoin('tickets as t', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('l.sourceTicketId', '=', ticketId), eb('t.id', '=', eb.ref('l.targetTicketId'))]),
          eb.and([eb('l.targetTicketId', '=', ticketId), eb('t.id', '=', eb.ref('l.sourceTicketId'))]),
        ]),
      ),
    )
    .innerJoin('states as s', 's.id', 't.stateId')
    .select(['l.type', 'l.sourceTicketId', 't.id', 't.tn', 't.title', 's.name as stateName', 's.type as stateType'])
    .execute();
  return rows.map((row) => ({
    ticketId: row.id,
    tn: row.tn,
    title: row.title,
    state: { name: row.stateName, type: row.stateType },
    relation:
      row.type === 'normal'
        ? ('normal' as const)
        : row.sourceTicketId === ticketId
          ? ('child' as const)
          : ('parent' as const),
  }));
}
