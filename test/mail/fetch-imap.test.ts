import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailProtocol } from '../../server/db/schema.ts';
import { fetchAccount } from '../../server/domain/mail/fetch/fetch-account.ts';
import { MailFetcher } from '../../server/domain/mail/fetch/mail-fetcher.ts';
import { storeMail } from '../../server/domain/mail/inbound/receive-mail.ts';
import { type Dovecot, startDovecot, testMessage } from '../support/dovecot.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { accountRows, makeMailAccount, messagesOf, waitFor } from './fetch-helpers.ts';

let ctx: TestContext;
let dovecot: Dovecot;
let serial = 0;

beforeAll(async () => {
  [ctx, dovecot] = await Promise.all([createTestContext(), startDovecot()]);
});

afterAll(async () => {
  await ctx?.close();
  await dovecot?.stop();
});

/** A mailbox of its own for each test, and an account fetching it. */
async function mailbox(protocol: MailProtocol = 'imaps', extra: { folder?: string } = {}) {
  serial += 1;
  const user = `imap${serial}`;
  await dovecot.addUser(user, 'secret-pass');
  if (extra.folder) await dovecot.addFolder(user, extra.folder);
  const id = await makeMailAccount(ctx, dovecot, { protocol, login: user, password: 'secret-pass', ...extra });
  return { user, id };
}

const messages = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => testMessage(`${prefix}-${index}-${process.pid}-${Date.now()}`));

