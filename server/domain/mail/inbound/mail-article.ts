import type { ArticleInput } from '../../tickets/article-writer.ts';
import type { MailAddress, ParsedMail } from './parsed-mail.ts';

/** "Maria Rossi <maria@comune.it>", as the article shows a sender or recipient. */
export function formatAddress(address: MailAddress): string {
  if (!address.name) return address.address;
  const name = /[",;<>@()[\]:\\]/.test(address.name) ? `"${address.name.replace(/["\\]/g, '\\$&')}"` : address.name;
  return `${name} <${address.address}>`;
}

const formatList = (addresses: MailAddress[]) => addresses.map(formatAddress).join(', ');

const bracketed = (id: string) => `<${id}>`;

/**
 * The article an email becomes. Attachments over the size limit are left out of the article and
 * flagged: the original message, kept whole, still has them.
 */
export function mailArticle(
  mail: ParsedMail,
  mailMessageId: number,
  attachmentMaxBytes: number,
  kind: Pick<ArticleInput, 'senderType' | 'visibleToCustomer'>,
  flags: string[],
): ArticleInput {
  const attachments = mail.attachments.filter((attachment) => attachment.content.byteLength <= attachmentMaxBytes);
  const tooLarge = attachments.length < mail.attachments.length ? ['attachment_too_large'] : [];
  return {
    channel: 'email',
    ...kind,
    from: mail.from ? formatAddress(mail.from) : '',
    to: formatList(mail.to),
    cc: formatList(mail.cc),
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html,
    messageId: mail.messageId ? bracketed(mail.messageId) : null,
    inReplyTo: mail.inReplyTo.map(bracketed).join(' ') || null,
    references: mail.references.map(bracketed).join(' ') || null,
    attachments: attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
      contentId: attachment.contentId,
      inline: attachment.inline,
    })),
    mailMessageId,
    flags: [...flags, ...tooLarge],
  };
}
