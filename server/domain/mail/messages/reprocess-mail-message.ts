import { requireAdmin } from '../../config/require-admin.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requeueMail } from '../inbound/receive-mail.ts';
import { getMailMessage } from './mail-message-queries.ts';

/**
 * An admin's "process again" of a failed, rejected or ignored message (after fixing a filter or a
 * queue): a message that does not exist is a 404, one that made a ticket or still waits a 409.
 */
export async function reprocessMailMessage(ctx: DomainContext, actor: Actor, id: number) {
  requireAdmin(actor);
  await getMailMessage(ctx, id);
  await requeueMail(ctx, actor, id);
  return getMailMessage(ctx, id);
}
