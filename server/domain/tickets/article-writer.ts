import type { Transaction } from 'kysely';
import type { Channel, DB, SenderType } from '../../db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/secrets.ts';
import type { DomainContext } from '../context.ts';
import { newMessageId } from '../mail/outbound/message-id.ts';
import { enqueueArticleSend } from '../mail/outbound/send-queue.ts';
import type { Actor } from '../permissions/actor.ts';
import { heldArticleId, heldRows } from './ticket-records.ts';

export interface AttachmentInput {
  filename: string;
  contentType: string;
  /** base64 in the API; the mail channel passes bytes */
  content: Uint8Array;
  contentId?: string;
  inline?: boolean;
}

export interface ArticleInput {
  channel: Channel;
  senderType: SenderType;
  visibleToCustomer: boolean;
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  bodyText?: string;
  bodyHtml?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string | null;
  sendStatus?: 'queued' | null;
  attachments?: AttachmentInput[];
  /** the received message the article was made from (email intake) */
  mailMessageId?: number;
  /** what intake noticed, for the agent: subject_generic, phone_missing, bounce … */
  flags?: string[];
}

/** Refuses an oversized attachment before anything is written. */
export function checkAttachments(ctx: DomainContext, attachments: AttachmentInput[] = []): void {
  for (const attachment of attachments) {
    if (attachment.content.byteLength > ctx.config.attachmentMaxBytes) {
      throw new DomainError('too_large', 'error.attachment_too_large', {
        filename: attachment.filename,
        size: attachment.content.byteLength,
        limit: ctx.config.attachmentMaxBytes,
      });
    }
  }
}

/**
 * Writes an article and its attachments; attachment bodies are stored once per content hash.
 * An article queued for sending (an agent's email, an auto-response) gets its Message-ID now, so
 * answers thread to it, and its mail-send job in the same transaction: every queued article leaves.
 */
export async function insertArticle(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticketId: number,
  input: ArticleInput,
): Promise<number> {
  checkAttachments(ctx, input.attachments);
  const values = {
    ticketId,
    channel: input.channel,
    senderType: input.senderType,
    visibleToCustomer: input.visibleToCustomer,
    fromAddress: input.from ?? '',
    toAddress: input.to ?? '',
    ccAddress: input.cc ?? '',
    subject: input.subject ?? '',
    bodyText: input.bodyText ?? '',
    bodyHtml: input.bodyHtml ?? null,
    messageId: input.messageId ?? (input.sendStatus === 'queued' ? newMessageId(ctx.config) : null),
    inReplyTo: input.inReplyTo ?? null,
    references: input.references ?? null,
    sendStatus: input.sendStatus ?? null,
    createdByAgentId: actor.kind === 'agent' ? actor.agentId : null,
    createdByCustomerUserId: actor.kind === 'customer' ? actor.customerUserId : null,
    createdAt: ctx.now(),
    mailMessageId: input.mailMessageId ?? null,
    flags: input.flags ?? [],
  };
  const held = heldRows(trx);
  // held (a batch of received mail): written with the others at the transaction's end
  const article = held
    ? { id: await heldArticleId(trx, held) }
    : await trx.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow();
  if (held) held.articles.push({ id: article.id, ...values });
  for (const attachment of input.attachments ?? []) {
    const hash = sha256(attachment.content);
    const content = { sha256: hash, size: attachment.content.byteLength, content: attachment.content };
    const row = {
      articleId: article.id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      contentId: attachment.contentId ?? null,
      inline: attachment.inline ?? false,
      size: attachment.content.byteLength,
      sha256: hash,
    };
    if (held) {
      held.contents.push(content);
      held.attachments.push(row);
      continue;
    }
    await trx
      .insertInto('attachmentContents')
      .values(content)
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx.insertInto('attachments').values(row).execute();
  }
  if (input.sendStatus === 'queued') await enqueueArticleSend(ctx, trx, article.id);
  return article.id;
}
