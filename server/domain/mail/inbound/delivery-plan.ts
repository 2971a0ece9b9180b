import type { ArticleInput } from '../../tickets/article-writer.ts';
import type { PreparedTicket } from '../../tickets/commands/create-ticket.ts';
import type { IntakeFlag } from './intake-rules.ts';
import type { MailAddress, ParsedMail } from './parsed-mail.ts';

/** How to answer the sender, if at all. */
export interface AnswerPlan {
  blocker: string | null;
  language: 'it' | 'en';
  replyTo: MailAddress | null;
  customerName: string;
}

interface Base {
  mail: ParsedMail;
  mailMessageId: number;
  /** the postmaster filters that matched, for the history */
  filters: string[];
}

/** What a message becomes, decided before the transaction that makes it so. */
export type DeliveryPlan = Base &
  (
    | { kind: 'ignore' }
    | {
        kind: 'bounce';
        ticketId: number;
        /** the outgoing article the delivery report is about */
        reportedArticleId: number;
        /** delivery failed for good (else only delayed) */
        failed: boolean;
        article: ArticleInput;
      }
    | { kind: 'follow_up'; ticketId: number; article: ArticleInput; answer: AnswerPlan }
    | {
        kind: 'new_ticket';
        prepared: PreparedTicket;
        /** set when the queue opens a new ticket for a follow-up to this closed one */
        closedTicketId: number | null;
        answer: AnswerPlan;
        createCustomer: boolean;
      }
    | { kind: 'reject_intake'; queueId: number; rejections: IntakeFlag[]; answer: AnswerPlan }
  );
