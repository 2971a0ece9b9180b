/** Agents: the desk's staff, their grants, roles and "my queues". */
export { AgentCreate, AgentItem, GroupGrantInput } from './agent-schemas.ts';
export { agentTable } from './agent-table.ts';
export { type CreateAgentInput, createAgent } from './commands/create-agent.ts';
export { setMyQueues } from './commands/set-my-queues.ts';
export { type UpdateAgentInput, updateAgent } from './commands/update-agent.ts';
export { effectivePermissions } from './queries/effective-permissions.ts';
export { myQueues } from './queries/my-queues.ts';
export { agentRoutes } from './routes.ts';
