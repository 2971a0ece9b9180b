import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import { checkIntakeRules } from '../../mail/inbound/intake-rules.ts';
import { type Actor, hasGroupPermission } from '../../permissions/actor.ts';
import { isPortalModule } from '../../portal/modules.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import { type ArticleInput, checkAttachments, insertArticle } from '../article-writer.ts';
import { queueScope, requireValid, resolveCustomer, stateById, stateOfType } from '../lookups.ts';
import { schedulePendingCheck } from '../pending-check.ts';
import { articleHistoryType, isPending } from '../rules/states.ts';
import { nextTicketNumber, nextTicketNumbers } from '../ticket-number.ts';
import { recordEvent, recordHistory } from '../ticket-records.ts';
import type { Ticket } from '../ticket-transaction.ts';
import { requireAgentWithKey } from './agent-eligibility.ts';

export interface CreateTicketInput {
  title: string;
  queueId: number;
  stateId?: number;
  priorityId?: number;
  typeId?: number | null;
  serviceId?: number | null;
  slaId?: number | null;
  ownerId?: number;
  responsibleId?: number;
  lock?: boolean;
  customerUserId?: number | null;
  customerId?: number | null;
  /** the sender's address when they are not a known customer user */
  customerContact?: string;
  pendingUntil?: Date | null;
  article: ArticleInput;
}

const DEFAULT_PRIORITY = 3;
/** The system user owns what nobody has taken yet (OTRS PostmasterUserID). */
const SYSTEM_AGENT = 1;

/** Where the memo keeps which customer a customer user's new ticket is for (see resolveCustomer). */
export const customerMemoKey = (customerUserId: number, customerId: number | null | undefined) =>
  `customer:${customerUserId}:${customerId ?? null}`;

export interface PrepareOptions {
  /** the configuration reads shared with the other tickets of a batch (mail intake) */
  memo?: ReadMemo;
  /** false: the caller numbers the ticket with numberTickets, one reservation for a whole batch */
  numbered?: boolean;
}

/**
 * Checks everything a new ticket refers to, before any transaction opens, and takes its number.
 * Agents need "create" on the queue's group; a customer user opens tickets for themselves and
 * for one of their own customers.
 */
