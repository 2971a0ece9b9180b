import type { AddressInfo } from 'node:net';
import { type App, buildApp } from '../api/app.ts';
import type { Config } from '../config/config.ts';
import { demoConfigured, loadDemoData } from '../demo/load-demo.ts';
import { MailFetcher } from '../domain/mail/fetch/mail-fetcher.ts';
import { CliFailure } from './cli-errors.ts';
import { t } from './cli-messages.ts';
import type { DataDirLock } from './data-dir-lock.ts';
import { type LocalSocket, serveLocalSocket } from './local-socket.ts';
import { demoStepLabel, progressBar } from './progress.ts';
import { openRuntime } from './runtime.ts';
import { smtpAddress, startSmtp } from './start-smtp.ts';

export interface StartOptions {
  demo: boolean;
  /** held on the embedded database; released when the server stops */
  lock?: DataDirLock;
}

export interface RunningServer {
  url: string;
  database: string;
  socket: string | undefined;
  /** host:port of the SMTP listener, when SMTP_LISTEN_PORT is set */
  smtp: string | undefined;
  /** the demo data was loaded by this start (false: it was there already, or not asked for) */
  demoLoaded: boolean;
  demoPresent: boolean;
  stop(): Promise<void>;
}

/**
 * The whole system in one process: database (migrated), demo data when asked, job workers, the
 * HTTP app on HOST:PORT and, on the embedded database, the same app on the local socket; the SMTP
 * listener when configured; the mail accounts' fetching.
 */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const runtime = await openRuntime(config, progressBar(t('progress.preparing')), options.lock);
  let app: App | undefined;
  let socket: LocalSocket | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailFetcher: MailFetcher | undefined;
  const stop = async () => {
    // stop taking requests and mail on every door, let the ones under way finish, then jobs, then the database
    await Promise.all([app?.close(), socket?.close(), smtp?.close(), mailFetcher?.stop()]);
    await runtime.close();
  };
  try {
    let demoLoaded = false;
    if (options.demo && !(await demoConfigured(runtime.ctx))) {
      const progress = progressBar(t('progress.loading_demo'));
      try {
        demoLoaded = (
          await loadDemoData(runtime.ctx, (done, total, step) => {
            progress.total(total);
            progress.update(done, demoStepLabel(step));
          })
        ).loaded;
      } finally {
        progress.stop();
      }
    }
    const demoPresent = await demoConfigured(runtime.ctx);
    runtime.ctx.jobs.work();
    app = await buildApp(runtime.ctx, {
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    });
    await listen(app, config);
    if (!config.databaseUrl) socket = await serveLocalSocket(app, config.dataDir);
    smtp = await startSmtp(runtime.ctx, config, app);
    // mail accounts: polled every poll_seconds, IMAP ones also at once through IDLE
    const log = app.log;
    mailFetcher = new MailFetcher(runtime.ctx, {
      onError: (accountId, error) => log.warn({ mailAccount: accountId }, `mail fetch failed: ${error}`),
    });
    mailFetcher.start();
    return {
      url: listeningUrl(app, config),
      database: runtime.description,
      socket: socket?.path,
      smtp: smtp ? smtpAddress(config, smtp) : undefined,
      demoLoaded,
      demoPresent,
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function listen(app: App, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE') throw new CliFailure(t('listen.in_use', { where }));
    if (code === 'EACCES') throw new CliFailure(t('listen.no_permission', { where }));
    if (code === 'EADDRNOTAVAIL') throw new CliFailure(t('listen.not_local', { host: config.host }));
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      throw new CliFailure(t('listen.not_resolving', { host: config.host }));
    throw error;
  }
}

function listeningUrl(app: App, config: Config): string {
  const address = app.server.address() as AddressInfo | null;
  const port = address?.port ?? config.port;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
