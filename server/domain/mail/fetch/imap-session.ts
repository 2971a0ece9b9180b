import { ImapFlow, type MailboxLockObject } from 'imapflow';
import { ConnectionFailure, classifyNetworkError } from './connection-failure.ts';
import {
  checkHostResolves,
  isSecure,
  MAIL_SERVER_TIMEOUT_MS,
  type MailServerSettings,
  serverName,
} from './mail-server.ts';

export interface ImapOptions {
  timeoutMs?: number;
  /** a connection kept in IDLE: imapflow restarts IDLE now and then, as servers drop idle clients after 30 min */
  idle?: boolean;
}

/** Socket inactivity that ends a fetching connection (a message may take a while on a slow line). */
const FETCH_SOCKET_TIMEOUT_MS = 60_000;
/** IDLE is restarted this often; Dovecot's "still here" every 2 min keeps the socket busy meanwhile. */
const MAX_IDLE_MS = 4 * 60_000;

function flag(error: unknown, name: string): boolean {
  return (
    typeof error === 'object' && error !== null && name in error && Boolean((error as Record<string, unknown>)[name])
  );
}

/**
 * Connects and logs in with imapflow: TLS from the start for imaps, STARTTLS when an imap server
 * offers it. Failures come out as ConnectionFailure with the stage that failed.
 */
export async function openImap(settings: MailServerSettings, options: ImapOptions = {}): Promise<ImapFlow> {
  const timeoutMs = options.timeoutMs ?? MAIL_SERVER_TIMEOUT_MS;
  await checkHostResolves(settings, timeoutMs);
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: isSecure(settings.protocol),
    auth: { user: settings.login, pass: settings.password },
    tls: { rejectUnauthorized: settings.tlsVerify, servername: serverName(settings.host) },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: options.idle ? undefined : FETCH_SOCKET_TIMEOUT_MS,
    disableAutoIdle: true,
    maxIdleTime: options.idle ? MAX_IDLE_MS : undefined,
  });
  // imapflow reports a dropped connection here as well as to the pending command: without a
  // listener the event would end the process
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    if (flag(error, 'authenticationFailed')) {
      throw new ConnectionFailure('login', 'mail_test.login', { login: settings.login }, String(error));
    }
    throw classifyNetworkError(error, settings);
  }
}

/** Opens (and locks, for imapflow's command queue) the account's folder; a missing one is the folder stage. */
export async function openFolder(client: ImapFlow, settings: MailServerSettings): Promise<MailboxLockObject> {
  try {
    return await client.getMailboxLock(settings.folder);
  } catch (error) {
    if (!client.usable) throw classifyNetworkError(error, settings);
    throw new ConnectionFailure('folder', 'mail_test.folder', { folder: settings.folder }, String(error));
  }
}

/** Ends the session politely; a connection that is gone already is simply closed. */
export async function closeImap(client: ImapFlow): Promise<void> {
  try {
    if (client.usable) await client.logout();
  } catch {
    // the session is over either way
  } finally {
    client.close();
  }
}
