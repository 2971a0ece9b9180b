import type { MessageKey } from '../../../platform/i18n.ts';
import { type ConnectionStage, classifyNetworkError } from './connection-failure.ts';
import { countImap } from './imap-fetch.ts';
import { isImap, type MailServerSettings } from './mail-server.ts';
import { countPop3 } from './pop3-fetch.ts';

export type ConnectionTest =
  | { ok: true; messages: number }
  | {
      ok: false;
      stage: ConnectionStage;
      messageKey: MessageKey;
      params: Record<string, string | number>;
      detail: string;
    };

/**
 * "Test connection": goes through every step a fetch takes (name, connection, TLS, login, folder)
 * without taking any message, and says which step failed. Each step is bounded by
 * MAIL_SERVER_TIMEOUT_MS, so an answer comes within seconds.
 */
export async function testMailServer(settings: MailServerSettings): Promise<ConnectionTest> {
  try {
    const messages = isImap(settings.protocol) ? await countImap(settings) : await countPop3(settings);
    return { ok: true, messages };
  } catch (error) {
    const failure = classifyNetworkError(error, settings);
    return {
      ok: false,
      stage: failure.stage,
      messageKey: failure.messageKey,
      params: failure.params,
      detail: failure.detail,
    };
  }
}
