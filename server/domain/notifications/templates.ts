import type { Language } from '../../platform/i18n.ts';
import type { MailText } from '../mail/outbound/auto-response-texts.ts';

export type NotificationKind =
  | 'new_ticket'
  | 'follow_up'
  | 'locked'
  | 'unlocked'
  | 'moved'
  | 'owner_changed'
  | 'responsible_changed'
  | 'note_added'
  | 'pending_reminder'
  | 'send_failed'
  | 'customer_ticket_created'
  | 'customer_reply'
  | 'customer_closed';

const AGENT_FOOTER = {
  it: '\n\nApri il ticket: {url}\n\n-- \nNotifica di Sportello. Puoi scegliere quali ricevere nelle tue preferenze.',
  en: '\n\nOpen the ticket: {url}\n\n-- \nSportello notification. You can choose which ones you get in your preferences.',
};
const CUSTOMER_FOOTER = {
  it: '\n\nPuò seguire la richiesta qui: {url}\nPer rispondere, risponda a questo messaggio lasciando invariato l’oggetto.',
  en: '\n\nYou can follow your request here: {url}\nTo answer, reply to this message and keep the subject as it is.',
};

const agent = (it: MailText, en: MailText): Record<Language, MailText> => ({
  it: { subject: it.subject, body: it.body + AGENT_FOOTER.it },
  en: { subject: en.subject, body: en.body + AGENT_FOOTER.en },
});
const customer = (it: MailText, en: MailText): Record<Language, MailText> => ({
  it: { subject: it.subject, body: it.body + CUSTOMER_FOOTER.it },
  en: { subject: en.subject, body: en.body + CUSTOMER_FOOTER.en },
});

/**
 * Notification texts by kind and language. Variables: {title}, {tn}, {queue}, {url}, {time},
 * {actor}, {customer}, {articleSubject}, {articleText}, {error}, {recipientName}. The subject gets
 * [Ticket#…] when sent.
 */
