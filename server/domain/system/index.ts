/**
 * The system domain: what the local command line asks of the server (agents, tokens, demo data),
 * and the system settings an admin changes at run time.
 */
export { type AddAgentInput, addAgent } from './add-agent.ts';
export { type IssueTokenInput, issueAgentToken } from './issue-token.ts';
export { systemRoutes } from './routes.ts';
export {
  getSystemSettings,
  loadSystemSettings,
  type SettingsChanges,
  type SystemSettingsView,
  updateSystemSettings,
  watchSystemSettings,
} from './settings/index.ts';
