import type { Selectable, Transaction } from 'kysely';
import type { DB, NotificationEvent, TicketEventsTable } from '../../db/schema.ts';
import type { DomainContext } from '../context.ts';
import { agentTicketUrl, customerTicketUrl } from '../mail/outbound/ticket-links.ts';
import { SYSTEM_AGENT_ID } from '../tickets/ticket-transaction.ts';
import { type DeliveryText, queueDelivery } from './queue-delivery.ts';
import { agentRecipients, myQueuesAgents } from './recipients.ts';
import type { NotificationKind } from './templates.ts';

type TicketEvent = Selectable<TicketEventsTable>;

const PREFERENCE: Record<string, NotificationEvent> = {
  new_ticket: 'new_ticket',
  follow_up: 'follow_up',
  locked: 'lock_changed',
  unlocked: 'lock_changed',
  moved: 'moved',
  owner_changed: 'owner_changed',
  responsible_changed: 'responsible_changed',
  note_added: 'note_added',
  pending_reminder: 'pending_reminder',
  send_failed: 'send_failed',
};

async function loadTicket(trx: Transaction<DB>, ticketId: number) {
  return trx
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .leftJoin('customerUsers as cu', 'cu.id', 't.customerUserId')
    .select([
      't.id',
      't.tn',
      't.title',
      't.queueId',
      't.lock',
      't.ownerId',
      't.responsibleId',
      't.customerUserId',
      't.customerContact',
      't.pendingUntil',
      'q.name as queueName',
      'q.groupId as queueGroupId',
      'cu.firstName as customerFirstName',
      'cu.lastName as customerLastName',
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
}

type TicketRow = NonNullable<Awaited<ReturnType<typeof loadTicket>>>;

async function loadArticle(trx: Transaction<DB>, articleId: unknown) {
  if (typeof articleId !== 'number') return undefined;
  return trx
    .selectFrom('articles')
    .select(['id', 'senderType', 'channel', 'visibleToCustomer', 'subject', 'bodyText', 'sendStatus', 'fromAddress'])
    .where('id', '=', articleId)
    .executeTakeFirst();
}

async function actorName(trx: Transaction<DB>, event: TicketEvent): Promise<string> {
  if (event.actorAgentId !== null && event.actorAgentId !== SYSTEM_AGENT_ID) {
    const agent = await trx
      .selectFrom('agents')
      .select(['firstName', 'lastName'])
      .where('id', '=', event.actorAgentId)
      .executeTakeFirst();
    if (agent) return `${agent.firstName} ${agent.lastName}`;
  }
  if (event.actorCustomerUserId !== null) {
    const user = await trx
      .selectFrom('customerUsers')
      .select(['firstName', 'lastName'])
      .where('id', '=', event.actorCustomerUserId)
      .executeTakeFirst();
    if (user) return `${user.firstName} ${user.lastName}`;
  }
  return 'Sportello';
}

/** The first lines of an article, enough to decide from the notification whether to open it. */
function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 1500 ? `${trimmed.slice(0, 1500)}…` : trimmed;
}

/**
 * Turns one committed ticket event into notification deliveries (rendered and queued in the
 * caller's transaction). Which events notify whom follows OTRS's default notifications, for
 * agents; customer users hear of what an agent does for them that no other mail tells them.
 */
export async function notifyTicketEvent(ctx: DomainContext, trx: Transaction<DB>, event: TicketEvent): Promise<void> {
  const ticket = await loadTicket(trx, event.ticketId);
  if (!ticket) return;
  const payload = event.payload;
  const customerName =
    [ticket.customerFirstName, ticket.customerLastName].filter(Boolean).join(' ') || ticket.customerContact || '-';
  const base: Omit<DeliveryText, 'time'> & { time: Date } = {
    title: ticket.title,
    tn: ticket.tn,
    queue: ticket.queueName,
    actor: await actorName(trx, event),
    customer: customerName,
    articleSubject: '',
    articleText: '',
    error: '',
    time: event.createdAt,
  };
  const scope = { ownerId: ticket.ownerId, responsibleId: ticket.responsibleId, queueGroupId: ticket.queueGroupId };
  const toAgents = async (kind: NotificationKind, candidates: number[], extra: Partial<typeof base> = {}) => {
    const preference = PREFERENCE[kind];
    if (!preference) return;
    const recipients = await agentRecipients(trx, scope, candidates, preference, event.actorAgentId);
    for (const recipient of recipients) {
      await queueDelivery(ctx, trx, {
        event,
        ticket,
        kind,
        recipient: { type: 'agent', ...recipient },
        url: agentTicketUrl(ctx.config, ticket.id),
        text: { ...base, ...extra },
      });
    }
  };
  const toCustomer = async (kind: NotificationKind, extra: Partial<typeof base> = {}) => {
    if (ticket.customerUserId === null || ticket.customerUserId === event.actorCustomerUserId) return;
    const user = await trx
      .selectFrom('customerUsers')
      .select(['id', 'email', 'firstName', 'lastName', 'language', 'timeZone'])
      .where('id', '=', ticket.customerUserId)
      .where('valid', '=', true)
      .executeTakeFirst();
    if (!user?.email) return;
    await queueDelivery(ctx, trx, {
      event,
      ticket,
      kind,
      recipient: { type: 'customer', customerUserId: user.id, ...user },
      url: customerTicketUrl(ctx.config, ticket.tn),
      text: { ...base, ...extra },
    });
  };
  const owners = [ticket.ownerId, ticket.responsibleId];
  const unlocked = ticket.lock === 'unlock';

  switch (event.type) {
    case 'ticket.created': {
      const article = await loadArticle(trx, payload.articleId);
      const extra = { articleSubject: article?.subject ?? '', articleText: excerpt(article?.bodyText ?? '') };
      await toAgents('new_ticket', await myQueuesAgents(trx, ticket.queueId), extra);
      // a ticket opened by an agent for the customer; one from email already had its confirmation,
      // and one whose first article is an email to the customer is that email itself
      const byAgent = event.actorAgentId !== null && event.actorAgentId !== SYSTEM_AGENT_ID;
      if (byAgent && article?.visibleToCustomer && article.sendStatus === null) {
        await toCustomer('customer_ticket_created', extra);
      }
      return;
    }
    case 'article.created': {
      const article = await loadArticle(trx, payload.articleId);
      if (!article) return;
      const extra = { articleSubject: article.subject, articleText: excerpt(article.bodyText) };
      if (article.senderType === 'customer') {
        // OTRS: unlocked, the owner and the queue's agents hear of it; locked, the owner and responsible
        const candidates = unlocked ? [...owners, ...(await myQueuesAgents(trx, ticket.queueId))] : owners;
        await toAgents('follow_up', candidates, extra);
        return;
      }
      if (article.senderType === 'agent' && article.channel === 'internal') await toAgents('note_added', owners, extra);
      // an agent's answer the customer can see, unless it is an email: then the email itself reaches them
      if (article.senderType === 'agent' && article.visibleToCustomer && article.sendStatus === null) {
        await toCustomer('customer_reply', extra);
      }
      return;
    }
    case 'ticket.locked':
      // the owner holds the lock (and hears of a handover as owner_changed); the responsible is told
      if (ticket.responsibleId !== ticket.ownerId) await toAgents('locked', [ticket.responsibleId]);
      return;
    case 'ticket.unlocked':
      await toAgents('unlocked', owners);
      return;
    case 'ticket.moved': {
      const queueId = typeof payload.toQueueId === 'number' ? payload.toQueueId : ticket.queueId;
      await toAgents('moved', await myQueuesAgents(trx, queueId));
      return;
    }
    case 'ticket.owner_changed':
      if (typeof payload.to === 'number') await toAgents('owner_changed', [payload.to]);
      return;
    case 'ticket.responsible_changed':
      // the responsible following a new owner (from the system user) is told by the owner notification
      if (typeof payload.to !== 'number' || (payload.from === SYSTEM_AGENT_ID && payload.to === ticket.ownerId)) return;
      await toAgents('responsible_changed', [payload.to]);
      return;
    case 'ticket.pending_reminder_reached': {
      const candidates = unlocked ? [...owners, ...(await myQueuesAgents(trx, ticket.queueId))] : owners;
      await toAgents('pending_reminder', candidates, { time: ticket.pendingUntil ?? event.createdAt });
      return;
    }
    case 'article.send_failed': {
      const article = await loadArticle(trx, payload.articleId);
      await toAgents('send_failed', owners, {
        articleSubject: article?.subject ?? '',
        error: typeof payload.error === 'string' ? payload.error : '',
      });
      return;
    }
    case 'ticket.state_changed': {
      const state = await trx
        .selectFrom('states')
        .select('type')
        .where('name', '=', String(payload.to))
        .executeTakeFirst();
      if (state?.type === 'closed_successful' || state?.type === 'closed_unsuccessful') {
        await toCustomer('customer_closed');
      }
      return;
    }
    default:
      return;
  }
}

export type { TicketRow };
