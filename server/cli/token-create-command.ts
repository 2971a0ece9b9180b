import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { t } from './cli-messages.ts';
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
    .description(t('token_create.description'))
    .requiredOption('--agent <login>', t('token_create.agent_option'), parseNonEmpty)
    .requiredOption('--name <name>', t('token_create.name_option'), parseNonEmpty)
    .option('--expires <date>', t('token_create.expires_option'), parseExpiry)
    .addHelpText('after', `\n${t('token_create.after')}`)
    .action(async (flags: TokenCreateFlags) => {
      const config = loadConfig();
      const system = await connectSystem(config, 'token create');
      try {
        const options = { agentLogin: '--agent', agentId: '--agent', name: '--name', expiresAt: '--expires' };
        const created = await withOptionNames(options, () =>
          system.createToken({ agentLogin: flags.agent, name: flags.name, expiresAt: flags.expires }),
        );
        const done = {
          name: created.name,
          id: created.id,
          agent: created.agentLogin,
          expires: created.expiresAt ?? '',
          via: describeVia(system.via),
        };
        const summary = t(created.expiresAt ? 'token_create.created_until' : 'token_create.created', done);
        process.stderr.write(`${summary}\n${t('token_create.shown_once')}\n`);
        process.stdout.write(`${created.token}\n`);
      } finally {
        await system.close();
      }
    });
}
