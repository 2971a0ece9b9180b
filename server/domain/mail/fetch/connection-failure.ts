import type { MessageKey } from '../../../platform/i18n.ts';

/** Where talking to a mail server went wrong, in the order a connection goes through them. */
export type ConnectionStage = 'dns' | 'connect' | 'tls' | 'login' | 'folder' | 'timeout' | 'protocol';

/** A failure a person can act on: the stage, and a sentence (message key) saying what is wrong. */
export class ConnectionFailure extends Error {
  constructor(
    readonly stage: ConnectionStage,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number>,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ENODATA']);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'EADDRNOTAVAIL']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'ESOCKETTIMEDOUT', 'ETIMEOUT']);
/** Node's codes for a certificate it does not trust (self-signed, unknown issuer, expired, wrong name). */
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|ERR_SSL|ERR_TLS|EPROTO/;

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns a socket, TLS or DNS error into a stage and a sentence. Authentication and folder errors
 * are recognised by the protocol clients, which know which command failed.
 */
export function classifyNetworkError(error: unknown, where: { host: string; port: number }): ConnectionFailure {
  if (error instanceof ConnectionFailure) return error;
  const code = codeOf(error);
  const params = { host: where.host, port: where.port };
  const detail = code ? `${code}: ${text(error)}` : text(error);
  if (DNS_CODES.has(code)) return new ConnectionFailure('dns', 'mail_test.dns', params, detail);
  if (TIMEOUT_CODES.has(code) || /timed? ?out/i.test(text(error))) {
    return new ConnectionFailure('timeout', 'mail_test.timeout', params, detail);
  }
  if (CONNECT_CODES.has(code)) return new ConnectionFailure('connect', 'mail_test.connect', params, detail);
  if (CERTIFICATE_CODES.test(code)) {
    const selfSigned = /SELF_SIGNED/.test(code);
    return new ConnectionFailure('tls', selfSigned ? 'mail_test.tls_self_signed' : 'mail_test.tls', params, detail);
  }
  return new ConnectionFailure('protocol', 'mail_test.protocol', { ...params, detail: text(error) }, detail);
}
