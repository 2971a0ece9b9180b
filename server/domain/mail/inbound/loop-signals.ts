import type { ParsedMail } from './parsed-mail.ts';

const NO_REPLY_SENDER = /^(mailer-daemon|postmaster|abuse|no-?reply|do-?not-?reply|bounces?)([+@.-]|$)/i;

/**
 * Why no auto-response may go to this message's sender (null: one may): an automatic message
 * (Auto-Submitted, Precedence bulk/list/junk, X-Loop, a mailing list), a sender or Reply-To that
 * reads no mail, or one of our own addresses. Answering any of them risks a mail loop.
 */
export function autoResponseBlocker(mail: ParsedMail, ownAddresses: ReadonlySet<string>): string | null {
  const header = (name: string) => mail.headers.get(name)?.[0]?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-submitted';
  const precedence = header('precedence');
  if (precedence && ['bulk', 'list', 'junk', 'auto_reply'].includes(precedence)) return 'precedence';
  if (mail.headers.has('x-loop') || mail.headers.has('x-sportello-loop')) return 'x-loop';
  if (mail.headers.has('list-id') || mail.headers.has('mailing-list')) return 'mailing-list';
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'auto-reply';
  if (mail.bounce) return 'bounce';
  // the answer goes to Reply-To when there is one: both it and the sender must be someone to answer
  const addresses = [mail.from?.address ?? '', mail.replyTo[0]?.address ?? ''].filter(Boolean);
  if (addresses.length === 0) return 'no-sender';
  if (addresses.some((address) => NO_REPLY_SENDER.test(address))) return 'no-reply-sender';
  if (addresses.some((address) => ownAddresses.has(address.toLowerCase()))) return 'own-address';
  return null;
}
