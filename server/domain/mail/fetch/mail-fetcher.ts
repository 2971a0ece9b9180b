import { setTimeout as sleep } from 'node:timers/promises';
import type { DomainContext } from '../../context.ts';
import { fetchAccount } from './fetch-account.ts';
import { DEFAULT_LIMITS, type FetchLimits } from './fetch-run.ts';
import { ImapIdleWatcher } from './imap-idle-watcher.ts';
import { isImap, type MailServerSettings } from './mail-server.ts';

export interface MailFetcherOptions {
  /** how often the accounts are read again: new, changed and deactivated ones are noticed within this */
  tickMs?: number;
  /** keep IMAP accounts in IDLE (off in tests that want polling only) */
  idle?: boolean;
  /** fetches running at once in this process */
  concurrency?: number;
  limits?: FetchLimits;
  /** a fetch's failure, for the log (it is also recorded on the account) */
  onError?: (accountId: number, error: string) => void;
}

interface Watched {
  watcher: ImapIdleWatcher;
  /** the settings it was started with: a change means a new watcher */
  fingerprint: string;
}

const fingerprint = (account: MailServerSettings & { changedAt: Date }) =>
  `${account.changedAt.getTime()}|${account.protocol}|${account.host}|${account.port}|${account.login}|${account.folder}`;

/**
 * Fetches every valid mail account every poll_seconds, and IMAP ones also at once when their IDLE
 * connection announces mail. Started by `sportello start`; several servers on one PostgreSQL may
 * each run one, and the per-account lock in fetchAccount lets one of them fetch an account at a
 * time. Account changes are picked up at the next tick.
 */
export class MailFetcher {
  private readonly tickMs: number;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly watchers = new Map<number, Watched>();
  private readonly inFlight = new Map<number, Promise<void>>();
  /** accounts announced by IDLE while being fetched: fetched once more afterwards */
  private readonly again = new Set<number>();
  /** accounts due while every fetch slot was busy */
  private readonly waiting = new Set<number>();

  constructor(
    private readonly ctx: DomainContext,
    private readonly options: MailFetcherOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 10_000;
  }

  start(): void {
    this.loop ??= this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      await this.tick().catch(() => {});
      await sleep(this.tickMs, undefined, { signal: this.stopping.signal }).catch(() => {});
    }
  }

  /** One look at the accounts: IDLE watchers for the IMAP ones, a fetch for each one that is due. */
  async tick(): Promise<void> {
    const accounts = await this.ctx.db
      .selectFrom('mailAccounts')
      .select([
        'id',
        'protocol',
        'host',
        'port',
        'login',
        'password',
        'folder',
        'tlsVerify',
        'changedAt',
        'pollSeconds',
        'lastFetchAt',
      ])
      .where('valid', '=', true)
      .orderBy('id')
      .execute();
    if (this.stopping.signal.aborted) return;
    await this.syncWatchers(accounts);
    const now = Date.now();
    for (const account of accounts) {
      const due = !account.lastFetchAt || account.lastFetchAt.getTime() + account.pollSeconds * 1000 <= now;
      if (due) this.fetchSoon(account.id);
    }
  }

  private async syncWatchers(accounts: (MailServerSettings & { id: number; changedAt: Date })[]) {
    const wanted = new Map<number, string>();
    if (this.options.idle !== false) {
      for (const account of accounts) if (isImap(account.protocol)) wanted.set(account.id, fingerprint(account));
    }
    for (const [id, watched] of this.watchers) {
      if (wanted.get(id) !== watched.fingerprint) {
        this.watchers.delete(id);
        await watched.watcher.stop();
      }
    }
    for (const account of accounts) {
      const print = wanted.get(account.id);
      if (print === undefined || this.watchers.has(account.id)) continue;
      const watcher = new ImapIdleWatcher(account, () => this.fetchSoon(account.id));
      this.watchers.set(account.id, { watcher, fingerprint: print });
      watcher.start();
    }
  }

  /** Starts a fetch of the account unless one is running here (then one more follows it). */
  fetchSoon(id: number): void {
    if (this.stopping.signal.aborted) return;
    if (this.inFlight.has(id)) {
      this.again.add(id);
      return;
    }
    if (this.inFlight.size >= (this.options.concurrency ?? 4)) {
      // taken up when a running fetch ends, so an IDLE announcement is not lost
      this.waiting.add(id);
      return;
    }
    const run = (async () => {
      // bounded: IDLE may announce mail again while each run goes on
      for (let round = 0; round < 10 && !this.stopping.signal.aborted; round++) {
        this.again.delete(id);
        const result = await fetchAccount(this.ctx, id, {
          ...(this.options.limits ?? DEFAULT_LIMITS),
          signal: this.stopping.signal,
        }).catch((error: unknown) => ({
          status: 'failed' as const,
          error: String(error),
        }));
        if (result.status === 'failed') {
          // a logger that throws must not end the process through an unhandled rejection
          try {
            this.options.onError?.(id, result.error);
          } catch {}
        }
        if (!this.again.has(id)) break;
      }
    })().finally(() => {
      this.inFlight.delete(id);
      const [next] = this.waiting;
      if (next !== undefined) {
        this.waiting.delete(next);
        this.fetchSoon(next);
      }
    });
    this.inFlight.set(id, run);
  }

  /** Stops polling, closes the IDLE connections and waits for the fetches under way. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await Promise.all([...this.watchers.values()].map((watched) => watched.watcher.stop()));
    this.watchers.clear();
    await Promise.all(this.inFlight.values());
  }
}
