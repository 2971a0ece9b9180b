import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordAdminChange } from '../../admin-log/index.ts';
import type { Actor } from '../../permissions/actor.ts';

/** The role and the agent a membership change names: 404 for either one missing. */
export async function roleAndAgent(trx: Transaction<DB>, roleId: number, agentId: number) {
  const role = await trx.selectFrom('roles').select('name').where('id', '=', roleId).executeTakeFirst();
  if (!role) throw notFound('error.not_found.role', roleId);
  const agent = await trx.selectFrom('agents').select('login').where('id', '=', agentId).executeTakeFirst();
  if (!agent) throw notFound('error.not_found.agent', agentId);
  return { role: role.name, login: agent.login };
}

/** The admin change log's entry for a membership, on the agent: a role granted or revoked. */
export function logRoleMember(
  trx: Transaction<DB>,
  actor: Actor,
  agentId: number,
  names: { role: string; login: string },
  action: 'grant' | 'revoke',
) {
  return recordAdminChange(trx, actor, {
    objectType: 'agents',
    objectId: agentId,
    objectName: names.login,
    action,
    changes: { role: names.role },
  });
}
