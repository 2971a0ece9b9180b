import { sql } from 'kysely';
import type { MailStatus } from '../../../db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import { HEAD_BYTES, summarizeHeaders } from './header-summary.ts';

export interface ListMailMessagesParams {
  status?: MailStatus;
  page?: number;
  pageSize?: number;
}

/** Every column an admin sees, and the start of the raw message for From and Subject; never the whole raw. */
function selectView(ctx: DomainContext) {
  return ctx.db
    .selectFrom('mailMessages')
    .select([
      'id',
      'source',
      'messageId',
      'envelopeFrom',
      'envelopeTo',
      'size',
      'status',
      'outcome',
      'error',
      'ticketId',
      'articleId',
      'attempts',
      'receivedAt',
      'processedAt',
      sql<Uint8Array>`substring(raw from 1 for ${sql.lit(HEAD_BYTES)})`.as('head'),
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectView>['executeTakeFirstOrThrow']>>;

function present({ head, ...row }: ViewRow) {
  return {
    ...row,
    ...summarizeHeaders(head),
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt ? row.processedAt.toISOString() : null,
  };
}

export type MailMessageView = ReturnType<typeof present>;

/** The admins' view of received mail, newest first: what failed, what waits, what became what. */
export async function listMailMessages(ctx: DomainContext, params: ListMailMessagesParams) {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? 50;
  let rows = selectView(ctx);
  let count = ctx.db.selectFrom('mailMessages').select((eb) => eb.fn.countAll<number>().as('total'));
  if (params.status) {
    rows = rows.where('status', '=', params.status);
    count = count.where('status', '=', params.status);
  }
  const [items, total] = await Promise.all([
    rows
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.total), page, pageSize, items: items.map(present) };
}

export async function getMailMessage(ctx: DomainContext, id: number): Promise<MailMessageView> {
  const row = await selectView(ctx).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('error.not_found.mail_message', id);
  return present(row);
}

/** The message exactly as it arrived: kept even when it cannot be parsed, so an admin can read it. */
export async function getRawMailMessage(ctx: DomainContext, id: number): Promise<Uint8Array> {
  const row = await ctx.db.selectFrom('mailMessages').select('raw').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('error.not_found.mail_message', id);
  return row.raw;
}
