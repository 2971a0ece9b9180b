import type { MailStatus } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';

export interface Processed {
  status: MailStatus;
  outcome: string | null;
  ticketId: number | null;
  articleId: number | null;
}

/** Placeholder while the pipeline is written: leaves the message queued. */
export async function processMail(ctx: DomainContext, id: number): Promise<Processed> {
  const row = await ctx.db
    .selectFrom('mailMessages')
    .select(['status', 'outcome', 'ticketId', 'articleId'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}
