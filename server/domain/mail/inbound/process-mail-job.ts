import type { DomainContext } from '../../context.ts';
import { processMails } from './process-mail.ts';

/**
 * The safety net behind every batch of stored messages: normally the receiver processed them
 * already and this does nothing; after a crash between storing and processing it finishes the
 * work. A message that fails stays failed for an admin to look at: retrying the job would fail
 * the same way; one left queued by a transient failure fails the job, so pg-boss tries again.
 */
export async function processMailJob(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  // one message per job before messages were stored in batches
  const ids = Array.isArray(data.mailMessageIds) ? data.mailMessageIds.map(Number) : [Number(data.mailMessageId)];
  const outcomes = await processMails(
    ctx,
    ids.map((id) => ({ id })),
  );
  const transient = [...outcomes.values()].find((outcome) => outcome instanceof Error);
  if (transient) throw transient;
}
