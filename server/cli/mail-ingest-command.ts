import { setTimeout as sleep } from 'node:timers/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/config.ts';
import { DomainError } from '../platform/errors.ts';
import { ExitCodeError } from './cli-errors.ts';
import { type CliMessageKey, type CliParams, cliLanguage, cliText, t } from './cli-messages.ts';
import { currentOwner } from './data-dir-lock.ts';
import { socketPath } from './local-socket.ts';
import { type Envelope, type HandoverAnswer, HandoverUnreachable, handOver, refusalMessage } from './mail-handover.ts';
import { progressBar } from './progress.ts';

/** sysexits.h, as MTAs read a delivery command's exit code: 75 means "keep it and try again later". */
export const SYSEXITS = { ok: 0, usage: 64, dataErr: 65, tempFail: 75, noPerm: 77 } as const;

/** A server that holds the data directory but is still starting (migrating) gets this long to open its socket. */
const WAIT_FOR_SERVER_MS = 30_000;

interface MailIngestFlags {
  url?: string;
  token?: string;
  sender?: string;
  recipient?: string[];
}

const fail = (code: number, key: CliMessageKey, params: CliParams = {}) => new ExitCodeError(t(key, params), code);

export function registerMailIngest(mail: Command): void {
  mail
    .command('ingest')
    .description(t('mail_ingest.description'))
    .option('--url <url>', t('mail_ingest.url_option'), parseServerUrl)
    .option('--token <token>', t('mail_ingest.token_option'))
    .option('--sender <address>', t('mail_ingest.sender_option'))
    .option('--recipient <address>', t('mail_ingest.recipient_option'), (value, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .addHelpText('after', `\n${t('mail_ingest.after')}`)
    // commander has printed its sentence (or the help): only the exit code changes, to EX_USAGE
    .exitOverride((error) => {
      throw error.exitCode === 0 ? error : new ExitCodeError('', SYSEXITS.usage);
    })
    .action(async (flags: MailIngestFlags) => {
      try {
        await ingest(flags);
      } catch (error) {
        if (error instanceof ExitCodeError) throw error;
        // whatever went wrong, the message is not stored: the MTA must keep it, not bounce it
        const detail = error instanceof Error ? error.message : String(error);
        if (process.env.SPORTELLO_DEBUG && error instanceof Error && error.stack)
          process.stderr.write(`${error.stack}\n`);
        throw fail(SYSEXITS.tempFail, 'mail_ingest.not_stored', { detail });
      }
    });
}

function parseServerUrl(value: string): string {
  if (!/^https?:\/\/[^\s/]+/i.test(value)) throw new InvalidArgumentError(t('mail_ingest.bad_url', { value }));
  return value;
}

async function ingest(flags: MailIngestFlags): Promise<void> {
  const url = flags.url ?? (process.env.SPORTELLO_URL || undefined);
  const token = flags.token ?? (process.env.SPORTELLO_TOKEN || undefined);
  if (flags.token !== undefined && !url) throw fail(SYSEXITS.usage, 'mail_ingest.url_needed');
  if (url && !token) throw fail(SYSEXITS.usage, 'mail_ingest.token_needed');
  if (url && !/^https?:\/\/[^\s/]+/i.test(url)) throw fail(SYSEXITS.usage, 'mail_ingest.bad_url', { value: url });
  const envelope: Envelope = { sender: flags.sender || undefined, recipients: flags.recipient ?? [] };
  const raw = await readStandardInput();
  if (raw.length === 0) throw fail(SYSEXITS.dataErr, 'mail_ingest.empty');

  if (url && token) {
    const where = new URL(url);
    const answer = await reach(where.origin, () => handOver({ kind: 'url', url: where, token }, raw, envelope));
    return report(answer, t('mail_ingest.via_url', { url: where.origin }));
  }
  const config = localConfig();
  if (raw.length > config.mailMaxBytes) {
    throw fail(SYSEXITS.dataErr, 'mail_ingest.too_large', { size: raw.length, limit: config.mailMaxBytes });
  }
  if (config.databaseUrl) return storeDirectly(config, raw, envelope);
  return handToLocalServer(config, raw, envelope);
}

/**
 * The embedded database belongs to the server that runs on it; this command never opens it (see
 * the README: a burst of deliveries would queue on the data directory's lock and keep a server
 * from starting). With no server, the MTA keeps the message and tries again (75).
 */
async function handToLocalServer(config: Config, raw: Buffer, envelope: Envelope): Promise<void> {
  const path = socketPath(config.dataDir);
  const deadline = Date.now() + WAIT_FOR_SERVER_MS;
  for (;;) {
    try {
      const answer = await handOver({ kind: 'socket', path }, raw, envelope);
      return report(answer, t('via.socket', { pid: currentOwner(config.dataDir)?.pid ?? '?' }));
    } catch (error) {
      if (!(error instanceof HandoverUnreachable)) throw error;
      // the socket is the server user's alone (0600): an MTA often runs commands as another user
      if (error.code === 'EACCES') throw fail(SYSEXITS.tempFail, 'mail_ingest.socket_denied', { socket: path });
    }
    const owner = currentOwner(config.dataDir);
    if (!owner) throw fail(SYSEXITS.tempFail, 'mail_ingest.no_server', { dataDir: config.dataDir });
    if (Date.now() > deadline) {
      const holder = t(owner.command ? 'owner.command' : 'owner.unknown', { command: owner.command, pid: owner.pid });
      throw fail(SYSEXITS.tempFail, 'mail_ingest.server_busy', { dataDir: config.dataDir, owner: holder });
    }
    await sleep(250);
  }
}

/** PostgreSQL is shared: store and process here, no server needed (as the other commands do). */
async function storeDirectly(config: Config, raw: Buffer, envelope: Envelope): Promise<void> {
  const [{ openRuntime, describeDatabase }, { acceptMail }] = await Promise.all([
    import('./runtime.ts'),
    import('../domain/mail/messages/accept-mail.ts'),
  ]);
  let runtime: Awaited<ReturnType<typeof openRuntime>>;
  try {
    runtime = await openRuntime(config, progressBar(t('progress.opening')));
  } catch (error) {
    throw fail(SYSEXITS.tempFail, 'mail_ingest.not_stored', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  try {
    const accepted = await acceptMail(runtime.ctx, raw, {
      source: 'pipe',
      envelopeFrom: envelope.sender ?? null,
      envelopeTo: envelope.recipients,
    });
    printStored(accepted.id, accepted.duplicate, t('via.direct', { database: describeDatabase(config) }));
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'too_large' || error.code === 'validation')) {
      throw new ExitCodeError(error.body(cliLanguage()).error.message, SYSEXITS.dataErr);
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

/** The configuration for the local ways; a bad one is the admin's to fix, meanwhile the MTA keeps the mail. */
function localConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ExitCodeError(cliText(cliLanguage(), error.key, error.params), SYSEXITS.tempFail);
    }
    throw error;
  }
}

async function reach(where: string, call: () => Promise<HandoverAnswer>): Promise<HandoverAnswer> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof HandoverUnreachable)) throw error;
    const reason = error.code ? NETWORK_REASONS[error.code] : undefined;
    throw fail(SYSEXITS.tempFail, 'mail_ingest.unreachable', {
      where,
      reason: reason ? { key: reason } : (error.code ?? '?'),
    });
  }
}

