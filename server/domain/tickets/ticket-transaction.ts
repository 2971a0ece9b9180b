import type { Selectable, Transaction, Updateable } from 'kysely';
import type { DB, Permission, StateType, TicketsTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { DomainContext } from '../context.ts';
import { type Actor, type AgentActor, canOnTicket } from '../permissions/actor.ts';
import { stateOfType } from './lookups.ts';
import { recordEvent, recordHistory } from './ticket-records.ts';

export type Ticket = Selectable<TicketsTable>;

export const SYSTEM_AGENT_ID = 1;

export interface TicketWithScope extends Ticket {
  queueGroupId: number;
  queueName: string;
  stateType: StateType;
  stateName: string;
}

/** One command's hold on one ticket: the row is locked (FOR UPDATE) until the transaction ends. */
export class TicketTransaction {
  constructor(
    readonly ctx: DomainContext,
    readonly trx: Transaction<DB>,
    readonly actor: Actor,
    public ticket: TicketWithScope,
  ) {}

  get agent(): AgentActor {
    if (this.actor.kind !== 'agent') throw new DomainError('forbidden', 'error.agents_only');
    return this.actor;
  }

  /** Refuses unless the acting agent holds the key on the ticket's queue (or owns / is responsible). */
  require(permission: Permission): void {
    const agent = this.agent;
    if (!canOnTicket(agent, this.ticket, permission)) {
      throw new DomainError('forbidden', 'error.forbidden', { permission, queue: this.ticket.queueName });
    }
  }

  /** Refuses while another agent holds the lock: they are working on it. */
  async refuseIfLockedByOther(): Promise<void> {
    if (this.ticket.lock === 'lock' && this.ticket.ownerId !== this.agent.agentId && !this.agent.system) {
      throw new DomainError('locked_by_other', 'error.locked_by_other', {
        tn: this.ticket.tn,
        agent: await agentLogin(this.trx, this.ticket.ownerId),
      });
    }
  }

  /**
   * OTRS "RequiredLock" screens (close, pending, priority, move, reply, phone outbound, merge):
   * refused while another agent holds the lock; an unlocked ticket is locked to the acting agent,
   * who becomes its owner.
   */
  async takeLock(): Promise<void> {
    await this.refuseIfLockedByOther();
    if (this.ticket.lock === 'lock' || this.agent.system) return;
    await this.setLock('lock');
    await this.changeOwner(this.agent.agentId);
  }

  /**
   * Locking a new ticket also opens it (OTRS's ForceStateChangeOnLock, as the operator manual's desk
   * runs it): a ticket someone has taken is no longer waiting under "New tickets".
   */
  async setLock(lock: 'lock' | 'unlock'): Promise<void> {
    if (this.ticket.lock === lock) return;
    await this.update({ lock, lockChangedAt: this.ctx.now() });
    await this.history(lock === 'lock' ? 'Lock' : 'Unlock', {});
    await this.event(lock === 'lock' ? 'ticket.locked' : 'ticket.unlocked', {});
    if (lock === 'lock' && this.ticket.stateType === 'new') {
      const open = await stateOfType(this.trx, 'open');
      const from = this.ticket.stateName;
      await this.update({ stateId: open.id });
      await this.history('StateUpdate', { from, to: open.name });
      await this.event('ticket.state_changed', { from, to: open.name });
    }
  }

  /**
   * A new owner; while the responsible is still the system user it follows the owner
   * (OTRS ResponsibleAutoSet), so every ticket someone works on has a responsible person.
   */
  async changeOwner(ownerId: number): Promise<void> {
    const from = this.ticket.ownerId;
    if (from === ownerId) return;
    const responsibleFollows = this.ticket.responsibleId === SYSTEM_AGENT_ID;
    await this.update(responsibleFollows ? { ownerId, responsibleId: ownerId } : { ownerId });
    await this.history('OwnerUpdate', { from, to: ownerId });
    await this.event('ticket.owner_changed', { from, to: ownerId });
    if (responsibleFollows) {
      await this.history('ResponsibleUpdate', { from: SYSTEM_AGENT_ID, to: ownerId });
      await this.event('ticket.responsible_changed', { from: SYSTEM_AGENT_ID, to: ownerId });
    }
  }

  refuseInStates(types: readonly StateType[]): void {
    if (types.includes(this.ticket.stateType)) {
      throw new DomainError('invalid_transition', 'error.ticket_closed_for_action', {
        tn: this.ticket.tn,
        state: this.ticket.stateName,
      });
    }
  }

  async update(changes: Updateable<TicketsTable>): Promise<void> {
    const changedBy = this.actor.kind === 'agent' ? this.actor.agentId : 1;
    const row = await this.trx
      .updateTable('tickets')
      .set({ ...changes, changedAt: this.ctx.now(), changedBy })
      .where('id', '=', this.ticket.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ticket = { ...this.ticket, ...row };
    if (changes.stateId !== undefined || changes.queueId !== undefined) {
      this.ticket = await loadScope(this.trx, row);
    }
  }

  history(type: string, data: Record<string, unknown>, articleId?: number): Promise<void> {
    return recordHistory(this.ctx, this.trx, this.actor, this.ticket, type, data, articleId);
  }

  event(type: string, payload: Record<string, unknown>): Promise<void> {
    return recordEvent(this.ctx, this.trx, this.actor, this.ticket.id, type, payload);
  }
}

async function loadScope(trx: Transaction<DB>, ticket: Ticket): Promise<TicketWithScope> {
  const scope = await trx
    .selectFrom(['queues', 'states'])
    .select(['queues.groupId', 'queues.name as queueName', 'states.type', 'states.name as stateName'])
    .where('queues.id', '=', ticket.queueId)
    .where('states.id', '=', ticket.stateId)
    .executeTakeFirstOrThrow();
  return {
    ...ticket,
    queueGroupId: scope.groupId,
    queueName: scope.queueName,
    stateType: scope.type,
    stateName: scope.stateName,
  };
}

export async function agentLogin(trx: Transaction<DB>, agentId: number): Promise<string> {
  const row = await trx.selectFrom('agents').select('login').where('id', '=', agentId).executeTakeFirst();
  return row?.login ?? String(agentId);
}

/** Whether the actor may see the ticket at all (ro for agents; own or company tickets for customers). */
export function canSee(actor: Actor, ticket: TicketWithScope): boolean {
  if (actor.kind === 'agent') return canOnTicket(actor, ticket, 'ro');
  if (ticket.customerUserId === actor.customerUserId) return true;
  return ticket.customerId !== null && actor.customerIdsAllTickets.includes(ticket.customerId);
}

/**
 * Runs `body` in one transaction holding the ticket's row lock. A ticket the actor may not see
 * is reported as missing, so that its existence does not leak.
 */
export async function withTicket<T>(
  ctx: DomainContext,
  actor: Actor,
  ticketId: number,
  body: (tx: TicketTransaction) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => body(await lockTicketRow(ctx, trx, actor, ticketId)));
}

/**
 * Runs `body` in one transaction holding the row locks of two tickets (merge, link). Both rows are
 * locked by one statement in id order first: locking "this one, then the other" deadlocked when two
 * agents merged or linked the same pair in opposite directions at once.
 */
export async function withTicketPair<T>(
  ctx: DomainContext,
  actor: Actor,
  ticketId: number,
  otherId: number,
  body: (tx: TicketTransaction, other: TicketTransaction) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTicketRows(ctx, trx, actor, [ticketId, otherId]);
    return body(lockedTicket(locked, ticketId), lockedTicket(locked, otherId));
  });
}

