import type { AutoResponseKind } from '../../../db/schema.ts';
import type { Language } from '../../../platform/i18n.ts';

export interface MailText {
  subject: string;
  body: string;
}

/**
 * The desk's own auto-responses, used when neither the queue nor the defaults (auto_responses)
 * have a text for the kind and language. Variables: {ticketNumber}, {ticketUrl}, {subject},
 * {customerName}, {queueName}, {reasons}. The sending adds [Ticket#…] to the subject.
 */
export const BUILT_IN_AUTO_RESPONSES: Record<AutoResponseKind, Record<Language, MailText>> = {
  new_ticket: {
    it: {
      subject: 'Abbiamo ricevuto la sua richiesta: {subject}',
      body: `Gentile {customerName},

abbiamo ricevuto la sua richiesta e le abbiamo assegnato il numero {ticketNumber}.
Un operatore di {queueName} la prenderà in carico al più presto.

Può seguire la richiesta qui: {ticketUrl}
Per aggiungere informazioni risponda a questo messaggio lasciando invariato l'oggetto.

Questo è un messaggio automatico.`,
    },
    en: {
      subject: 'We have received your request: {subject}',
      body: `Dear {customerName},

we have received your request and given it the number {ticketNumber}.
An agent of {queueName} will take it up as soon as possible.

You can follow it here: {ticketUrl}
To add information, reply to this message and keep the subject as it is.

This message was sent automatically.`,
    },
  },
  follow_up: {
    it: {
      subject: 'Abbiamo ricevuto il suo messaggio: {subject}',
      body: `Gentile {customerName},

il suo messaggio è stato aggiunto alla richiesta {ticketNumber}; l'operatore che la segue lo leggerà a breve.

Può seguire la richiesta qui: {ticketUrl}

Questo è un messaggio automatico.`,
    },
    en: {
      subject: 'We have received your message: {subject}',
      body: `Dear {customerName},

your message has been added to request {ticketNumber}; the agent handling it will read it shortly.

You can follow it here: {ticketUrl}

This message was sent automatically.`,
    },
  },
  reject: {
    it: {
      subject: 'Richiesta già chiusa: {subject}',
      body: `Gentile {customerName},

la richiesta {ticketNumber} a cui ha risposto è già chiusa e non accetta altri messaggi.
Se ha bisogno ancora di aiuto, scriva un nuovo messaggio (non una risposta) con un oggetto che descriva il problema: aprirà una nuova richiesta.

Questo è un messaggio automatico.`,
    },
    en: {
      subject: 'Request already closed: {subject}',
      body: `Dear {customerName},

request {ticketNumber}, which you replied to, is closed and takes no further messages.
If you still need help, send a new message (not a reply) with a subject that describes the problem: it will open a new request.

This message was sent automatically.`,
    },
  },
  new_ticket_for_closed: {
    it: {
      subject: 'Nuova richiesta aperta: {subject}',
      body: `Gentile {customerName},

la richiesta a cui ha risposto era già chiusa, perciò il suo messaggio ha aperto una nuova richiesta con il numero {ticketNumber}.
Un operatore di {queueName} la prenderà in carico al più presto.

Può seguire la richiesta qui: {ticketUrl}

Questo è un messaggio automatico.`,
    },
    en: {
      subject: 'New request opened: {subject}',
      body: `Dear {customerName},

the request you replied to was already closed, so your message has opened a new request with the number {ticketNumber}.
An agent of {queueName} will take it up as soon as possible.

You can follow it here: {ticketUrl}

This message was sent automatically.`,
    },
  },
  intake_reject: {
    it: {
      subject: 'Richiesta non presa in carico: {subject}',
      body: `Gentile {customerName},

non abbiamo potuto prendere in carico il suo messaggio:
{reasons}

La preghiamo di scriverci di nuovo indicando nell'oggetto il motivo preciso della richiesta e, in calce, la firma di chi scrive con un recapito telefonico (fisso o cellulare), così che l'operatore possa richiamarla.

Questo è un messaggio automatico.`,
    },
    en: {
      subject: 'Request not taken in: {subject}',
      body: `Dear {customerName},

we could not take in your message:
{reasons}

Please write to us again, stating the precise reason for your request in the subject and signing the message with your name and a phone number (landline or mobile), so that the agent can call you back.

This message was sent automatically.`,
    },
  },
};
