import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { UsageError } from './cli-errors.ts';
import { t } from './cli-messages.ts';
import { connectSystem } from './connect-system.ts';
import { withOptionNames } from './field-errors.ts';
import { collectGrant, parseNonEmpty } from './option-parsers.ts';
import type { GroupGrant } from './system-operations.ts';
import { describeVia } from './via.ts';

interface AgentAddFlags {
  firstName: string;
  lastName: string;
  email: string;
  password?: string;
  passwordStdin?: boolean;
  group?: GroupGrant[];
}

export function registerAgentAdd(agent: Command): void {
  agent
    .command('add')
    .description(t('agent_add.description'))
    .argument('<login>', t('agent_add.login_argument'))
    .requiredOption('--first-name <name>', t('agent_add.first_name_option'), parseNonEmpty)
    .requiredOption('--last-name <name>', t('agent_add.last_name_option'), parseNonEmpty)
    .requiredOption('--email <address>', t('agent_add.email_option'), parseNonEmpty)
    .option('--password <password>', t('agent_add.password_option'))
    .option('--password-stdin', t('agent_add.password_stdin_option'))
    .option('--group <group[:permissions]>', t('agent_add.group_option'), collectGrant)
    .addHelpText('after', `\n${t('agent_add.after')}`)
    .action(async (login: string, flags: AgentAddFlags) => {
      if (flags.password !== undefined && flags.passwordStdin) {
        throw new UsageError(t('agent_add.both_passwords'));
      }
      const password = flags.passwordStdin ? await readPassword() : flags.password;
      const config = loadConfig();
      const system = await connectSystem(config, 'agent add');
      try {
        const options = {
          login: '<login>',
          firstName: '--first-name',
          lastName: '--last-name',
          email: '--email',
          password: flags.passwordStdin ? '--password-stdin' : '--password',
          groups: '--group',
        };
        const created = await withOptionNames(options, () =>
          system.addAgent({
            login,
            firstName: flags.firstName,
            lastName: flags.lastName,
            email: flags.email,
            password,
            groups: flags.group ?? [],
          }),
        );
        const grants = (flags.group ?? []).map((grant) => `${grant.group}:${grant.permissions.join(',')}`).join(' ');
        const done = { login: created.login, id: created.id, grants, via: describeVia(system.via) };
        process.stderr.write(`${t(grants ? 'agent_add.created_with' : 'agent_add.created', done)}\n`);
        if (password === undefined) process.stderr.write(`${t('agent_add.no_password')}\n`);
        process.stdout.write(`${created.id}\n`);
      } finally {
        await system.close();
      }
    });
}

async function readPassword(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.replace(/\r?\n$/, '');
  if (!password) throw new UsageError(t('agent_add.stdin_empty'));
  return password;
}
