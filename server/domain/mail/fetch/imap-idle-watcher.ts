import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import { closeImap, openImap } from './imap-session.ts';
import type { MailServerSettings } from './mail-server.ts';

/** Waits between reconnections, doubling from the first to the last. */
const BACK_OFF_MS = { first: 1_000, last: 60_000 };

/**
 * Keeps one IMAP connection in IDLE on the account's folder and calls `onMail` as soon as the
 * server announces messages (EXISTS), so that new mail is fetched within a second or two instead
 * of at the next poll. The fetching itself happens on another connection. A dropped connection is
 * opened again, with back-off while it keeps failing.
 */
export class ImapIdleWatcher {
  private client: ImapFlow | undefined;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly settings: MailServerSettings,
    private readonly onMail: () => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  private async run(): Promise<void> {
    let wait = BACK_OFF_MS.first;
    while (!this.stopping.signal.aborted) {
      try {
        await this.watchOnce(() => {
          wait = BACK_OFF_MS.first;
        });
      } catch (error) {
        if (!this.stopping.signal.aborted) this.onError(error);
      }
      if (this.stopping.signal.aborted) return;
      await sleep(wait, undefined, { signal: this.stopping.signal }).catch(() => {});
      wait = Math.min(wait * 2, BACK_OFF_MS.last);
    }
  }

  /** One connection: open the folder, announce what is there, IDLE until the connection ends. */
  private async watchOnce(connected: () => void): Promise<void> {
    const client = await openImap(this.settings, { idle: true });
    this.client = client;
    try {
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      if (this.stopping.signal.aborted) return;
      await client.mailboxOpen(this.settings.folder);
      connected();
      client.on('exists', (update: { count: number; prevCount: number }) => {
        if (update.count > update.prevCount) this.onMail();
      });
      // mail that arrived while no connection was watching
      if (client.mailbox && client.mailbox.exists > 0) this.onMail();
      // IDLE lasts until the connection ends; imapflow renews it every maxIdleTime
      client.idle().catch(() => {});
      await closed;
    } finally {
      this.client = undefined;
      client.close();
    }
  }

  /** Ends IDLE and the connection; resolves when the watcher has stopped. */
  async stop(): Promise<void> {
    this.stopping.abort();
    const client = this.client;
    if (client) {
      // a polite LOGOUT, but a server that does not answer is not waited for
      await Promise.race([closeImap(client), sleep(2_000)]);
      client.close();
    }
    await this.loop;
  }
}
