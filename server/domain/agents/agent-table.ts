import type { Static } from '@sinclair/typebox';
import { type ConfigTable, columnsOf } from '../config/index.ts';
import { keepAnAdmin } from './admin-guard.ts';
import { agentGrants, replaceAgentGrants, replaceAgentRoles } from './agent-grants.ts';
import { type AgentCreate, AgentItem } from './agent-schemas.ts';

type Item = Static<typeof AgentItem>;

/** Agents: the desk's staff. Agent 1 is the system user (owner of tickets from mail). */
export const agentTable: ConfigTable<Static<typeof AgentCreate>, Item> = {
  table: 'agents',
  kind: 'object.agent',
  notFound: 'error.not_found.agent',
  // the hash is read only to say whether there is one; present() drops it
  columns: [...columnsOf(AgentItem, 'hasPassword'), 'passwordHash'],
  writable: ['login', 'firstName', 'lastName', 'email', 'language', 'timeZone'],
  search: ['login', 'firstName', 'lastName', 'email'],
  // the desk's default language (system settings) for someone created without one
  defaults: (config) => ({ language: config.defaultLanguage }),
  orderBy: 'login',
  protectedIds: [1],
  // tickets, articles and history name their agents by foreign key, except history's owner snapshot
  usedBy: [{ table: 'ticketHistory', column: 'ownerId' }],
  owned: [
    { table: 'groupAgentPermissions', column: 'agentId' },
    { table: 'roleAgents', column: 'agentId' },
    { table: 'agentQueues', column: 'agentId' },
    { table: 'sessions', column: 'agentId' },
    { table: 'apiTokens', column: 'agentId' },
  ],
  afterWrite: async (trx, id, body) => {
    if (body.groups) await replaceAgentGrants(trx, id, body.groups);
    if (body.roleIds) await replaceAgentRoles(trx, id, body.roleIds);
  },
  loggedFields: (trx, id) => agentGrants(trx, id),
  // deactivating, deleting or regranting the last admin would leave nobody to administer
  guard: keepAnAdmin,
  present: async (_db, rows) =>
    rows.map(({ passwordHash, ...row }) => ({
      // read with the item's columns (see presentRows); only hasPassword is computed
      ...(row as Omit<Item, 'hasPassword'>),
      hasPassword: typeof passwordHash === 'string',
    })),
};
