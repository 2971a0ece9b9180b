import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAgentAdd } from './agent-add-command.ts';
import { EXIT, reportError } from './cli-errors.ts';
import { type CliMessageKey, cliLanguage, t } from './cli-messages.ts';
import { registerDemo } from './demo-command.ts';
import { registerMailIngest } from './mail-ingest-command.ts';
import { registerMigrate } from './migrate-command.ts';
import { registerStart } from './start-command.ts';
import { registerTokenCreate } from './token-create-command.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The headings commander writes in a help text, and the messages they are shown as. */
const HELP_TITLES: Record<string, CliMessageKey> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Global Options:': 'help.global_options',
  'Commands:': 'help.commands',
};

/**
 * Commander's error sentences, read back into a message key and its parameters. The order
 * matters: the first pattern that matches a line wins.
 */
const COMMANDER_ERRORS: { pattern: RegExp; key: CliMessageKey; params: string[] }[] = [
  { pattern: /^error: unknown command '(.*)'$/, key: 'commander.unknown_command', params: ['name'] },
  { pattern: /^error: unknown option '(.*)'$/, key: 'commander.unknown_option', params: ['flag'] },
  { pattern: /^\(Did you mean (.*)\?\)$/, key: 'commander.did_you_mean', params: ['suggestion'] },
  { pattern: /^error: missing required argument '(.*)'$/, key: 'commander.missing_argument', params: ['name'] },
  { pattern: /^error: option '(.*)' argument missing$/, key: 'commander.option_argument_missing', params: ['flags'] },
  { pattern: /^error: required option '(.*)' not specified$/, key: 'commander.required_option', params: ['flags'] },
  {
    pattern: /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/,
    key: 'commander.too_many_arguments_for',
    params: ['command', 'expected', 'received'],
  },
  {
    pattern: /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/,
    key: 'commander.too_many_arguments',
    params: ['expected', 'received'],
  },
];

/** "error: option '--port <port>' argument '70000' is invalid. <our reason, already translated>" */
const INVALID_ARGUMENT = /^error: option '(.+?)' argument '(.*)' is invalid\.( .*)?$/s;

/**
 * Commander's error output in the CLI's language. In English commander's own words are kept
 * exactly as it writes them (the English entries of the table are those words); a sentence the
 * table does not know is printed as commander wrote it.
 */
export function translateCommanderError(text: string): string {
  if (cliLanguage() === 'en') return text;
  const invalid = INVALID_ARGUMENT.exec(text.replace(/\n$/, ''));
  if (invalid) {
    const [, flags = '', value = '', reason = ''] = invalid;
    return `${t('commander.invalid_argument', { flags, value })}${reason}\n`;
  }
  return text
    .split('\n')
    .map((line) => {
      for (const { pattern, key, params } of COMMANDER_ERRORS) {
        const match = pattern.exec(line);
        if (match) return t(key, Object.fromEntries(params.map((name, index) => [name, match[index + 1] ?? ''])));
      }
      return line;
    })
    .join('\n');
}

/** The `sportello` command: one file per command in server/cli/. */
export function buildProgram(): Command {
  const program = new Command('sportello')
    .description(t('program.description'))
    .version(version, '-V, --version', t('program.version_option'))
    // set before the commands are added: commander hands these settings down to each of them
    .helpOption('-h, --help', t('program.help_option'))
    .helpCommand('help [command]', t('program.help_command'))
    .configureHelp({ styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title) })
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) })
    .showHelpAfterError(t('program.help_after_error'))
    // usage errors become a CommanderError we map to exit code 2, instead of commander's exit(1)
    .exitOverride()
    .addHelpText('after', `\n${t('program.after')}`);
  registerStart(program);
  registerMigrate(program);
  registerDemo(program);
  const agent = program.command('agent').description(t('agent.description'));
  registerAgentAdd(agent);
  const token = program.command('token').description(t('token.description'));
  registerTokenCreate(token);
  const mail = program.command('mail').description(t('mail.description'));
  registerMailIngest(mail);
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
