/** Groups and the permission grants on them. */
export { type GroupGrant, setAgentGrant, setRoleGrant } from './commands/set-group-grant.ts';
export { groupTable } from './group-table.ts';
export { type Grant, type GrantFilter, listGrants } from './queries/list-grants.ts';
export { groupRoutes } from './routes.ts';
