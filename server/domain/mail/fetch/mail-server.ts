import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { MailProtocol } from '../../../db/schema.ts';
import { ConnectionFailure, classifyNetworkError } from './connection-failure.ts';

/** What it takes to reach one mailbox: a saved account's settings, or unsaved ones being tested. */
export interface MailServerSettings {
  protocol: MailProtocol;
  host: string;
  port: number;
  login: string;
  password: string;
  /** IMAP only; POP3 has one mailbox */
  folder: string;
  /** false accepts a certificate no authority vouches for (a desk's own self-signed server) */
  tlsVerify: boolean;
}

/** Connecting, greeting, logging in and each command: a mail server slower than this is not answering. */
export const MAIL_SERVER_TIMEOUT_MS = 10_000;

export const isSecure = (protocol: MailProtocol) => protocol === 'imaps' || protocol === 'pop3s';
export const isImap = (protocol: MailProtocol) => protocol === 'imap' || protocol === 'imaps';

/** TLS server name: the host, unless it is an address (SNI takes names only). */
export const serverName = (host: string) => (isIP(host) ? undefined : host);

/**
 * Resolves the host first, so that "host not found" is told apart from a refused connection
 * whatever the protocol client makes of it; bounded like every other step.
 */
export async function checkHostResolves(settings: MailServerSettings, timeoutMs = MAIL_SERVER_TIMEOUT_MS) {
  if (isIP(settings.host)) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })), timeoutMs);
  });
  try {
    await Promise.race([lookup(settings.host), timeout]);
  } catch (error) {
    const failure = classifyNetworkError(error, settings);
    if (failure.stage === 'timeout') throw failure;
    throw new ConnectionFailure('dns', 'mail_test.dns', { host: settings.host, port: settings.port }, failure.detail);
  } finally {
    clearTimeout(timer);
  }
}
