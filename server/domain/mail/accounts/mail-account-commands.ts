import { DomainError, notFound } from '../../../platform/errors.ts';
import { type Language, translate } from '../../../platform/i18n.ts';
import { requireAdmin } from '../../config/require-admin.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { fetchAccount, loadAccountSettings } from '../fetch/fetch-account.ts';
import { DEFAULT_LIMITS } from '../fetch/fetch-run.ts';
import type { MailServerSettings } from '../fetch/mail-server.ts';
import { testMailServer } from '../fetch/test-connection.ts';
import { DEFAULT_PORTS } from './mail-account-table.ts';

export type UnsavedSettings = Omit<MailServerSettings, 'port' | 'folder' | 'tlsVerify'> &
  Partial<Pick<MailServerSettings, 'port' | 'folder' | 'tlsVerify'>>;

/** The answer of "test connection": a sentence in the caller's language, the stage for programs. */
async function answer(settings: MailServerSettings, language: Language) {
  const outcome = await testMailServer(settings);
  if (outcome.ok) return { ok: true as const, messages: outcome.messages };
  return { ok: false as const, stage: outcome.stage, message: translate(language, outcome.messageKey, outcome.params) };
}

/** Tests settings not saved yet (the form before "save"). */
export async function testUnsavedAccount(actor: Actor, body: UnsavedSettings, language: Language) {
  requireAdmin(actor);
  return answer(
    {
      ...body,
      port: body.port ?? DEFAULT_PORTS[body.protocol],
      folder: body.folder ?? 'INBOX',
      tlsVerify: body.tlsVerify ?? true,
    },
    language,
  );
}

/**
 * Tests a saved account, with any of its settings changed for the test only: the stored password
 * is used unless another host is named, which needs the password given again.
 */
export async function testSavedAccount(
  ctx: DomainContext,
  actor: Actor,
  id: number,
  changes: Partial<MailServerSettings>,
  language: Language,
) {
  requireAdmin(actor);
  const account = await loadAccountSettings(ctx, id);
  if (!account) throw notFound('error.not_found.mail_account', id);
  // the stored password goes only to the account's own server, never to a host named for the test
  if (changes.host !== undefined && changes.host !== account.host && changes.password === undefined) {
    throw new DomainError('validation', 'error.mail_account_password_required', {}, 'password');
  }
  return answer({ ...account, ...changes }, language);
}

/** "Fetch now": runs the account's fetch and waits for it; refused while another fetch of it runs. */
export async function fetchAccountNow(ctx: DomainContext, actor: Actor, id: number) {
  requireAdmin(actor);
  const result = await fetchAccount(ctx, id, DEFAULT_LIMITS);
  if (result.status === 'not_found') throw notFound('error.not_found.mail_account', id);
  if (result.status === 'busy') throw new DomainError('conflict', 'error.mail_account_busy', { id });
  return result;
}
