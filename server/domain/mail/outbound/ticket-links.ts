import type { Config } from '../../../config/config.ts';

const base = (config: Config) => config.publicUrl.replace(/\/+$/, '');

/** The ticket in the agents' interface. */
export function agentTicketUrl(config: Config, ticketId: number): string {
  return `${base(config)}/tickets/${ticketId}`;
}

/** The ticket in the customer portal, by the number the customer knows it by. */
export function customerTicketUrl(config: Config, tn: string): string {
  return `${base(config)}/customer/tickets/${tn}`;
}
