import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Config } from '../../../config/config.ts';

export type OutgoingMessage = SendMailOptions;

/**
 * Hands one message to the SMTP server of SMTP_URL. Timeouts are short: a send job must not hang
 * on a dead server, it records the failure and tries again later.
 */
export async function smtpSend(config: Config, message: OutgoingMessage): Promise<void> {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

/** The server's answer (e.g. "451 4.3.0 try later"), or what went wrong on the way to it. */
export function smtpErrorText(error: unknown): string {
  if (error instanceof Error) {
    const response = 'response' in error && typeof error.response === 'string' ? error.response : '';
    return (response || error.message).slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}
