import type { Config } from '../../../config/config.ts';
import type { SenderType } from '../../../db/schema.ts';
import type { SenderAddress } from './sender-address.ts';
import type { OutgoingMessage } from './smtp-send.ts';
import { ticketSubject } from './ticket-subject.ts';

export interface ArticleToSend {
  tn: string;
  senderType: SenderType;
  toAddress: string;
  ccAddress: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
}

export interface FileToSend {
  filename: string;
  contentType: string;
  contentId: string | null;
  inline: boolean;
  content: Uint8Array;
}

/** Headers that keep machines from answering machines (RFC 3834, and Exchange's own). */
export function autoReplyHeaders(sender: SenderAddress): Record<string, string> {
  return { 'Auto-Submitted': 'auto-replied', 'X-Loop': sender.address, 'X-Auto-Response-Suppress': 'All' };
}

/** The MIME message of an outgoing article, as nodemailer builds it. */
export function articleMessage(
  config: Config,
  article: ArticleToSend,
  sender: SenderAddress,
  files: FileToSend[],
): OutgoingMessage {
  return {
    from: { name: sender.name, address: sender.address },
    to: article.toAddress || undefined,
    cc: article.ccAddress || undefined,
    subject: ticketSubject(config, article.tn, article.subject),
    messageId: article.messageId,
    inReplyTo: article.inReplyTo ?? undefined,
    references: article.references ?? undefined,
    text: article.bodyText,
    html: article.bodyHtml ?? undefined,
    // the system's own articles are auto-responses: mark them so that no auto-responder answers
    headers: article.senderType === 'system' ? autoReplyHeaders(sender) : {},
    attachments: files.map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      content: Buffer.from(file.content),
      cid: file.contentId?.replace(/^<|>$/g, '') ?? undefined,
      contentDisposition: file.inline ? 'inline' : 'attachment',
    })),
  };
}

/** "Name <address>" as the article's From shows it. */
export function formatAddress(sender: SenderAddress): string {
  const name = sender.name.replace(/["\\]/g, '');
  return name ? `"${name}" <${sender.address}>` : sender.address;
}
