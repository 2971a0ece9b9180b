import { randomBytes } from 'node:crypto';
import type { Config } from '../../../config/config.ts';

/** The host mail from this desk names itself by: PUBLIC_URL's host (brackets of an IPv6 literal dropped). */
export function mailHost(config: Config): string {
  const host = new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, '');
  return host || 'localhost';
}

/**
 * A Message-ID for a message we send, given at insert so that an answer threads to it
 * (In-Reply-To/References) even before it has left.
 */
export function newMessageId(config: Config): string {
  return `<${Date.now().toString(36)}.${randomBytes(9).toString('hex')}@${mailHost(config)}>`;
}