const NETWORK_REASONS: Record<string, CliMessageKey> = {
  ECONNREFUSED: 'network.connection_refused',
  ENOTFOUND: 'network.host_not_found',
  EAI_AGAIN: 'network.host_not_found',
  ETIMEDOUT: 'network.timed_out',
  EHOSTUNREACH: 'network.host_unreachable',
  ENETUNREACH: 'network.network_unreachable',
  ECONNRESET: 'network.connection_reset',
};

/** The server's answer as an exit code: stored, the message's fault (bounce), the token's, or "later". */
function report(answer: HandoverAnswer, via: string): void {
  const { status, body } = answer;
  if (status === 200 || status === 201) {
    const stored = body as { id: number; duplicate: boolean };
    printStored(stored.id, stored.duplicate, via);
    return;
  }
  const detail = refusalMessage(body) ?? t('socket.http_status', { status });
  if (status === 400 || status === 413) throw new ExitCodeError(detail, SYSEXITS.dataErr);
  if (status === 401 || status === 403) throw fail(SYSEXITS.noPerm, 'mail_ingest.token_refused', { detail });
  throw fail(SYSEXITS.tempFail, 'mail_ingest.refused', { detail });
}

function printStored(id: number, duplicate: boolean, via: string): void {
  process.stderr.write(`${t(duplicate ? 'mail_ingest.duplicate' : 'mail_ingest.stored', { id, via })}\n`);
  process.stdout.write(`${id}\n`);
}

/** The message exactly as the MTA wrote it: bytes, no decoding, no line-ending changes. */
async function readStandardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}
