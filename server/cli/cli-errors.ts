import { CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { DomainError } from '../platform/errors.ts';
import { cliLanguage, cliText, t } from './cli-messages.ts';

/** Exit codes of the `sportello` command; documented in README.md, section "Running Sportello: the `sportello` command". */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  busy: 3,
} as const;

/** The command line was wrong: a bad option value, a missing argument. Phrased in the CLI's language. */
export class UsageError extends Error {}

/** The data directory is held by another live process (see data-dir-lock.ts). Phrased in the CLI's language. */
export class BusyError extends Error {}

/** A refusal already phrased for the user, in the CLI's language (e.g. an error the server sent back over the socket). */
export class CliFailure extends Error {}

/**
 * A failure that ends the command with its own exit code: `mail ingest` answers an MTA in the
 * codes of sysexits.h (75 try again later, 65 bounce the message…). The message, already in the
 * CLI's language, may be empty when someone else (commander) has printed it.
 */
export class ExitCodeError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * Prints one sentence for a failure and returns the exit code. Stack traces are for bugs only,
 * and shown only when SPORTELLO_DEBUG is set, so users never get a wall of text for bad input.
 * Configuration and domain errors carry a message key and are translated here, into the
 * language of the locale (cli-messages.ts); the CLI's own errors were phrased in it already.
 */
export function reportError(error: unknown): number {
  const language = cliLanguage();
  if (error instanceof ExitCodeError) {
    if (error.message) process.stderr.write(`sportello: ${sentence(error.message)}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help text)
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`sportello: ${sentence(cliText(language, error.key, error.params))}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`sportello: ${sentence(error.message)}\n`);
    return EXIT.usage;
  }
  if (error instanceof BusyError) {
    process.stderr.write(`sportello: ${sentence(error.message)}\n`);
    return EXIT.busy;
  }
  if (error instanceof DomainError) {
    process.stderr.write(`sportello: ${sentence(error.body(language).error.message)}\n`);
    return EXIT.failed;
  }
  if (error instanceof CliFailure) {
    process.stderr.write(`sportello: ${sentence(error.message)}\n`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sportello: ${sentence(message)}\n`);
  if (process.env.SPORTELLO_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`${t('error.debug_hint')}\n`);
  return EXIT.failed;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
