import type { Database } from '../../../db/connect.ts';
import type { Permission } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { hasGroupPermission } from '../../permissions/actor.ts';
import { loadAgentActor } from '../../permissions/load-actor.ts';
import { requireValid } from '../lookups.ts';
import type { TicketTransaction } from '../ticket-transaction.ts';

/** The agent a ticket in this queue is handed to must be active and hold the key on its group. */
export async function requireAgentWithKey(
  db: Database,
  agentId: number,
  queue: { groupId: number; name: string },
  permission: Permission,
  field: string,
) {
  await requireValid(db, 'agents', agentId, field);
  const agent = await loadAgentActor(db, agentId);
  if (!agent || !hasGroupPermission(agent, queue.groupId, permission)) {
    throw new DomainError(
      'validation',
      'error.agent_lacks_permission',
      { agent: agent?.login ?? agentId, permission, queue: queue.name },
      field,
    );
  }
}

/** The agent a ticket is handed to must be active and hold the key on the ticket's queue. */
export function requireEligibleAgent(tx: TicketTransaction, agentId: number, permission: Permission, field: string) {
  return requireAgentWithKey(
    tx.trx,
    agentId,
    { groupId: tx.ticket.queueGroupId, name: tx.ticket.queueName },
    permission,
    field,
  );
}
