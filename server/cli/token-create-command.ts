import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { connectSystem } from './connect-system.ts';
import { withOptionNames } from './field-errors.ts';
import { parseExpiry, parseNonEmpty } from './option-parsers.ts';
import { describeVia } from './via.ts';

interface TokenCreateFlags {
  agent: string;
  name: string;
  expires?: string;
}

export function registerTokenCreate(token: Command): void {
  token
    .command('create')
    .description(
      'Create an API token for an agent and print it once on standard output; only its hash is kept. ' +
        'Programs send it as "Authorization: Bearer <token>" and act with that agent’s permissions.',
    )
    .requiredOption('--agent <login>', 'the agent the token acts for', parseNonEmpty)
    .requiredOption('--name <name>', 'what the token is for, e.g. "monitoring" (shown in token lists)', parseNonEmpty)
    .option('--expires <date>', 'when the token stops working, e.g. 2026-12-31 (default: never)', parseExpiry)
    .addHelpText('after', '\nExample:\n  TOKEN=$(sportello token create --agent mario.rossi --name "report script")')
    .action(async (flags: TokenCreateFlags) => {
      const config = loadConfig();
      const system = await connectSystem(config, 'token create');
      try {
        const options = { agentLogin: '--agent', agentId: '--agent', name: '--name', expiresAt: '--expires' };
        const created = await withOptionNames(options, () =>
          system.createToken({ agentLogin: flags.agent, name: flags.name, expiresAt: flags.expires }),
        );
        process.stderr.write(
          `Created token "${created.name}" (id ${created.id}) for agent ${created.agentLogin}` +
            `${created.expiresAt ? `, valid until ${created.expiresAt}` : ''} ${describeVia(system.via)}.\n` +
            'It is shown only this once: store it now.\n',
        );
        process.stdout.write(`${created.token}\n`);
      } finally {
        await system.close();
      }
    });
}
