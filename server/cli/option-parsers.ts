import { InvalidArgumentError } from 'commander';
import { HOST_RULE, validHost } from '../config/config.ts';
import { PERMISSIONS } from '../domain/permissions/actor.ts';
import type { GroupGrant } from './system-operations.ts';

/** --port: commander reports the message with the option's name and exits with code 2. */
export function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('it must be a whole number from 0 to 65535.');
  }
  return value;
}

/** --host: the same check as HOST, reported under the option's name. */
export function parseHost(value: string): string {
  if (!validHost(value)) throw new InvalidArgumentError(`it must be ${HOST_RULE}.`);
  return value;
}

/**
 * --group users:rw, --group energia:ro,note, --group users (rw). Repeated options accumulate;
 * naming a group twice merges its permissions.
 */
export function collectGrant(value: string, previous: GroupGrant[] = []): GroupGrant[] {
  const [group = '', keys = 'rw', ...rest] = value.split(':');
  if (!group.trim() || rest.length > 0) {
    throw new InvalidArgumentError('write it as GROUP or GROUP:PERMISSIONS, for example users:rw or energia:ro,note.');
  }
  const permissions = keys.split(',').map((key) => key.trim());
  for (const permission of permissions) {
    if (!PERMISSIONS.some((known) => known === permission)) {
      throw new InvalidArgumentError(`"${permission}" is not a permission; use ${PERMISSIONS.join(', ')}.`);
    }
  }
  const name = group.trim();
  const existing = previous.find((grant) => grant.group === name)?.permissions ?? [];
  const merged = PERMISSIONS.filter((key) => permissions.includes(key) || existing.includes(key));
  return [...previous.filter((grant) => grant.group !== name), { group: name, permissions: merged }];
}

/** --expires: a date (2026-12-31) or a date and time; it must be in the future. */
export function parseExpiry(value: string): string {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('write a date such as 2026-12-31 or 2026-12-31T18:00:00+01:00.');
  }
  if (date.getTime() <= Date.now()) throw new InvalidArgumentError('the expiry must be in the future.');
  return date.toISOString();
}
