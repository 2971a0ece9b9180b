import { DomainError } from '../platform/errors.ts';
import { UsageError } from './cli-errors.ts';
import { cliLanguage } from './cli-messages.ts';
import { ServerRefusal } from './socket-client.ts';

/**
 * For one command, what the user typed each API field as: `{ firstName: '--first-name' }`. A
 * nested field (groups.0.permissions) is looked up by its first part (groups).
 */
export type FieldOptions = Record<string, string>;

/**
 * A well-formed name of something that does not exist (the group of --group energia): the
 * system's refusal, as an unknown agent is, not a typing mistake.
 */
const REFERENCE_FIELD = /\.group(Id|Name)$/;

/**
 * Puts a validation error from the system (direct, a DomainError; through the socket, the server's
 * answer) in the command's terms: the option's name instead of the API field ("Invalid value for
 * --first-name", not "firstName"), and exit code 2 (bad usage), since the mistake is in what was
 * typed. Every other error is returned as it is: refusals such as a login taken stay exit code 1.
 * A DomainError's message is taken in the CLI's language, as the server's answer over the socket is.
 */
export function inCommandTerms(error: unknown, options: FieldOptions): unknown {
  const refusal =
    error instanceof DomainError
      ? { code: String(error.code), field: error.field, message: error.body(cliLanguage()).error.message }
      : error instanceof ServerRefusal
        ? { code: String(error.code), field: error.field, message: error.message }
        : undefined;
  if (!refusal?.field || refusal.code !== 'validation' || REFERENCE_FIELD.test(refusal.field)) return error;
  const option = options[refusal.field.split('.')[0] ?? ''];
  if (!option) return error;
  const renamed = renameField(refusal.message, refusal.field, option);
  return new UsageError(renamed.includes(option) ? renamed : `${option}: ${renamed}`);
}

/**
 * Replaces the field where the message names it as a field: an API name (firstName,
 * groups.0.permissions) anywhere, a plain word (email) only as a label before a colon ("Invalid
 * value for email: …"), so that "The password must be at least 8 characters long" keeps its word.
 */
function renameField(message: string, field: string, option: string): string {
  const apiName = /[A-Z0-9.]/.test(field);
  const pattern = new RegExp(`(?<![\\w.-])${field.replaceAll('.', '\\.')}(?![\\w-])(?=(:?))`, 'g');
  return message.replace(pattern, (found, colon: string) => (apiName || colon ? option : found));
}

/** Runs one request to the system, reporting its validation errors in the command's terms. */
export async function withOptionNames<T>(options: FieldOptions, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw inCommandTerms(error, options);
  }
}
