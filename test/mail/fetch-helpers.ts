import { setTimeout as sleep } from 'node:timers/promises';
import type { MailProtocol } from '../../server/db/schema.ts';
import type { DomainContext } from '../../server/domain/context.ts';
import type { Dovecot } from '../support/dovecot.ts';

/** A mail account on the tests' Dovecot (certificate self-signed, so tlsVerify false). */
export async function makeMailAccount(
  ctx: DomainContext,
  dovecot: Dovecot,
  account: { protocol: MailProtocol; login: string; password: string; folder?: string },
) {
  const row = await ctx.db
    .insertInto('mailAccounts')
    .values({
      name: `${account.login}-${account.protocol}-${process.pid}-${Date.now()}`,
      protocol: account.protocol,
      host: dovecot.host,
      port: dovecot.ports[account.protocol],
      login: account.login,
      password: account.password,
      folder: account.folder ?? 'INBOX',
      tlsVerify: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function messagesOf(ctx: DomainContext, accountId: number) {
  return ctx.db
    .selectFrom('mailMessages')
    .select(['id', 'messageId', 'source', 'status', 'ticketId'])
    .where('accountId', '=', accountId)
    .orderBy('id')
    .execute();
}

export function accountRows(ctx: DomainContext, id: number) {
  return ctx.db.selectFrom('mailAccounts').select(['lastFetchAt', 'lastError']).where('id', '=', id).execute();
}

/** Polls a condition every 50 ms until it holds, or fails after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(50);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
