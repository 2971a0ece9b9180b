import { CliFailure } from './cli-errors.ts';
import { t } from './cli-messages.ts';
import { callSocket, streamSocket } from './socket-client.ts';
import type { AddedAgent, CreatedToken, DemoStreamLine, SystemOperations } from './system-operations.ts';

/** A server runs on this data directory: the command asks it over its owner-only Unix socket. */
export function socketOperations(file: string, pid: number): SystemOperations {
  return {
    via: { kind: 'socket', pid },
    addAgent: (input) => callSocket<AddedAgent>(file, { method: 'POST', url: '/api/v1/system/agents', body: input }),
    createToken: (input) =>
      callSocket<CreatedToken>(file, { method: 'POST', url: '/api/v1/system/tokens', body: input }),
    loadDemo: async (progress) => {
      let outcome: DemoStreamLine | undefined;
      await streamSocket(file, { method: 'POST', url: '/api/v1/system/demo' }, (value) => {
        const line = value as DemoStreamLine;
        if (line.type === 'progress') progress(line.done, line.total, line.step);
        else outcome = line;
      });
      if (outcome?.type === 'done') return outcome.result;
      if (outcome?.type === 'error') throw new CliFailure(outcome.error.message);
      throw new CliFailure(t('demo.stream_ended'));
    },
    close: async () => {},
  };
}