describe('IMAP fetch', () => {
  it('stores every message once and deletes it from the folder after storing; a second fetch stores nothing', async () => {
    for (const protocol of ['imaps', 'imap'] as const) {
      const { user, id } = await mailbox(protocol);
      await dovecot.deliver(user, messages(`fetch-${protocol}`, 5));
      const first = await fetchAccount(ctx, id);
      expect(first, protocol).toMatchObject({ status: 'done', stored: 5, duplicates: 0 });
      expect(await dovecot.count(user), protocol).toBe(0);
      const rows = await messagesOf(ctx, id);
      expect(rows, protocol).toHaveLength(5);
      expect(new Set(rows.map((row) => row.messageId)).size).toBe(5);
      expect(rows.every((row) => row.source === 'imap')).toBe(true);
      const second = await fetchAccount(ctx, id);
      expect(second).toMatchObject({ status: 'done', stored: 0, duplicates: 0 });
      expect(await messagesOf(ctx, id)).toHaveLength(5);
      const [account] = await accountRows(ctx, id);
      expect(account?.lastFetchAt).toBeInstanceOf(Date);
      expect(account?.lastError).toBeNull();
    }
  });

  it('a message stored before but still in the folder (a crash between storing and deleting) is not stored twice', async () => {
    const { user, id } = await mailbox();
    const [already, fresh] = messages('crash-window', 2);
    if (!already || !fresh) throw new Error('no messages');
    await storeMail(ctx, new TextEncoder().encode(already), { source: 'imap', accountId: id });
    await dovecot.deliver(user, [already, fresh]);
    const result = await fetchAccount(ctx, id);
    expect(result).toMatchObject({ status: 'done', stored: 1, duplicates: 1 });
    expect(await messagesOf(ctx, id)).toHaveLength(2);
    expect(await dovecot.count(user)).toBe(0);
  });

  it('fetches the account folder only, reconnecting in batches', async () => {
    const { user, id } = await mailbox('imaps', { folder: 'Supporto' });
    await dovecot.deliver(user, messages('inbox', 2));
    await dovecot.deliver(user, messages('folder', 7), 'Supporto');
    const result = await fetchAccount(ctx, id, { maxMessages: 5_000, reconnectEvery: 3 });
    expect(result).toMatchObject({ status: 'done', stored: 7 });
    expect(await dovecot.count(user, 'Supporto')).toBe(0);
    expect(await dovecot.count(user)).toBe(2);
  });

  it('stops at the per-run limit and takes the rest next time', async () => {
    const { user, id } = await mailbox();
    await dovecot.deliver(user, messages('limit', 6));
    expect(await fetchAccount(ctx, id, { maxMessages: 4, reconnectEvery: 50 })).toMatchObject({ stored: 4 });
    expect(await dovecot.count(user)).toBe(2);
    expect(await fetchAccount(ctx, id, { maxMessages: 4, reconnectEvery: 50 })).toMatchObject({ stored: 2 });
    expect(await dovecot.count(user)).toBe(0);
  });

  it('a message over the size limit is left on the server without being downloaded; the rest is fetched', async () => {
    const { user, id } = await mailbox();
    const [small] = messages('small', 1);
    const large = testMessage(`large-${process.pid}-${Date.now()}`, { body: 'x'.repeat(5_000) });
    if (!small) throw new Error('no message');
    await dovecot.deliver(user, [small, large]);
    const limits = { maxMessages: 5_000, reconnectEvery: 50, maxBytes: 2_000 };
    const result = await fetchAccount(ctx, id, limits);
    expect(result).toMatchObject({ status: 'done', stored: 1, skipped: 1 });
    expect(await dovecot.count(user)).toBe(1);
    const [account] = await accountRows(ctx, id);
    expect(account?.lastError).toMatch(/too large/);
    expect(await fetchAccount(ctx, id, limits)).toMatchObject({ stored: 0, skipped: 1 });
  });

  it('a failing account records its error, visible on the account, and leaves the mail where it is', async () => {
    const { user, id } = await mailbox();
    await dovecot.deliver(user, messages('failing', 1));
    await ctx.db.updateTable('mailAccounts').set({ password: 'wrong-one' }).where('id', '=', id).execute();
    const result = await fetchAccount(ctx, id);
    expect(result).toMatchObject({ status: 'failed', stage: 'login' });
    const [account] = await accountRows(ctx, id);
    expect(account?.lastError).toMatch(/wrong login or password/);
    expect(await dovecot.count(user)).toBe(1);
  });

  it('an IDLE watcher fetches an appended message within a few seconds', async () => {
    const { user, id } = await mailbox();
    // fetched just now and polled hourly: only IDLE can fetch the next message soon
    await ctx.db
      .updateTable('mailAccounts')
      .set({ lastFetchAt: new Date(), pollSeconds: 3600 })
      .where('id', '=', id)
      .execute();
    const fetcher = new MailFetcher(ctx, { tickMs: 60_000 });
    fetcher.start();
    try {
      // the watcher's connection is in IDLE once Dovecot counts its session
      await new Promise((resolve) => setTimeout(resolve, 500));
      const client = new ImapFlow({
        host: dovecot.host,
        port: dovecot.ports.imaps,
        secure: true,
        tls: { rejectUnauthorized: false },
        auth: { user, pass: 'secret-pass' },
        logger: false,
      });
      client.on('error', () => {});
      await client.connect();
      const appendedAt = Date.now();
      await client.append('INBOX', testMessage(`idle-${process.pid}-${Date.now()}`));
      await client.logout();
      await waitFor(async () => (await messagesOf(ctx, id)).length === 1, 5_000);
      const elapsed = Date.now() - appendedAt;
      expect(elapsed).toBeLessThan(3_000);
      await waitFor(async () => (await dovecot.count(user)) === 0, 5_000);
    } finally {
      await fetcher.stop();
    }
  });
});

describe('IMAP fetch into tickets', () => {
  it('each fetched message becomes one ticket', async () => {
    const { user, id } = await mailbox();
    await dovecot.deliver(user, messages('tickets', 3));
    expect(await fetchAccount(ctx, id)).toMatchObject({ status: 'done', stored: 3 });
    const rows = await messagesOf(ctx, id);
    expect(rows.map((row) => row.status)).toEqual(['processed', 'processed', 'processed']);
    const tickets = new Set(rows.map((row) => row.ticketId));
    expect(tickets.size).toBe(3);
    expect(tickets.has(null)).toBe(false);
  });
});
