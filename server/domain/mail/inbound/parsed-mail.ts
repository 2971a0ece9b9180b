/** One address of a header, as parsed: the address lower-cased, the display name decoded. */
export interface MailAddress {
  address: string;
  name: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** without angle brackets; set for parts an HTML body shows in place (cid:) */
  contentId?: string;
  inline: boolean;
}

/**
 * A received message as the intake pipeline reads it: headers decoded (RFC 2047/2231), bodies in
 * Unicode whatever their charset, the HTML sanitised for display, every other part an attachment.
 */
export interface ParsedMail {
  /** without angle brackets; null when the message has none */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** Delivered-To, X-Original-To, Envelope-To, Resent-To: where the message was really sent */
  deliveredTo: MailAddress[];
  subject: string;
  date: Date | null;
  /** every header, names lower-cased, values decoded; repeated headers keep every value */
  headers: Map<string, string[]>;
  text: string;
  /** sanitised: no script, event handler, form or remote content (see sanitize-html.ts) */
  html: string | null;
  attachments: ParsedAttachment[];
  /**
   * a delivery status notification (multipart/report; report-type=delivery-status, or a
   * MAILER-DAEMON/postmaster message carrying the original): status is the DSN code ("5.1.1",
   * '' when none is given), action the DSN action ("failed", "delayed", "delivered", …)
   */
  bounce: { originalMessageId: string | null; recipients: string[]; status: string; action?: string } | null;
}
