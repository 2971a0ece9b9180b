import http from 'node:http';
import https from 'node:https';
import { cliLanguage } from './cli-messages.ts';

/** Where `mail ingest` hands a message over: the local server's socket, or a server's URL with a token. */
export type HandoverTarget = { kind: 'socket'; path: string } | { kind: 'url'; url: URL; token: string };

export interface Envelope {
  sender?: string;
  recipients: string[];
}

export interface HandoverAnswer {
  status: number;
  /** the server's answer: {id, duplicate, …} when stored, {error: {code, message}} when refused */
  body: unknown;
}

/** Nothing answered (no socket, connection refused, DNS, TLS, timeout): the MTA should try again. */
export class HandoverUnreachable extends Error {
  constructor(readonly code: string | undefined) {
    super(code ?? 'unreachable');
  }
}

/** An MTA gives a delivery command minutes; a server that has not answered by then is not going to. */
const TIMEOUT_MS = 5 * 60_000;

/**
 * POST /api/v1/mail/messages with the raw message as the body (message/rfc822), exactly as read:
 * the same request whether it goes over the owner-only socket (which acts as the system user) or
 * over HTTP(S) with an administrator's token.
 */
export function handOver(target: HandoverTarget, raw: Buffer, envelope: Envelope): Promise<HandoverAnswer> {
  const query = new URLSearchParams({ source: 'pipe' });
  if (envelope.sender) query.set('envelopeFrom', envelope.sender);
  for (const recipient of envelope.recipients) query.append('envelopeTo', recipient);
  const headers: http.OutgoingHttpHeaders = {
    'content-type': 'message/rfc822',
    'content-length': raw.length,
    'accept-language': cliLanguage(),
  };
  let request: http.ClientRequest;
  const path = `/api/v1/mail/messages?${query}`;
  return new Promise((resolve, reject) => {
    const onResponse = (response: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error: NodeJS.ErrnoException) => reject(new HandoverUnreachable(error.code)));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: response.statusCode ?? 500, body });
      });
    };
    if (target.kind === 'socket') {
      request = http.request({ socketPath: target.path, method: 'POST', path, headers }, onResponse);
    } else {
      const base = target.url.pathname.replace(/\/+$/, '');
      const options = {
        method: 'POST',
        protocol: target.url.protocol,
        hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
        port: target.url.port || undefined,
        path: `${base}${path}`,
        headers: { ...headers, authorization: `Bearer ${target.token}` },
      };
      request = (target.url.protocol === 'https:' ? https : http).request(options, onResponse);
    }
    request.setTimeout(TIMEOUT_MS, () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => reject(new HandoverUnreachable(error.code)));
    request.end(raw);
  });
}

/** The message of an API error body ({"error": {"message"}}), if it is one. */
export function refusalMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined;
  const error = body.error;
  if (!error || typeof error !== 'object' || !('message' in error)) return undefined;
  return String(error.message);
}
