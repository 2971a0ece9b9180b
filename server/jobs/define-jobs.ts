import type { DomainContext } from '../domain/context.ts';
import { dispatchTicketEvent } from '../domain/tickets/event-dispatch.ts';
import { PENDING_CHECK_JOB, runPendingCheck } from '../domain/tickets/pending-check.ts';
import { TICKET_EVENT_JOB } from '../domain/tickets/ticket-records.ts';

/** Every background job and its handler; each process that works jobs registers them all. */
export async function defineJobs(ctx: DomainContext): Promise<void> {
  await ctx.jobs.define(TICKET_EVENT_JOB, (data) => dispatchTicketEvent(ctx, data));
  await ctx.jobs.define(PENDING_CHECK_JOB, (data) => runPendingCheck(ctx, data));
}
