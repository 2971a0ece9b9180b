import type { DomainContext } from '../../context.ts';
import { fillVariables } from '../../mail/outbound/fill-variables.ts';
import { sendQueuedMail } from '../../mail/outbound/send-queued-mail.ts';
import { defaultSender } from '../../mail/outbound/sender-address.ts';
import { PASSWORD_RESET_SEND_JOB, RESET_LINK_MINUTES } from './request-reset.ts';
import { RESET_MAIL_TEXTS } from './reset-mail-texts.ts';

/** Where the web apps take a link's token: the agent app, or the customer portal. */
export function resetLinkUrl(publicUrl: string, as: 'agent' | 'customer', token: string): string {
  const page = as === 'agent' ? '/reset-password' : '/portal/reset-password';
  return `${publicUrl}${page}?token=${encodeURIComponent(token)}`;
}

/**
 * The password-reset-send job: sends one link's email from the desk's default address, with the
 * retry schedule of other outgoing mail. A link that expired or was used before its email could
 * leave is not sent (the row fails with that reason). Once the email is sent or has failed, the
 * token in clear is cleared: from then on only its hash is kept.
 */
export async function sendResetMail(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  const reset = await ctx.db
    .selectFrom('passwordResets')
    .selectAll()
    .where('id', '=', Number(data.resetId))
    .executeTakeFirst();
  if (reset?.status !== 'queued') return;
  if (!reset.mailToken || reset.usedAt || reset.expiresAt.getTime() <= ctx.now().getTime()) {
    await ctx.db
      .updateTable('passwordResets')
      .set({ status: 'failed', mailToken: null, lastError: 'The link expired or was used before its email was sent' })
      .where('id', '=', reset.id)
      .where('status', '=', 'queued')
      .execute();
    return;
  }
  const as = reset.agentId !== null ? 'agent' : 'customer';
  const person = await ctx.db
    .selectFrom(as === 'agent' ? 'agents' : 'customerUsers')
    .select(['login', 'firstName', 'lastName'])
    .where('id', '=', reset.agentId ?? reset.customerUserId ?? 0)
    .executeTakeFirst();
  if (!person) return; // deleted meanwhile: the row went with them
  const name = `${person.firstName} ${person.lastName}`.trim() || reset.address;
  const text = RESET_MAIL_TEXTS[as][reset.language];
  const vars = {
    name,
    login: person.login,
    url: resetLinkUrl(ctx.config.publicUrl, as, reset.mailToken),
    minutes: RESET_LINK_MINUTES,
  };
  const sender = await defaultSender(ctx.db, ctx.config);
  await sendQueuedMail(
    ctx,
    'passwordResets',
    reset.id,
    { name: PASSWORD_RESET_SEND_JOB, data: { resetId: reset.id } },
    {
      from: { name: sender.name, address: sender.address },
      to: reset.address,
      subject: fillVariables(text.subject, vars),
      text: fillVariables(text.body, vars),
      messageId: reset.messageId,
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'Content-Language': reset.language,
      },
    },
  );
  await ctx.db
    .updateTable('passwordResets')
    .set({ mailToken: null })
    .where('id', '=', reset.id)
    .where('status', '<>', 'queued')
    .execute();
}
