import { loadDemoData } from '../demo/load-demo.ts';
import { systemActor } from '../domain/permissions/load-actor.ts';
import { addAgent, issueAgentToken } from '../domain/system/index.ts';
import type { Runtime } from './runtime.ts';
import type { SystemOperations } from './system-operations.ts';

/** No server holds the data: the command opens the database itself, as the system actor. */
export function directOperations(runtime: Runtime): SystemOperations {
  const { ctx } = runtime;
  return {
    via: { kind: 'direct', description: runtime.description },
    addAgent: (input) => addAgent(ctx, systemActor(), input),
    createToken: (input) =>
      issueAgentToken(ctx, systemActor(), {
        agentLogin: input.agentLogin,
        name: input.name,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      }),
    loadDemo: (progress) => loadDemoData(ctx, progress),
    close: () => runtime.close(),
  };
}
