import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailProtocol } from '../../server/db/schema.ts';
import { fetchAccount, loadAccountSettings } from '../../server/domain/mail/fetch/fetch-account.ts';
import { openImap } from '../../server/domain/mail/fetch/imap-session.ts';
import { MailFetcher } from '../../server/domain/mail/fetch/mail-fetcher.ts';
import { Pop3Client } from '../../server/domain/mail/fetch/pop3-client.ts';
import { receiveMail } from '../../server/domain/mail/inbound/receive-mail.ts';
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

async function mailbox(protocol: MailProtocol = 'pop3s') {
  serial += 1;
  const user = `pop${serial}`;
  await dovecot.addUser(user, 'secret-pass');
  const id = await makeMailAccount(ctx, dovecot, { protocol, login: user, password: 'secret-pass' });
  return { user, id };
}

const messages = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => testMessage(`${prefix}-${index}-${process.pid}-${Date.now()}`));

describe('POP3 fetch', () => {
  it('stores every message once and deletes it from the mailbox after storing; a second fetch stores nothing', async () => {
    for (const protocol of ['pop3s', 'pop3'] as const) {
      const { user, id } = await mailbox(protocol);
      await dovecot.deliver(user, messages(`fetch-${protocol}`, 5));
      expect(await fetchAccount(ctx, id), protocol).toMatchObject({ status: 'done', stored: 5, duplicates: 0 });
      expect(await dovecot.count(user), protocol).toBe(0);
      const rows = await messagesOf(ctx, id);
      expect(rows).toHaveLength(5);
      expect(rows.every((row) => row.source === 'pop3')).toBe(true);
      expect(await fetchAccount(ctx, id)).toMatchObject({ status: 'done', stored: 0, duplicates: 0 });
      expect(await messagesOf(ctx, id)).toHaveLength(5);
      const [account] = await accountRows(ctx, id);
      expect(account?.lastFetchAt).toBeInstanceOf(Date);
      expect(account?.lastError).toBeNull();
    }
  });

  it('keeps the bytes of the message: dot-stuffed lines and 8-bit text come out as sent', async () => {
    const { user, id } = await mailbox();
    const body = '.una riga che comincia con un punto\r\n..e una con due\r\n.\r\nperché è così\r\n';
    const raw = `${testMessage(`dots-${process.pid}-${Date.now()}`, { body })}`;
    await dovecot.deliver(user, [Buffer.from(raw, 'utf8')]);
    const settings = await loadAccountSettings(ctx, id);
    if (!settings) throw new Error('no account');
    const client = await Pop3Client.open(settings);
    const [first] = await client.uidl();
    if (!first) throw new Error('no message');
    const fetched = await client.retr(first.number);
    await client.quit();
    expect(fetched.toString('utf8')).toBe(raw);
  });

  it('killed before QUIT, the messages stay on the server and the next fetch stores none twice', async () => {
    const { user, id } = await mailbox();
    await dovecot.deliver(user, messages('before-quit', 4));
    const settings = await loadAccountSettings(ctx, id);
    if (!settings) throw new Error('no account');
    // a fetch that dies after storing and marking two messages, before QUIT
    const client = await Pop3Client.open(settings);
    const listed = await client.uidl();
    for (const entry of listed.slice(0, 2)) {
      await receiveMail(ctx, await client.retr(entry.number), { source: 'pop3', accountId: id });
      await client.dele(entry.number);
    }
    client.close();
    await waitFor(async () => (await dovecot.count(user)) === 4, 2_000);
    expect(await fetchAccount(ctx, id)).toMatchObject({ status: 'done', stored: 2, duplicates: 2 });
    expect(await messagesOf(ctx, id)).toHaveLength(4);
    expect(await dovecot.count(user)).toBe(0);
  });

  it('reconnects in batches: each QUIT makes the deletions so far final', async () => {
    const { user, id } = await mailbox();
    await dovecot.deliver(user, messages('batches', 7));
    expect(await fetchAccount(ctx, id, { maxMessages: 5_000, reconnectEvery: 3 })).toMatchObject({ stored: 7 });
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

  it('a wrong password is recorded on the account; the mail stays', async () => {
    const { user, id } = await mailbox();
    await dovecot.deliver(user, messages('wrong', 1));
    await ctx.db.updateTable('mailAccounts').set({ password: 'nope-nope' }).where('id', '=', id).execute();
    expect(await fetchAccount(ctx, id)).toMatchObject({ status: 'failed', stage: 'login' });
    const [account] = await accountRows(ctx, id);
    expect(account?.lastError).toMatch(/wrong login or password/);
    expect(await dovecot.count(user)).toBe(1);
  });

  it('the fetcher polls a due account, and one failing account does not stop the others', async () => {
    const good = await mailbox();
    const bad = await mailbox();
    await ctx.db.updateTable('mailAccounts').set({ password: 'nope-nope' }).where('id', '=', bad.id).execute();
    await dovecot.deliver(good.user, messages('polled', 2));
    await dovecot.deliver(bad.user, messages('unreachable', 1));
    const fetcher = new MailFetcher(ctx, { tickMs: 200, idle: false });
    fetcher.start();
    try {
      await waitFor(async () => (await messagesOf(ctx, good.id)).length === 2, 10_000);
      await waitFor(async () => (await accountRows(ctx, bad.id))[0]?.lastError != null, 10_000);
    } finally {
      await fetcher.stop();
    }
    expect(await dovecot.count(good.user)).toBe(0);
    expect(await dovecot.count(bad.user)).toBe(1);
  });
});

describe('POP3 fetch into tickets', () => {
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

describe('a server that accepts the connection and never answers', () => {
  it('is the timeout stage, for POP3 and IMAP alike', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const settings = { host: '127.0.0.1', port, login: 'x', password: 'y', folder: 'INBOX', tlsVerify: true };
    try {
      await expect(Pop3Client.open({ ...settings, protocol: 'pop3' }, 300)).rejects.toMatchObject({ stage: 'timeout' });
      await expect(openImap({ ...settings, protocol: 'imap' }, { timeoutMs: 300 })).rejects.toMatchObject({
        stage: 'timeout',
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
