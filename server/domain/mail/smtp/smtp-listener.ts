import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { DomainError } from '../../../platform/errors.ts';
import { type MessageKey, translate } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import { acceptMail } from '../messages/accept-mail.ts';
import { acceptedDomains, domainOf } from './accepted-domains.ts';

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** failures worth an admin's attention (the database refused a message); never the sender's fault */
  logError?: (message: string, error: unknown) => void;
}

export interface SmtpListener {
  /** the port taken (the one asked for, or the free one chosen for port 0) */
  port: number;
  close(): Promise<void>;
}

/** Connections still open this long after close() are cut, well inside the server's 20 s stop. */
const MAX_CLIENTS = 20;
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * An SMTP server an MTA relays to, on a trusted network: no authentication (the MTA in front does
 * the talking to the internet, with its own spam checks and TLS), so it listens on HOST, which is
 * 127.0.0.1 unless set otherwise. Recipients outside the accepted domains are refused (550), a
 * message over MAIL_MAX_BYTES too (552; SIZE is announced, so a good MTA does not even send it).
 * "250" is said only after the message is committed to the database: from then on it cannot be
 * lost. A database that cannot store it gets "451", so the MTA keeps the message and tries again.
 */
export async function startSmtpListener(ctx: DomainContext, options: SmtpListenerOptions): Promise<SmtpListener> {
  const limit = ctx.config.mailMaxBytes;
  const logError = options.logError ?? (() => {});
  const server = new SMTPServer({
    banner: 'Sportello',
    size: limit,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: CLOSE_TIMEOUT_MS,
    // each connection may hold a message of up to MAIL_MAX_BYTES in memory: a bounded number of them
    maxClients: MAX_CLIENTS,
    onRcptTo(address, _session, callback) {
      acceptedDomains(ctx).then(
        (domains) => {
          if (domains.length === 0) return callback(reply(451, '4.3.0', 'smtp.no_domains', {}));
          if (domains.includes(domainOf(address.address))) return callback();
          callback(
            reply(550, '5.1.2', 'smtp.domain_not_accepted', { address: address.address, domains: domains.join(', ') }),
          );
        },
        (error: unknown) => {
          logError('SMTP listener: cannot read the accepted domains', error);
          callback(reply(451, '4.3.0', 'smtp.unavailable', {}));
        },
      );
    },
    onData(stream, session, callback) {
      readMessage(stream).then(
        (raw) => {
          if (stream.sizeExceeded) return callback(reply(552, '5.3.4', 'smtp.too_large', { limit }));
          storeAndAnswer(ctx, raw, session, logError, callback);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // a broken connection is the client's business; without a listener the error would end the process
  server.on('error', () => {});
  server.listen(options.port, options.host);
  await Promise.race([
    once(server.server, 'listening'),
    once(server.server, 'error').then(([error]) => {
      throw error;
    }),
  ]);
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function storeAndAnswer(
  ctx: DomainContext,
  raw: Buffer,
  session: SMTPServerSession,
  logError: NonNullable<SmtpListenerOptions['logError']>,
  callback: (error?: Error | null, message?: string) => void,
): void {
  const { mailFrom, rcptTo } = session.envelope;
  acceptMail(ctx, raw, {
    source: 'smtp',
    envelopeFrom: mailFrom ? mailFrom.address : null,
    envelopeTo: rcptTo.map((recipient) => recipient.address),
  }).then(
    (accepted) => callback(null, bilingual(accepted.duplicate ? 'smtp.duplicate' : 'smtp.stored', { id: accepted.id })),
    (error: unknown) => {
      if (error instanceof DomainError && error.code === 'too_large') {
        return callback(reply(552, '5.3.4', 'smtp.too_large', { limit: ctx.config.mailMaxBytes }));
      }
      if (error instanceof DomainError && error.code === 'validation') {
        return callback(reply(554, '5.6.0', 'error.mail_empty', {}));
      }
      logError('SMTP listener: the message could not be stored; the client was told to try again (451)', error);
      callback(reply(451, '4.3.0', 'smtp.unavailable', {}));
    },
  );
}

function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      // past the limit the rest is drained unkept: the message will be refused anyway
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * SMTP replies reach a remote MTA and, in a bounce, a sender whose language nobody knows:
 * English first, then Italian.
 */
function bilingual(key: MessageKey, params: Record<string, string | number>): string {
  const english = translate('en', key, params);
  const italian = translate('it', key, params);
  return english === italian ? english : `${english} / ${italian}`;
}

function reply(code: number, status: string, key: MessageKey, params: Record<string, string | number>) {
  return Object.assign(new Error(`${status} ${bilingual(key, params)}`), { responseCode: code });
}