export async function lockTicketRow(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticketId: number,
): Promise<TicketTransaction> {
  return lockedTicket(await lockTicketRows(ctx, trx, actor, [ticketId]), ticketId);
}

/** A ticket that is missing, or that the actor may not see, is reported as missing alike. */
function lockedTicket(locked: Map<number, TicketTransaction>, ticketId: number): TicketTransaction {
  const tx = locked.get(ticketId);
  if (!tx) throw notFound('error.not_found.ticket', ticketId);
  return tx;
}

/**
 * Locks several tickets with one statement, in id order (two transactions taking overlapping sets
 * wait for each other instead of deadlocking), then reads their queue and state with one more: a
 * batch's holds on the tickets it changes. Tickets the actor may not see are left out. The queue
 * and state are read once the rows are held: joined to the locking statement, a ticket changed
 * meanwhile by the transaction it waited for (merged, moved) dropped out of the join.
 */
export async function lockTicketRows(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticketIds: number[],
): Promise<Map<number, TicketTransaction>> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('tickets').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
  const scopes = await trx
    .selectFrom('tickets')
    .innerJoin('queues', 'queues.id', 'tickets.queueId')
    .innerJoin('states', 'states.id', 'tickets.stateId')
    .select([
      'tickets.id',
      'queues.groupId as queueGroupId',
      'queues.name as queueName',
      'states.type as stateType',
      'states.name as stateName',
    ])
    .where('tickets.id', 'in', ids)
    .execute();
  const scopeOf = new Map(scopes.map(({ id, ...scope }) => [id, scope]));
  const locked = new Map<number, TicketTransaction>();
  for (const row of rows) {
    const scope = scopeOf.get(row.id);
    if (!scope) continue;
    const ticket = { ...row, ...scope };
    if (canSee(actor, ticket)) locked.set(row.id, new TicketTransaction(ctx, trx, actor, ticket));
  }
  return locked;
}
