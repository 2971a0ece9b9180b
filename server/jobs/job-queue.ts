import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface EnqueueOptions {
  startAfter?: Date;
  singletonKey?: string;
}

const RETRY = { retryLimit: 10, retryDelay: 5, retryBackoff: true } as const;

/** pg-boss's statements run in the caller's transaction: a job exists exactly when the change committed. */
function overTransaction(trx: Transaction<DB>): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values))).rows }),
  };
}

/**
 * Background work on pg-boss, in the same database. Commands enqueue inside their own
 * transaction (through an executeSql adapter over it), so a job exists exactly when the change
 * committed. Handlers are idempotent: a job may run again after a crash.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private working = false;
  private loop: Promise<void> | undefined;
  /** ends the worker's wait between polls */
  private wake: (() => void) | undefined;
  private maintenance: NodeJS.Timeout | undefined;
  /** jobs held back per transaction by buffered() */
  private readonly buffers = new WeakMap<Transaction<DB>, PgBoss.JobInsert[]>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly database: DatabaseHandle,
  ) {}

  static async open(database: DatabaseHandle): Promise<JobQueue> {
    const boss = new PgBoss({
      db: { executeSql: database.executeSql as PgBoss.Db['executeSql'] },
      // pg-boss's timers would run in every process, the CLI's too; work() runs maintenance instead
      supervise: false,
      schedule: false,
      migrate: true,
    });
    // pg-boss reports transient errors here; they must not crash the server
    boss.on('error', () => {});
    await boss.start();
    return new JobQueue(boss, database);
  }

  /** Registers a handler; the queue is created once per database. */
  async define(name: string, handler: JobHandler): Promise<void> {
    await this.createQueue(name);
    this.handlers.set(name, handler);
  }

  /**
   * pg-boss attaches each queue's partition to its job table; processes doing so at the same
   * moment (several servers starting together on one empty PostgreSQL) can deadlock, and
   * PostgreSQL cancels one of them. Creating a queue that exists is a no-op, so the cancelled
   * one simply tries again.
   */
  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(name, { name, ...RETRY });
        return;
      } catch (error) {
        const deadlock = error instanceof Error && 'code' in error && error.code === '40P01';
        if (!deadlock || attempt >= 5) throw error;
        await sleep(50 * attempt + Math.random() * 100);
      }
    }
  }

  async enqueue(trx: Transaction<DB>, name: string, data: Record<string, unknown>, options: EnqueueOptions = {}) {
    const buffer = this.buffers.get(trx);
    if (buffer) {
      buffer.push({ name, data, ...RETRY, ...options });
      return;
    }
    await this.boss.send(name, data, { ...RETRY, ...options, db: overTransaction(trx) });
  }

  /**
   * Runs `body`, holding back the jobs it enqueues in `trx` and inserting them all with one
   * statement at its end, still inside the transaction: the jobs of a new ticket from mail (its
   * events, its auto-response) cost one round trip to the database instead of one each.
   */
  async buffered<T>(trx: Transaction<DB>, body: () => Promise<T>): Promise<T> {
    if (this.buffers.has(trx)) return body();
    const jobs: PgBoss.JobInsert[] = [];
    this.buffers.set(trx, jobs);
    try {
      const result = await body();
      if (jobs.length > 0) await this.boss.insert(jobs, { db: overTransaction(trx) });
      return result;
    } finally {
      this.buffers.delete(trx);
    }
  }

  /**
   * Works jobs in this process (in `sportello start`): runs every due job, and polls again after
   * `pollingIntervalSeconds` only when none was due, so a burst is worked at full speed. pg-boss's own
   * maintenance (expiring jobs of a dead worker so they are retried, archiving) runs every minute.
   */
  work(pollingIntervalSeconds = 1): void {
    if (this.loop) return;
    this.working = true;
    this.loop = (async () => {
      while (this.working) {
        const ran = await this.runDue().catch(() => 0);
        if (ran > 0) continue;
        const idle = new AbortController();
        this.wake = () => idle.abort();
        await sleep(pollingIntervalSeconds * 1000, undefined, { signal: idle.signal }).catch(() => {});
        this.wake = undefined;
      }
    })();
    this.maintenance = setInterval(() => {
      this.boss.maintain().catch(() => {});
    }, 60_000);
  }

  /**
   * Tells this process's worker that jobs were just committed (an auto-response to send), so it
   * runs them now instead of at its next poll: mail answered in milliseconds, not up to a second.
   */
  nudge(): void {
    this.wake?.();
  }

  /** Runs every job that is due now, in this process, until none is left (tests and the CLI). */
  async drain(): Promise<number> {
    let ran = 0;
    for (let batch = await this.runDue(); batch > 0; batch = await this.runDue()) ran += batch;
    return ran;
  }

  /** One pass over every queue: each due job runs, and is completed or failed (retried later) alone. */
  private async runDue(): Promise<number> {
    let ran = 0;
    for (const [name, handler] of this.handlers) {
      const jobs = await this.boss.fetch<Record<string, unknown>>(name, { batchSize: 50 });
      for (const job of jobs) {
        ran += 1;
        try {
          await handler(job.data);
          await this.boss.complete(name, job.id);
        } catch (error) {
          await this.boss.fail(name, job.id, { message: String(error) });
        }
      }
    }
    return ran;
  }

  /** Jobs waiting, running and failed per queue: what /api/health reports. */
  async health(): Promise<{ working: boolean; queues: Record<string, Record<string, number>> }> {
    const { rows } = await this.database.executeSql(
      'SELECT name, state, count(*)::int AS count FROM pgboss.job GROUP BY name, state',
      [],
    );
    const queues: Record<string, Record<string, number>> = {};
    for (const name of this.handlers.keys()) queues[name] = { created: 0, retry: 0, active: 0, failed: 0 };
    for (const row of rows as { name: string; state: string; count: number }[]) {
      const queue = queues[row.name];
      if (queue) queue[row.state] = row.count;
    }
    return { working: this.working, queues };
  }

  async stop(): Promise<void> {
    this.working = false;
    this.wake?.();
    await this.loop;
    if (this.maintenance) clearInterval(this.maintenance);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
  }
}
