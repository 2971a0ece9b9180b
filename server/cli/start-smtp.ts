import type { App } from '../api/app.ts';
import type { Config } from '../config/config.ts';
import type { DomainContext } from '../domain/context.ts';
import { type SmtpListener, startSmtpListener } from '../domain/mail/smtp/smtp-listener.ts';
import { CliFailure } from './cli-errors.ts';
import { t } from './cli-messages.ts';

/**
 * The SMTP listener of `sportello start`, when SMTP_LISTEN_PORT is set: on SMTP_LISTEN_HOST
 * (loopback unless set), not HOST: a web server opened to the network must not open an
 * unauthenticated mail door with it. Its failures to store a message go to the server's log (the MTA is told to retry).
 */
export async function startSmtp(ctx: DomainContext, config: Config, app: App): Promise<SmtpListener | undefined> {
  if (config.smtpListenPort === undefined) return undefined;
  const where = `${config.smtpListenHost}:${config.smtpListenPort}`;
  try {
    return await startSmtpListener(ctx, {
      host: config.smtpListenHost,
      port: config.smtpListenPort,
      logError: (message, error) => {
        const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
        app.log.error({ err }, message);
      },
    });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EADDRINUSE') throw new CliFailure(t('smtp.in_use', { where }));
    if (code === 'EACCES') throw new CliFailure(t('smtp.no_permission', { where }));
    throw error;
  }
}

/** host:port as the banner shows it. */
export function smtpAddress(config: Config, listener: SmtpListener): string {
  const host = config.smtpListenHost;
  return `${host.includes(':') ? `[${host}]` : host}:${listener.port}`;
}
