import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import type { MailProtocol } from '../../server/db/schema.ts';
import { JobQueue } from '../../server/jobs/job-queue.ts';
import { type Dovecot, startDovecot, testMessage } from '../support/dovecot.ts';
import { PG_ADMIN_URL, TEST_DB, type TestContext, testConfig } from '../support/test-database.ts';
import { makeMailAccount, messagesOf } from './fetch-helpers.ts';

/**
 * The test: kill the ingesting process in the middle of a batch, run it again, and every
 * message ends up stored once and in exactly one ticket, with the mailbox empty. It needs two
 * processes on one database, so PostgreSQL: PGlite cannot be shared between processes.
 */
const onPostgres = TEST_DB === 'postgres';
const CHILD = path.resolve('test/mail/fetch-child.ts');
const COUNT = 30;

let dovecot: Dovecot;
let ctx: TestContext;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  if (!onPostgres) return;
  const name = `sportello_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const target = new URL(PG_ADMIN_URL);
  target.pathname = `/${name}`;
  url = target.toString();
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  const jobs = await JobQueue.open(handle);
  ctx = {
    db: handle.db,
    database: handle,
    config: testConfig({ databaseUrl: url }),
    jobs,
    now: () => new Date(),
    setNow: () => {},
    close: async () => {
      await jobs.stop();
      await handle.close();
    },
  };
  drop = async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  dovecot = await startDovecot();
});

afterAll(async () => {
  await ctx?.close();
  await drop?.();
  await dovecot?.stop();
});

interface Child {
  process: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function fetchInChild(accountId: number, pauseMs: number, onLine: (line: string, lines: string[]) => void = () => {}) {
  // node itself runs the script (tsx as a loader): the process killed is the one fetching, not a wrapper
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, String(accountId), String(pauseMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      onLine(line, lines);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(errors);
      resolve(code);
    }),
  );
  return { process: child, lines, exited } satisfies Child;
}

const messageIdOf = (text: string) => /^Message-ID:\s*<([^>]+)>/im.exec(text)?.[1];

async function mailboxWith(protocol: MailProtocol, prefix: string) {
  const user = `${prefix}-${protocol}`;
  await dovecot.addUser(user, 'secret-pass');
  const id = await makeMailAccount(ctx, dovecot, { protocol, login: user, password: 'secret-pass' });
  const ids = Array.from({ length: COUNT }, (_, index) => `${prefix}-${protocol}-${index}-${Date.now()}`);
  await dovecot.deliver(
    user,
    ids.map((messageId) => testMessage(messageId)),
  );
  return { user, id, ids: ids.map((messageId) => `${messageId}@example.test`) };
}

describe.skipIf(!onPostgres)(
  'killing the fetching process (PostgreSQL only: PGlite cannot be shared between processes)',
  () => {
    for (const protocol of ['imaps', 'pop3s'] as const) {
      it(`${protocol}: SIGKILL mid-batch, run again, every message stored once, in exactly one ticket, mailbox empty`, async () => {
        const { user, id, ids } = await mailboxWith(protocol, 'kill');

        // stored messages are announced before their deletion; kill at the 8th, in that window
        const first = fetchInChild(id, 150, (line, lines) => {
          if (lines.filter((seen) => seen.startsWith('stored')).length >= 8) first.process.kill('SIGKILL');
          void line;
        });
        expect(await first.exited).toBeNull();
        const storedBeforeKill = await messagesOf(ctx, id);
        expect(storedBeforeKill.length).toBeGreaterThanOrEqual(8);
        expect(storedBeforeKill.length).toBeLessThan(COUNT);
        // the crash window: a message stored and still on the server (POP3: all of them, no QUIT)
        const left = (await dovecot.read(user)).map(messageIdOf);
        const storedIds = new Set(storedBeforeKill.map((row) => row.messageId));
        expect(left.filter((messageId) => messageId && storedIds.has(messageId)).length).toBeGreaterThanOrEqual(1);

        const second = fetchInChild(id, 0);
        expect(await second.exited).toBe(0);
        const result = JSON.parse(second.lines.find((line) => line.startsWith('result '))?.slice(7) ?? '{}');
        expect(result).toMatchObject({ status: 'done' });
        expect(result.stored + storedBeforeKill.length).toBe(COUNT);
        expect(result.duplicates).toBeGreaterThanOrEqual(1);

        const rows = await messagesOf(ctx, id);
        expect(rows).toHaveLength(COUNT);
        expect(new Set(rows.map((row) => row.messageId))).toEqual(new Set(ids));
        expect(await dovecot.count(user)).toBe(0);
      });
    }

    it('every message of the killed batches is in exactly one ticket', async () => {
      const rows = await ctx.db
        .selectFrom('mailMessages')
        .select(['id', 'status', 'ticketId'])
        .where('accountId', 'is not', null)
        .execute();
      expect(rows).toHaveLength(2 * COUNT);
      // a message killed while being processed is finished by the next run (or the safety-net job)
      expect(rows.filter((row) => row.status !== 'processed')).toEqual([]);
      const tickets = new Set(rows.map((row) => row.ticketId));
      expect(tickets.has(null)).toBe(false);
      expect(tickets.size).toBe(2 * COUNT);
      const articles = await sql<{ mailMessageId: number; count: number }>`
      SELECT mail_message_id, count(*)::int AS count FROM articles
      WHERE mail_message_id IS NOT NULL GROUP BY mail_message_id`.execute(ctx.db);
      expect(articles.rows).toHaveLength(2 * COUNT);
      expect(articles.rows.every((row) => row.count === 1)).toBe(true);
    });

    it('two processes fetching one account at once: one fetches, the other finds it busy', async () => {
      const { user, id, ids } = await mailboxWith('imaps', 'twice');
      // 50 ms per message: a run lasts 1.5 s, far longer than the two starts differ
      const one = fetchInChild(id, 50);
      const two = fetchInChild(id, 50);
      expect(await one.exited).toBe(0);
      expect(await two.exited).toBe(0);
      const results = [one, two].map((child) =>
        JSON.parse(child.lines.find((line) => line.startsWith('result '))?.slice(7) ?? '{}'),
      );
      expect(results.map((result) => result.status).sort()).toEqual(['busy', 'done']);
      const rows = await messagesOf(ctx, id);
      expect(new Set(rows.map((row) => row.messageId))).toEqual(new Set(ids));
      expect(rows).toHaveLength(COUNT);
      expect(await dovecot.count(user)).toBe(0);
    });
  },
);
