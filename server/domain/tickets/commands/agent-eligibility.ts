import type { Permission } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { hasGroupPermission } from '../../permissions/actor.ts';
import { loadAgentActor } from '../../permissions/load-actor.ts';
import { requireValid } from '../lookups.ts';
import type { TicketTransaction } from '../ticket-transaction.ts';

/** The agent a ticket is handed to must be active and hold the key on the ticket's queue. */
export async function requireEligibleAgent(
  tx: TicketTransaction,
  agentId: number,
  permission: Permission,
  field: string,
) {
  await requireValid(tx.trx, 'agents', agentId, field);
  const agent = await loadAgentActor(tx.trx, agentId);
  if (!agent || !hasGroupPermission(agent, tx.ticket.queueGroupId, permission)) {
    throw new DomainError(
      'validation',
      'error.agent_lacks_permission',
      { agent: agent?.login ?? agentId, permission, queue: tx.ticket.queueName },
      field,
    );
  }
}
