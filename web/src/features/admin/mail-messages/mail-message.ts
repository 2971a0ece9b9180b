/** A received message as GET /api/v1/mail/messages returns it (never its raw bytes). */
export interface MailMessage {
  id: number;
  source: string;
  messageId: string | null;
  from: string;
  subject: string;
  envelopeFrom: string | null;
  envelopeTo: string;
  size: number;
  status: MailStatus;
  /** what processing made of it: new_ticket, follow_up, rejected_intake, ignored, bounce… */
  outcome: string | null;
  error: string | null;
  ticketId: number | null;
  articleId: number | null;
  attempts: number;
  receivedAt: string;
  processedAt: string | null;
}

export const MAIL_STATUSES = ['failed', 'rejected', 'ignored', 'queued', 'processed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** The server processes again only what did not end in a ticket and does not wait any more. */
export const canReprocess = (message: MailMessage) =>
  message.ticketId === null && ['failed', 'rejected', 'ignored'].includes(message.status);
