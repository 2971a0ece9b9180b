/** Roles: bundles of group grants, and which agents hold them. */
export { addRoleMember } from './commands/add-role-member.ts';
export { removeRoleMember } from './commands/remove-role-member.ts';
export { roleMembers } from './queries/role-members.ts';
export { roleTable } from './role-table.ts';
export { roleRoutes } from './routes.ts';
