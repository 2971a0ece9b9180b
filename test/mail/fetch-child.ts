/**
 * A fetching process for the kill test: `tsx test/mail/fetch-child.ts <DATABASE_URL> <account id>
 * [pause ms]` fetches the account as a server would (advisory lock included) and prints one line
 * per stored message, pausing after each store, before the message is deleted from the server, so
 * the test can kill it in the window between the two.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../server/config/config.ts';
import { openDatabase } from '../../server/db/connect.ts';
import type { DomainContext } from '../../server/domain/context.ts';
import { fetchAccount } from '../../server/domain/mail/fetch/fetch-account.ts';
import { defineJobs } from '../../server/jobs/define-jobs.ts';
import { JobQueue } from '../../server/jobs/job-queue.ts';

const [url = '', account = '0', pause = '0'] = process.argv.slice(2);
const handle = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
const jobs = await JobQueue.open(handle);
const config = loadConfig({ DATA_DIR: '.tmp/unused', LOG_LEVEL: 'silent', DATABASE_URL: url });
const ctx: DomainContext = { db: handle.db, config, jobs, now: () => new Date() };
await defineJobs(ctx);
const result = await fetchAccount(
  ctx,
  Number(account),
  { maxMessages: 5_000, reconnectEvery: 10 },
  async (received) => {
    process.stdout.write(`stored ${received.id} ${received.duplicate ? 'again' : 'new'}\n`);
    if (Number(pause) > 0) await sleep(Number(pause));
  },
);
process.stdout.write(`result ${JSON.stringify(result)}\n`);
await jobs.stop();
await handle.close();
