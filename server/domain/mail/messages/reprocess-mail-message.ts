import type { DomainContext } from '../../context.ts';
import { requeueMail } from '../inbound/receive-mail.ts';
import { getMailMessage } from './mail-message-queries.ts';

/**
 * An admin's "process again" of a failed, rejected or ignored message (after fixing a filter or a
 * queue): a message that does not exist is a 404, one that made a ticket or still waits a 409.
 */
export async function reprocessMailMessage(ctx: DomainContext, id: number) {
  await getMailMessage(ctx, id);
  await requeueMail(ctx, id);
  return getMailMessage(ctx, id);
}
