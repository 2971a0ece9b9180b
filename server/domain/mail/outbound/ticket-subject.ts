import type { Config } from '../../../config/config.ts';

/** "Ticket#2018091110000018" with the configured hook and divider. */
export function ticketTag(config: Config, tn: string): string {
  return `${config.ticketHook}${config.ticketHookDivider}${tn}`;
}

/** "[Ticket#<tn>] subject", left as it is when the subject already names the ticket. */
export function ticketSubject(config: Config, tn: string, subject: string): string {
  const tag = ticketTag(config, tn);
  if (subject.includes(tag)) return subject;
  return subject.trim() ? `[${tag}] ${subject.trim()}` : `[${tag}]`;
}