export async function prepareTicket(
  ctx: DomainContext,
  actor: Actor,
  input: CreateTicketInput,
  { memo = noMemo, numbered = true }: PrepareOptions = {},
) {
  const valid = (table: Parameters<typeof requireValid>[1], id: number, field: string) =>
    memo(`valid:${table}:${id}:${field}`, () => requireValid(ctx.db, table, id, field));
  checkAttachments(ctx, input.article.attachments);
  const { sendStatus, channel, senderType, to } = input.article;
  // a new email ticket: only an agent's email with a recipient can leave
  if (
    sendStatus === 'queued' &&
    (actor.kind !== 'agent' || channel !== 'email' || senderType !== 'agent' || !to?.trim())
  ) {
    throw new DomainError('validation', 'error.send_needs_email', {}, 'article.to');
  }
  const queue = await memo(`queue:${input.queueId}`, () => queueScope(ctx.db, input.queueId));
  if (actor.kind === 'agent' && !hasGroupPermission(actor, queue.groupId, 'create')) {
    throw new DomainError('forbidden', 'error.forbidden', { permission: 'create', queue: queue.name });
  }
  // a customer user's ticket always starts new (as OTRS's customer interface): the state, its
  // pending time and the desk's own fields (owner, lock, contact) are the agents' to set
  const byAgent = actor.kind === 'agent';
  const { stateId } = input;
  const chosen =
    byAgent && stateId
      ? await memo(`state:${stateId}`, () => stateById(ctx.db, stateId))
      : await memo('state:new', () => stateOfType(ctx.db, 'new'));
  const locked = byAgent && input.lock === true;
  // a ticket created locked is already taken: it starts open, as locking a new ticket opens it
  const state = locked && chosen.type === 'new' ? await memo('state:open', () => stateOfType(ctx.db, 'open')) : chosen;
  if (
    !['new', 'open', 'pending_reminder', 'pending_auto_close_success', 'pending_auto_close_failure'].includes(
      state.type,
    )
  ) {
    throw new DomainError('validation', 'error.state_not_settable', { state: state.name, hint: 'close' }, 'stateId');
  }
  const now = ctx.now();
  if (isPending(state.type) && !(input.pendingUntil && input.pendingUntil > now)) {
    throw new DomainError('validation', 'error.pending_needs_time', {}, 'pendingUntil');
  }
  if (actor.kind === 'customer') {
    // in the portal's modules only, as the form offers them (not the desk's internal queues)
    if (!(await isPortalModule(ctx.db, queue.id))) {
      throw new DomainError('validation', 'error.queue_not_for_customers', {}, 'queueId');
    }
    // asked, as by email, for a specific subject (the seed's rule); the form can ask again at
    // once, so a flagged subject is refused too
    await refuseVagueSubject(ctx, queue.id, input.title);
  }
  const priorityId = input.priorityId ?? DEFAULT_PRIORITY;
  await valid('priorities', priorityId, 'priorityId');
  if (input.typeId) await valid('ticketTypes', input.typeId, 'typeId');
  if (input.serviceId) await valid('services', input.serviceId, 'serviceId');
  if (input.slaId) await valid('slas', input.slaId, 'slaId');

  const customerUserId = actor.kind === 'customer' ? actor.customerUserId : (input.customerUserId ?? null);
  const customerId = customerUserId
    ? await memo(customerMemoKey(customerUserId, input.customerId), () =>
        resolveCustomer(ctx.db, customerUserId, input.customerId),
      )
    : (input.customerId ?? null);
  if (!customerUserId && customerId) await valid('customers', customerId, 'customerId');

  const agentId = actor.kind === 'agent' ? actor.agentId : SYSTEM_AGENT;
  const ownerId = actor.kind === 'agent' ? (input.ownerId ?? agentId) : SYSTEM_AGENT;
  const responsibleId = actor.kind === 'agent' ? (input.responsibleId ?? ownerId) : SYSTEM_AGENT;
  // an owner or responsible named by the agent needs the key setOwner / setResponsible would ask for
  // ("owner", "ro"); the creator owning their own ticket needs only "create"
  if (byAgent && input.ownerId !== undefined) {
    await requireAgentWithKey(ctx.db, ownerId, queue, 'owner', 'ownerId');
  } else {
    await valid('agents', ownerId, 'ownerId');
  }
  if (byAgent && input.responsibleId !== undefined) {
    await requireAgentWithKey(ctx.db, responsibleId, queue, 'ro', 'responsibleId');
  } else if (responsibleId !== ownerId) {
    // the usual case, owner and responsible the same agent: checked once, above
    await valid('agents', responsibleId, 'responsibleId');
  }
  const customerContact = byAgent ? (input.customerContact ?? '') : '';

  const tn = numbered ? await nextTicketNumber(ctx.db, ctx.config.ticketNumberGenerator, ctx.config.systemId, now) : '';
  return {
    input,
    tn,
    now,
    queue,
    state,
    priorityId,
    customerId,
    customerUserId,
    agentId,
    ownerId,
    responsibleId,
    locked,
    customerContact,
  };
}

export type PreparedTicket = Awaited<ReturnType<typeof prepareTicket>>;

/** Numbers the tickets prepared with `numbered: false`, with one reservation of the counter for all. */
export async function numberTickets(ctx: DomainContext, prepared: PreparedTicket[]): Promise<void> {
  const unnumbered = prepared.filter((ticket) => ticket.tn === '');
  if (unnumbered.length === 0) return;
  const { ticketNumberGenerator, systemId } = ctx.config;
  const day = unnumbered[0]?.now ?? ctx.now();
  const numbers = await nextTicketNumbers(ctx.db, ticketNumberGenerator, systemId, day, unnumbered.length);
  unnumbered.forEach((ticket, i) => {
    ticket.tn = numbers[i] as string;
  });
}

