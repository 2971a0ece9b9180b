import { InvalidArgumentError } from 'commander';
import { HOST_RULE, validHost } from '../config/config.ts';
import { PERMISSIONS } from '../domain/permissions/actor.ts';
import { t } from './cli-messages.ts';
import type { GroupGrant } from './system-operations.ts';

/**
 * The option parsers' messages are in the CLI's language (cli-messages.ts); commander prints them
 * after its own "option … argument … is invalid.", and program.ts translates that part.
 */

/** --port: commander reports the message with the option's name and exits with code 2. */
export function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError(t('option.port'));
  }
  return value;
}

/** A text option that must say something (--name, --agent): an empty or blank value is refused. */
export function parseNonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError(t('option.empty'));
  return value;
}

/** --host: the same check as HOST, reported under the option's name. */
export function parseHost(value: string): string {
  if (!validHost(value)) throw new InvalidArgumentError(t('option.host', { rule: HOST_RULE }));
  return value;
}

/**
 * --group users:rw, --group energia:ro,note, --group users (rw). Repeated options accumulate;
 * naming a group twice merges its permissions.
 */
export function collectGrant(value: string, previous: GroupGrant[] = []): GroupGrant[] {
  const [group = '', keys = 'rw', ...rest] = value.split(':');
  if (!group.trim() || rest.length > 0) {
    throw new InvalidArgumentError(t('option.group_format'));
  }
  const permissions = keys.split(',').map((key) => key.trim());
  for (const permission of permissions) {
    if (!PERMISSIONS.some((known) => known === permission)) {
      throw new InvalidArgumentError(t('option.not_permission', { permission, permissions: PERMISSIONS.join(', ') }));
    }
  }
  const name = group.trim();
  const existing = previous.find((grant) => grant.group === name)?.permissions ?? [];
  const merged = PERMISSIONS.filter((key) => permissions.includes(key) || existing.includes(key));
  return [...previous.filter((grant) => grant.group !== name), { group: name, permissions: merged }];
}

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or an offset (without one: this machine's local time). */
const EXPIRY =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:T(?<time>(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d{1,9})?)?)(?:Z|[+-](?<offsetHours>\d{2}):?(?<offsetMinutes>\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * --expires: a date (2026-12-31: midnight UTC at its start) or an ISO 8601 date and time, read
 * strictly, since JavaScript's Date turns 2026-02-30 into 2026-03-02 without a word; and in the
 * future. Commander names the option in the message and exits with code 2.
 */
export function parseExpiry(value: string): string {
  const format = { key: 'option.expiry_format' } as const;
  const parts = EXPIRY.exec(value)?.groups;
  if (!parts) throw new InvalidArgumentError(t(format.key));
  const number = (name: string) => Number(parts[name] ?? '0');
  if (number('month') < 1 || number('month') > 12) {
    throw new InvalidArgumentError(t('option.no_month', { month: parts.month ?? '', format }));
  }
  if (number('day') < 1 || number('day') > daysInMonth(number('year'), number('month'))) {
    throw new InvalidArgumentError(
      t('option.no_day', { year: parts.year ?? '', month: parts.month ?? '', day: parts.day ?? '', format }),
    );
  }
  if (number('hour') > 23 || number('minute') > 59 || number('second') > 59) {
    throw new InvalidArgumentError(t('option.no_time', { time: parts.time ?? '', format }));
  }
  if (number('offsetHours') > 23 || number('offsetMinutes') > 59) {
    throw new InvalidArgumentError(t('option.bad_offset', { format }));
  }
  const date = new Date(parts.time === undefined ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(t(format.key));
  if (date.getTime() <= Date.now()) throw new InvalidArgumentError(t('option.past', { value }));
  return date.toISOString();
}
