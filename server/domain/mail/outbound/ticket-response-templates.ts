import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireVisibleTicket } from '../../tickets/queries/ticket-visibility.ts';
import { tidyBlanks } from './compose-texts.ts';
import { fillVariables } from './fill-variables.ts';
import { mailboxes, ticketTextVariables, writingAgent } from './ticket-variables.ts';

export interface TicketResponseTemplate {
  id: number;
  name: string;
  /** the template's text with the ticket's and the agent's values in its variables */
  text: string;
}

/**
 * The valid response templates offered in the ticket's queue (those listing it and those listing
 * no queue), by name, each filled in as salutations are: the ticket's customer, the agent asking,
 * the ticket number and title, the queue. Reading only; a ticket the actor may not see is not found.
 */
export async function ticketResponseTemplates(
  ctx: DomainContext,
  actor: Actor,
  ticketId: number,
): Promise<{ items: TicketResponseTemplate[] }> {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const ticket = await ctx.db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .leftJoin('customerUsers as cu', 'cu.id', 't.customerUserId')
    .select(['t.tn', 't.title', 't.queueId', 't.customerUserId', 'q.name as queueName', 'cu.firstName', 'cu.lastName'])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) throw notFound('error.not_found.ticket', ticketId);
  const templates = await ctx.db
    .selectFrom('responseTemplates as rt')
    .select(['rt.id', 'rt.name', 'rt.text'])
    .where('rt.valid', '=', true)
    .where((eb) => {
      const links = () =>
        eb.selectFrom('queueResponseTemplates as l').select('l.queueId').whereRef('l.templateId', '=', 'rt.id');
      return eb.or([eb.not(eb.exists(links())), eb.exists(links().where('l.queueId', '=', ticket.queueId))]);
    })
    .orderBy('rt.name')
    .orderBy('rt.id')
    .execute();
  if (templates.length === 0) return { items: [] };

  const agent = await writingAgent(ctx.db, actor);
  // without a customer user, the name the customer last wrote from (as a reply draft takes it)
  const lastFromCustomer =
    ticket.customerUserId === null
      ? await ctx.db
          .selectFrom('articles')
          .select('fromAddress')
          .where('ticketId', '=', ticketId)
          .where('senderType', '=', 'customer')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  const vars = ticketTextVariables({
    ticket,
    agent,
    // the display name of the first mailbox ("Paolo Cevoli <p@…>" → "Paolo Cevoli")
    senderName: mailboxes(lastFromCustomer?.fromAddress ?? '')[0]?.name ?? '',
  });
  return {
    items: templates.map((template) => ({
      id: template.id,
      name: template.name,
      text: tidyBlanks(fillVariables(template.text, vars)),
    })),
  };
}
