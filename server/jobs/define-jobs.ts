import {
  createResetLink,
  PASSWORD_RESET_REQUEST_JOB,
  PASSWORD_RESET_SEND_JOB,
} from '../domain/auth/password-reset/request-reset.ts';
import { sendResetMail } from '../domain/auth/password-reset/send-reset-mail.ts';
import type { DomainContext } from '../domain/context.ts';
import { INTAKE_REPLY_JOB } from '../domain/mail/inbound/intake-reply.ts';
import { processMailJob } from '../domain/mail/inbound/process-mail-job.ts';
import { MAIL_PROCESS_JOB } from '../domain/mail/inbound/receive-mail.ts';
import { sendIntakeReply } from '../domain/mail/inbound/send-intake-reply.ts';
import { sendArticle } from '../domain/mail/outbound/send-article.ts';
import { MAIL_SEND_JOB } from '../domain/mail/outbound/send-queue.ts';
import { NOTIFICATION_SEND_JOB } from '../domain/notifications/notification-queue.ts';
import { sendNotification } from '../domain/notifications/send-notification.ts';
import { dispatchTicketEvent } from '../domain/tickets/event-dispatch.ts';
import { PENDING_CHECK_JOB, runPendingCheck } from '../domain/tickets/pending-check.ts';
import { TICKET_EVENT_JOB } from '../domain/tickets/ticket-records.ts';

/** Every background job and its handler; each process that works jobs registers them all. */
export async function defineJobs(ctx: DomainContext): Promise<void> {
  await ctx.jobs.define(TICKET_EVENT_JOB, (data) => dispatchTicketEvent(ctx, data));
  await ctx.jobs.define(PENDING_CHECK_JOB, (data) => runPendingCheck(ctx, data));
  await ctx.jobs.define(MAIL_PROCESS_JOB, (data) => processMailJob(ctx, data));
  await ctx.jobs.define(INTAKE_REPLY_JOB, (data) => sendIntakeReply(ctx, data));
  await ctx.jobs.define(MAIL_SEND_JOB, (data) => sendArticle(ctx, data));
  await ctx.jobs.define(NOTIFICATION_SEND_JOB, (data) => sendNotification(ctx, data));
  await ctx.jobs.define(PASSWORD_RESET_REQUEST_JOB, (data) => createResetLink(ctx, data));
  await ctx.jobs.define(PASSWORD_RESET_SEND_JOB, (data) => sendResetMail(ctx, data));
}
