import type { DomainContext } from '../../context.ts';

/**
 * The domains whose recipients the listener takes: SMTP_ACCEPT_DOMAINS, or else the domains of the
 * valid system addresses (read at each RCPT: a new system address works without a restart).
 */
export async function acceptedDomains(ctx: DomainContext): Promise<string[]> {
  if (ctx.config.smtpAcceptDomains.length > 0) return ctx.config.smtpAcceptDomains;
  const rows = await ctx.db.selectFrom('systemAddresses').select('email').where('valid', '=', true).execute();
  const domains = rows.map((row) => domainOf(row.email)).filter((domain) => domain !== '');
  return [...new Set(domains)].sort();
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0
    ? ''
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, '');
}
