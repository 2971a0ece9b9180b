import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { UsageError } from './cli-errors.ts';
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
    .description('Create an agent who can log in to the agent app, with permissions on groups.')
    .argument('<login>', 'the login name, e.g. mario.rossi')
    .requiredOption('--first-name <name>', 'first name', parseNonEmpty)
    .requiredOption('--last-name <name>', 'last name', parseNonEmpty)
    .requiredOption('--email <address>', 'email address (notifications go there)', parseNonEmpty)
    .option('--password <password>', 'password (visible to other users in the process list: prefer --password-stdin)')
    .option('--password-stdin', 'read the password from standard input')
    .option(
      '--group <group[:permissions]>',
      'permissions on a group, repeatable: users:rw, energia:ro,note,move_into; rw (everything) when omitted; ' +
        'admin:rw makes an administrator',
      collectGrant,
    )
    .addHelpText(
      'after',
      [
        '',
        'Permissions: ro, move_into, create, note, owner, priority, rw (rw implies every other).',
        'Example:',
        '  sportello agent add mario.rossi --first-name Mario --last-name Rossi \\',
        '    --email mario.rossi@example.com --group users:rw --group admin:rw --password-stdin',
      ].join('\n'),
    )
    .action(async (login: string, flags: AgentAddFlags) => {
      if (flags.password !== undefined && flags.passwordStdin) {
        throw new UsageError('give the password either with --password or with --password-stdin, not both');
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
        process.stderr.write(
          `Created agent ${created.login} (id ${created.id})${grants ? ` with ${grants}` : ''} ${describeVia(system.via)}.\n`,
        );
        if (password === undefined) {
          process.stderr.write('The agent has no password yet, so cannot log in; API tokens work (token create).\n');
        }
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
  if (!password) throw new UsageError('--password-stdin was given but standard input was empty');
  return password;
}
