/** The system domain: what the local command line asks of the server (agents, tokens, demo data). */
export { type AddAgentInput, addAgent } from './add-agent.ts';
export { type IssueTokenInput, issueAgentToken } from './issue-token.ts';
export { systemRoutes } from './routes.ts';