export const NOTIFICATION_TEMPLATES: Record<NotificationKind, Record<Language, MailText>> = {
  new_ticket: agent(
    {
      subject: 'Nuovo ticket in {queue}: {title}',
      body: 'Ciao {recipientName},\n\nil {time} è arrivato un nuovo ticket nella coda {queue}.\n\nCliente: {customer}\nOggetto: {articleSubject}\n\n{articleText}',
    },
    {
      subject: 'New ticket in {queue}: {title}',
      body: 'Hello {recipientName},\n\na new ticket arrived in queue {queue} on {time}.\n\nCustomer: {customer}\nSubject: {articleSubject}\n\n{articleText}',
    },
  ),
  follow_up: agent(
    {
      subject: 'Nuovo messaggio del cliente: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {customer} ha aggiunto un messaggio al ticket {tn}.\n\nOggetto: {articleSubject}\n\n{articleText}',
    },
    {
      subject: 'Customer follow-up: {title}',
      body: 'Hello {recipientName},\n\non {time} {customer} added a message to ticket {tn}.\n\nSubject: {articleSubject}\n\n{articleText}',
    },
  ),
  locked: agent(
    {
      subject: 'Ticket bloccato: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {actor} ha bloccato il ticket {tn} (coda {queue}).',
    },
    {
      subject: 'Ticket locked: {title}',
      body: 'Hello {recipientName},\n\non {time} {actor} locked ticket {tn} (queue {queue}).',
    },
  ),
  unlocked: agent(
    {
      subject: 'Ticket sbloccato: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {actor} ha sbloccato il ticket {tn} (coda {queue}): ora chiunque nella coda può prenderlo.',
    },
    {
      subject: 'Ticket unlocked: {title}',
      body: 'Hello {recipientName},\n\non {time} {actor} unlocked ticket {tn} (queue {queue}): anyone in the queue may now take it.',
    },
  ),
  moved: agent(
    {
      subject: 'Ticket spostato in {queue}: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {actor} ha spostato il ticket {tn} nella coda {queue}.',
    },
    {
      subject: 'Ticket moved to {queue}: {title}',
      body: 'Hello {recipientName},\n\non {time} {actor} moved ticket {tn} to queue {queue}.',
    },
  ),
  owner_changed: agent(
    {
      subject: 'Ora il ticket è tuo: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {actor} ti ha reso proprietario del ticket {tn} (coda {queue}).',
    },
    {
      subject: 'You now own the ticket: {title}',
      body: 'Hello {recipientName},\n\non {time} {actor} made you the owner of ticket {tn} (queue {queue}).',
    },
  ),
  responsible_changed: agent(
    {
      subject: 'Sei il nuovo responsabile: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {actor} ti ha reso responsabile del ticket {tn} (coda {queue}).',
    },
    {
      subject: 'You are now responsible: {title}',
      body: 'Hello {recipientName},\n\non {time} {actor} made you responsible for ticket {tn} (queue {queue}).',
    },
  ),
  note_added: agent(
    {
      subject: 'Nuova nota: {title}',
      body: 'Ciao {recipientName},\n\nil {time} {actor} ha aggiunto una nota al ticket {tn}.\n\nOggetto: {articleSubject}\n\n{articleText}',
    },
    {
      subject: 'New note: {title}',
      body: 'Hello {recipientName},\n\non {time} {actor} added a note to ticket {tn}.\n\nSubject: {articleSubject}\n\n{articleText}',
    },
  ),
  pending_reminder: agent(
    {
      subject: 'Promemoria scaduto: {title}',
      body: 'Ciao {recipientName},\n\nil promemoria del ticket {tn} (coda {queue}) è scaduto il {time}: è ora di riprenderlo.',
    },
    {
      subject: 'Reminder reached: {title}',
      body: 'Hello {recipientName},\n\nthe reminder of ticket {tn} (queue {queue}) was reached on {time}: time to take it up again.',
    },
  ),
  send_failed: agent(
    {
      subject: 'Email non inviata: {title}',
      body: 'Ciao {recipientName},\n\nnon è stato possibile inviare l’email «{articleSubject}» del ticket {tn}.\n\nRisposta del server: {error}\n\nControlla i destinatari e scrivila di nuovo.',
    },
    {
      subject: 'Email not sent: {title}',
      body: 'Hello {recipientName},\n\nthe email "{articleSubject}" of ticket {tn} could not be sent.\n\nServer answer: {error}\n\nCheck the recipients and write it again.',
    },
  ),
  customer_ticket_created: customer(
    {
      subject: 'Abbiamo aperto una richiesta per lei: {title}',
      body: 'Gentile {recipientName},\n\nil {time} abbiamo aperto per lei la richiesta {tn}.\n\n{articleText}',
    },
    {
      subject: 'We have opened a request for you: {title}',
      body: 'Dear {recipientName},\n\non {time} we opened request {tn} for you.\n\n{articleText}',
    },
  ),
  customer_reply: customer(
    {
      subject: 'Novità sulla sua richiesta: {title}',
      body: 'Gentile {recipientName},\n\nil {time} {actor} ha scritto sulla sua richiesta {tn}:\n\n{articleText}',
    },
    {
      subject: 'News on your request: {title}',
      body: 'Dear {recipientName},\n\non {time} {actor} wrote on your request {tn}:\n\n{articleText}',
    },
  ),
  customer_closed: customer(
    {
      subject: 'La sua richiesta è stata chiusa: {title}',
      body: 'Gentile {recipientName},\n\nil {time} la sua richiesta {tn} è stata chiusa.\nSe ha ancora bisogno di aiuto, ci scriva.',
    },
    {
      subject: 'Your request has been closed: {title}',
      body: 'Dear {recipientName},\n\non {time} your request {tn} was closed.\nIf you still need help, write to us.',
    },
  ),
};
