import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAgentAdd } from './agent-add-command.ts';
import { EXIT, reportError } from './cli-errors.ts';
import { registerDemo } from './demo-command.ts';
import { registerMigrate } from './migrate-command.ts';
import { registerStart } from './start-command.ts';
import { registerTokenCreate } from './token-create-command.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The `sportello` command: one file per command in server/cli/. */
export function buildProgram(): Command {
  const program = new Command('sportello')
    .description('Sportello help desk: run the server and administer it from the command line.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(run with --help for usage)')
    // usage errors become a CommanderError we map to exit code 2, instead of commander's exit(1)
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, SYSTEM_ID,',
        'PUBLIC_URL, TIME_ZONE, TICKET_NUMBER_GENERATOR, ATTACHMENT_MAX_BYTES, LOG_LEVEL.',
        'Exit codes: 0 done, 1 failed, 2 bad usage or configuration, 3 data directory in use.',
      ].join('\n'),
    );
  registerStart(program);
  registerMigrate(program);
  registerDemo(program);
  const agent = program
    .command('agent')
    .description('Manage agents: agent add')
    .helpOption('-h, --help', 'show help for a command');
  registerAgentAdd(agent);
  const token = program
    .command('token')
    .description('Manage API tokens: token create')
    .helpOption('-h, --help', 'show help for a command');
  registerTokenCreate(token);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return reportError(error);
  }
}