/** The tickets row of a prepared ticket. */
function ticketValues(prepared: PreparedTicket) {
  const { input, now, locked, state, agentId } = prepared;
  return {
    tn: prepared.tn,
    title: input.title,
    queueId: prepared.queue.id,
    stateId: state.id,
    priorityId: prepared.priorityId,
    typeId: input.typeId ?? null,
    serviceId: input.serviceId ?? null,
    slaId: input.slaId ?? null,
    lock: locked ? ('lock' as const) : ('unlock' as const),
    lockChangedAt: locked ? now : null,
    ownerId: prepared.ownerId,
    responsibleId: prepared.responsibleId,
    customerId: prepared.customerId,
    customerUserId: prepared.customerUserId,
    customerContact: prepared.customerContact,
    pendingUntil: isPending(state.type) ? (input.pendingUntil ?? null) : null,
    createdBy: agentId,
    changedBy: agentId,
    createdAt: now,
    changedAt: now,
  };
}

/**
 * Writes the rows of several prepared tickets with one statement (a batch of received mail), by
 * number: completeTicket then adds what each one needs.
 */
export async function insertTicketRows(trx: Transaction<DB>, prepared: PreparedTicket[]): Promise<Map<string, Ticket>> {
  if (prepared.length === 0) return new Map();
  const rows = await trx.insertInto('tickets').values(prepared.map(ticketValues)).returningAll().execute();
  return new Map(rows.map((row) => [row.tn, row]));
}

/** Writes a prepared ticket, its first article, history and event inside the caller's transaction. */
export async function insertTicket(ctx: DomainContext, trx: Transaction<DB>, actor: Actor, prepared: PreparedTicket) {
  const ticket = await trx
    .insertInto('tickets')
    .values(ticketValues(prepared))
    .returningAll()
    .executeTakeFirstOrThrow();
  return completeTicket(ctx, trx, actor, prepared, ticket);
}

/** The first article, history, event and pending reminder of a ticket whose row was just written. */
export async function completeTicket(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  prepared: PreparedTicket,
  ticket: Ticket,
) {
  const { input, tn, queue, state } = prepared;
  const articleId = await insertArticle(ctx, trx, actor, ticket.id, input.article);
  await recordHistory(ctx, trx, actor, ticket, 'NewTicket', { tn, queue: queue.name, state: state.name });
  await recordHistory(ctx, trx, actor, ticket, articleHistoryType(input.article, false), {}, articleId);
  await recordEvent(ctx, trx, actor, ticket.id, 'ticket.created', { articleId });
  if (ticket.pendingUntil) {
    await recordHistory(ctx, trx, actor, ticket, 'SetPendingTime', { pendingUntil: ticket.pendingUntil.toISOString() });
    await schedulePendingCheck(ctx, trx, ticket.id, ticket.pendingUntil);
  }
  // the row as written, for a caller that goes on working on the ticket in the same transaction
  return { id: ticket.id, tn, articleId, ticket };
}

export async function createTicket(ctx: DomainContext, actor: Actor, input: CreateTicketInput) {
  const prepared = await prepareTicket(ctx, actor, input);
  return ctx.db.transaction().execute((trx) => insertTicket(ctx, trx, actor, prepared));
}

async function refuseVagueSubject(ctx: DomainContext, queueId: number, title: string): Promise<void> {
  const verdict = await checkIntakeRules(ctx.db, queueId, null, title, '');
  const vague = [...verdict.rejections, ...verdict.flags].find((flag) => flag !== 'phone_missing');
  if (vague === 'subject_empty') throw new DomainError('validation', 'error.subject_empty', {}, 'title');
  if (vague) throw new DomainError('validation', 'error.subject_generic', {}, 'title');
}
