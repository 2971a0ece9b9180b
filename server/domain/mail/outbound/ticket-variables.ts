import { addressParser, type Mailbox } from 'postal-mime';
import type { Database } from '../../../db/connect.ts';
import type { Actor } from '../../permissions/actor.ts';

/**
 * The variables of the texts an agent writes with (salutations, signatures, response templates),
 * for one ticket and the agent writing. A type rather than an interface: fillVariables takes a record.
 */
export type TicketTextVariables = {
  customerFirstName: string;
  customerLastName: string;
  agentFirstName: string;
  agentLastName: string;
  queueName: string;
  ticketNumber: string;
  ticketTitle: string;
};

export const TICKET_TEXT_VARIABLES =
  'variables: {customerFirstName} {customerLastName} {agentFirstName} {agentLastName} {queueName} {ticketNumber} {ticketTitle}';

export interface VariableSources {
  ticket: {
    tn: string;
    title: string;
    queueName: string;
    /** the ticket's customer user, when it has one */
    firstName: string | null;
    lastName: string | null;
  };
  agent: { firstName: string; lastName: string } | undefined;
  /** the display name a customer wrote from ("Paolo Cevoli"), for a ticket without a customer user */
  senderName: string;
}

/** The customer's name is the ticket's customer user's, else the name the customer wrote from. */
export function ticketTextVariables({ ticket, agent, senderName }: VariableSources): TicketTextVariables {
  const [firstFromName = '', ...restFromName] = senderName.split(/\s+/).filter(Boolean);
  return {
    customerFirstName: ticket.firstName ?? firstFromName,
    customerLastName: ticket.lastName ?? restFromName.join(' '),
    agentFirstName: agent?.firstName ?? '',
    agentLastName: agent?.lastName ?? '',
    queueName: ticket.queueName,
    ticketNumber: ticket.tn,
    ticketTitle: ticket.title,
  };
}

/** The mailboxes of an address field (To, Cc, From), without groups or entries lacking an address. */
export function mailboxes(field: string): Mailbox[] {
  if (!field.trim()) return [];
  return addressParser(field, { flatten: true }).filter((item): item is Mailbox => Boolean(item.address));
}

/** The agent writing, for the {agent…} variables; none when the caller is not an agent. */
export async function writingAgent(db: Database, actor: Actor): Promise<VariableSources['agent']> {
  if (actor.kind !== 'agent') return undefined;
  return db.selectFrom('agents').select(['firstName', 'lastName']).where('id', '=', actor.agentId).executeTakeFirst();
}
