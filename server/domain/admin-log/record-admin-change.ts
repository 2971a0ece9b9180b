import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../permissions/actor.ts';

/** What one admin change was about; `changes` as diffChanges returns it, or the fields written. */
export interface AdminChange {
  /** the table name: 'queues', 'agents', 'group_agent_permissions'… */
  objectType: string;
  objectId: number | null;
  /** a readable name of the row at the time (name, login, title): it stays readable once the row is gone */
  objectName?: string | null;
  /** 'create' | 'update' | 'delete' or a specific verb: 'grant', 'revoke', 'settings'… */
  action: string;
  changes?: Record<string, unknown>;
}

export const REDACTED = '***';

/** password, passwordHash, tokenHash, smtpPassword, clientSecret…: their values never reach the log */
const SECRET = /password|secret|token/i;

const isSecret = (field: string) => SECRET.test(field);

/** Values as JSON keeps them: dates as ISO strings, so "before" and "after" compare by value. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * A secret's value hidden. "None" (null, empty) and yes/no stay visible: they tell that a password
 * was removed, or whether there is one (hasPassword), not what it is.
 */
const hidden = (value: unknown) =>
  value === null || value === undefined || value === '' || typeof value === 'boolean' ? plain(value) : REDACTED;

/** Secret fields replaced by "***", on the top level and inside {from, to} pairs alike. */
function redact(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (isSecret(field)) {
      const pair = typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
      out[field] = pair ? { from: hidden(value.from), to: hidden(value.to) } : hidden(value);
    } else out[field] = plain(value);
  }
  return out;
}

/**
 * The fields that differ between two readings of a row, as {field: {from, to}}. Fields present on
 * one side only count as changed (from/to null). A secret that changed shows as "***" → "***"
 * (or null → "***" when one is set where there was none).
 */
export function diffChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = plain(before[field]);
    const to = plain(after[field]);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    diff[field] = isSecret(field) ? { from: hidden(from), to: hidden(to) } : { from, to };
  }
  return diff;
}

/**
 * Writes one entry of the admin change log in the caller's transaction: a write that is refused
 * or rolled back leaves no entry. The system actor (command line, demo loader) is logged as no agent.
 */
export async function recordAdminChange(trx: Transaction<DB>, actor: Actor, change: AdminChange): Promise<void> {
  const agentId = actor.kind === 'agent' && !actor.system ? actor.agentId : null;
  await trx
    .insertInto('adminChanges')
    .values({
      agentId,
      objectType: change.objectType,
      objectId: change.objectId,
      objectName: change.objectName ?? null,
      action: change.action,
      changes: JSON.stringify(redact(change.changes ?? {})),
    })
    .execute();
}
