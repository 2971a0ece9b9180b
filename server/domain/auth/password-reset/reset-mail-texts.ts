import type { Language } from '../../../platform/i18n.ts';
import type { MailText } from '../../mail/outbound/auto-response-texts.ts';

/**
 * The email with a link to choose a new password, by who asked (agents are addressed as "tu", as
 * their notifications do; customer users as "Lei", as their auto-responses do) and language.
 * Variables: {name}, {login}, {url}, {minutes}.
 */
export const RESET_MAIL_TEXTS: Record<'agent' | 'customer', Record<Language, MailText>> = {
  agent: {
    it: {
      subject: 'Scegli una nuova password per Sportello',
      body: `Ciao {name},

abbiamo ricevuto una richiesta di scegliere una nuova password per il tuo accesso {login} a Sportello.
Per sceglierla apri questo collegamento entro {minutes} minuti:

{url}

Il collegamento vale una volta sola. Se non l'hai chiesto tu, ignora questo messaggio: la tua password resta quella di prima.

-- 
Messaggio automatico di Sportello.`,
    },
    en: {
      subject: 'Choose a new password for Sportello',
      body: `Hello {name},

we received a request to choose a new password for your Sportello login {login}.
To choose it, open this link within {minutes} minutes:

{url}

The link works once. If you did not ask for it, ignore this message: your password stays as it was.

-- 
Automatic message from Sportello.`,
    },
  },
  customer: {
    it: {
      subject: 'Scelga una nuova password per il portale',
      body: `Gentile {name},

abbiamo ricevuto una richiesta di scegliere una nuova password per il Suo accesso {login} al portale.
Per sceglierla apra questo collegamento entro {minutes} minuti:

{url}

Il collegamento vale una sola volta. Se non l'ha chiesto Lei, ignori questo messaggio: la Sua password resta quella di prima.

Questo è un messaggio automatico.`,
    },
    en: {
      subject: 'Choose a new password for the portal',
      body: `Dear {name},

we received a request to choose a new password for your portal login {login}.
To choose it, open this link within {minutes} minutes:

{url}

The link works once. If you did not ask for it, ignore this message: your password stays as it was.

This is an automatic message.`,
    },
  },
};
