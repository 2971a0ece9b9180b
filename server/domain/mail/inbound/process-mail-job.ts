import type { DomainContext } from '../../context.ts';
import { processMail } from './process-mail.ts';

/**
 * The safety net behind every stored message: normally the receiver processed it already and this
 * does nothing; after a crash between storing and processing it finishes the work. A message
 * that fails stays failed for an admin to look at: retrying the job would fail the same way.
 */
export async function processMailJob(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  await processMail(ctx, Number(data.mailMessageId));
}
