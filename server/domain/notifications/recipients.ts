import type { Transaction } from 'kysely';
import type { DB, NotificationEvent } from '../../db/schema.ts';
import { canOnTicket } from '../permissions/actor.ts';
import { loadAgentActor } from '../permissions/load-actor.ts';
import { SYSTEM_AGENT_ID } from '../tickets/ticket-transaction.ts';

export interface AgentRecipient {
  agentId: number;
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  timeZone: string | null;
}

export interface TicketForRecipients {
  ownerId: number;
  responsibleId: number;
  queueGroupId: number;
}

/** Agents who chose "my queues" including the queue (OTRS AgentMyQueues). */
export async function myQueuesAgents(trx: Transaction<DB>, queueId: number): Promise<number[]> {
  const rows = await trx.selectFrom('agentQueues').select('agentId').where('queueId', '=', queueId).execute();
  return rows.map((row) => row.agentId);
}

/**
 * OTRS's recipient filter, in order: never the system user, only valid agents with an address,
 * once each, never the agent who acted, only those who want this event by email, and only those
 * who may read the ticket (ro on its queue, or owner / responsible).
 */
export async function agentRecipients(
  trx: Transaction<DB>,
  ticket: TicketForRecipients,
  candidates: readonly number[],
  event: NotificationEvent,
  actingAgentId: number | null,
): Promise<AgentRecipient[]> {
  const ids = [...new Set(candidates)].filter((id) => id !== SYSTEM_AGENT_ID && id !== actingAgentId);
  if (ids.length === 0) return [];
  const agents = await trx
    .selectFrom('agents as a')
    .leftJoin('agentNotificationPreferences as p', (join) =>
      join.onRef('p.agentId', '=', 'a.id').on('p.event', '=', event),
    )
    .select(['a.id', 'a.email', 'a.firstName', 'a.lastName', 'a.language', 'a.timeZone', 'p.email as wants'])
    .where('a.id', 'in', ids)
    .where('a.valid', '=', true)
    .where('a.email', '<>', '')
    .orderBy('a.id')
    .execute();
  const recipients: AgentRecipient[] = [];
  for (const agent of agents) {
    if (agent.wants === false) continue;
    const actor = await loadAgentActor(trx, agent.id);
    if (!actor || !canOnTicket(actor, ticket, 'ro')) continue;
    recipients.push({
      agentId: agent.id,
      email: agent.email,
      firstName: agent.firstName,
      lastName: agent.lastName,
      language: agent.language,
      timeZone: agent.timeZone,
    });
  }
  return recipients;
}
