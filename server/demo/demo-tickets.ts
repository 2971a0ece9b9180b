import { addNote } from '../domain/tickets/commands/add-note.ts';
import { addPhoneCall } from '../domain/tickets/commands/add-phone-call.ts';
import { closeTicket } from '../domain/tickets/commands/close-ticket.ts';
import { createTicket } from '../domain/tickets/commands/create-ticket.ts';
import { lockTicket } from '../domain/tickets/commands/lock-ticket.ts';
import { moveTicket } from '../domain/tickets/commands/move-ticket.ts';
import { setState } from '../domain/tickets/commands/set-state.ts';
import type { DemoDesk } from './demo-desk.ts';

/** One ticket's life, told through the same domain commands the API calls. */
export interface DemoStory {
  title: string;
  run(desk: DemoDesk): Promise<void>;
}

const RONCOFRITTO = '0123456';
const PIANFIORITO = '0123457';
const UNIONE = '0123458';

const paolo = 'Paolo Cevoli <paolo.cevoli@comune.roncofritto.example>';
const anna = 'Anna Moretti <anna.moretti@comune.pianfiorito.example>';
const marco = 'Marco Galli <marco.galli@comune.pianfiorito.example>';

const email = (from: string, to: string, subject: string, bodyText: string) => ({
  channel: 'email' as const,
  senderType: 'customer' as const,
  visibleToCustomer: true,
  from,
  to,
  subject,
  bodyText,
});

export const DEMO_STORIES: DemoStory[] = [
  {
    // the operator manual's first ticket: new, unlocked, Mario Rossi responsible
    title: 'Variazione orario biblioteca',
    async run(desk) {
      const customerUser = await desk.customerUser('paolo.cevoli');
      await createTicket(desk.at(2), desk.system(), {
        title: 'Variazione orario biblioteca',
        queueId: desk.queue('FEN Energia'),
        typeId: desk.type('TLR Orario impianto'),
        customerUserId: customerUser.customerUserId,
        responsibleId: (await desk.agent('mario.rossi')).agentId,
        article: email(
          paolo,
          'energia@helpdesk.example',
          'Variazione orario biblioteca',
          [
            'Buongiorno,',
            '',
            'i nuovi orari della biblioteca a partire dal 5/10 saranno:',
            '',
            'Lunedì: 14:00 - 18:00',
            'Martedì: 9:00 - 12:00 | 14:00 - 18:00',
            'Mercoledì: 14:00 - 18:00',
            'Giovedì: 9:00 - 12:00 | 14:00 - 18:00',
            'Venerdì: 14:00 - 18:00',
            'Sabato: 9:00 - 12:00 | 14:00 - 18:00',
            'Domenica: Chiuso',
            '',
            "Si richiede di variare l'orario di attivazione dell'impianto.",
            '',
            'Paolo Cevoli',
            'Ufficio tecnico - Comune di Roncofritto',
            'Tel. 0541 000 101',
          ].join('\n'),
        ),
      });
    },
  },
  {
    // the manual's second ticket: taken in charge (locked) by Mario Rossi and open
    title: 'Accensione',
    async run(desk) {
      const mario = await desk.agent('mario.rossi');
      const { id } = await createTicket(desk.at(1), desk.system(), {
        title: 'Accensione',
        queueId: desk.queue('FEN Energia'),
        customerUserId: (await desk.customerUser('paolo.cevoli')).customerUserId,
        responsibleId: mario.agentId,
        article: email(
          paolo,
          'energia@helpdesk.example',
          'Accensione',
          [
            'Buongiorno,',
            '',
            "visto il calo delle temperature si richiede l'accensione anticipata dell'impianto di",
            'riscaldamento della scuola primaria "G. Pascoli" da lunedì, dalle 6:30 alle 16:30.',
            '',
            'Paolo Cevoli',
            'Ufficio tecnico - Comune di Roncofritto',
            'Tel. 0541 000 101',
          ].join('\n'),
        ),
      });
      await lockTicket(desk.at(1, 20), mario, id);
      await addNote(desk.at(1, 35), mario, id, {
        subject: 'Accensione programmata',
        bodyText:
          'Sentito il tecnico di zona: accensione programmata per lunedì alle 6:30, verifica in loco alle 8:00.',
        timeMinutes: 10,
      });
      await setState(desk.at(1, 36), mario, id, { stateId: desk.state('open') });
    },
  },
  {
    // someone working for two bodies names the one the request is for (the union)
    title: 'TARI: avvisi di pagamento duplicati',
    async run(desk) {
      const giulia = await desk.agent('giulia.bianchi');
      const { id } = await createTicket(desk.at(3), desk.system(), {
        title: 'TARI 2025: avvisi di pagamento duplicati per alcune utenze',
        queueId: desk.queue('Cityware - Tributi'),
        typeId: desk.type('Errore/Anomalia'),
        priorityId: desk.priority('4 high'),
        customerUserId: (await desk.customerUser('anna.moretti')).customerUserId,
        customerId: await desk.customer(UNIONE),
        article: email(
          anna,
          'tributi@helpdesk.example',
          'TARI 2025: avvisi di pagamento duplicati per alcune utenze',
          [
            'Buongiorno,',
            '',
            "nell'elaborazione degli avvisi TARI 2025 per l'Unione dei Comuni di Valle Serena, 14 utenze",
            'non domestiche risultano con due avvisi di pagamento per lo stesso periodo (esempio: codice',
            'utente 004512). In allegato avremmo voluto inviare l’elenco, ma lo trovate nella cartella',
            'condivisa "Tributi/TARI 2025".',
            '',
            'Sono raggiungibile dalle 9:00 alle 13:00.',
            '',
            'Anna Moretti',
            'Ufficio tributi - Unione dei Comuni di Valle Serena',
            'Tel. 0364 000 202',
          ].join('\n'),
        ),
      });
      await addPhoneCall(desk.at(3, 90), giulia, id, {
        direction: 'outbound',
        subject: 'Richiamata la sig.ra Moretti',
        bodyText:
          'Verificato in collegamento remoto: le utenze hanno due posizioni attive dopo la variazione di superficie. ' +
          'Correzione in corso; ricontattare la cliente dopo la rielaborazione notturna.',
        timeMinutes: 25,
        nextStateId: desk.state('pending reminder'),
        pendingUntil: new Date(Date.now() + 2 * 24 * 3600_000),
      });
    },
  },
  {
    // arrived at a generic address, landed in Raw; first level routes it to the right module
    title: 'Certificato di residenza',
    async run(desk) {
      const luca = await desk.agent('luca.ferrari');
      const { id } = await createTicket(desk.at(0, 30), desk.system(), {
        title: 'Certificato di residenza: la stampa in PDF non si apre',
        queueId: desk.queue('Raw'),
        customerUserId: (await desk.customerUser('marco.galli')).customerUserId,
        article: email(
          marco,
          'assistenza@helpdesk.example',
          'Certificato di residenza: la stampa in PDF non si apre',
          [
            'Buongiorno,',
            '',
            'da questa mattina la stampa del certificato di residenza dallo sportello anagrafe genera un PDF',
            'vuoto (0 KB). Gli altri certificati funzionano. Abbiamo utenti in attesa allo sportello.',
            '',
            'Marco Galli',
            'Servizi demografici - Comune di Pianfiorito',
            'Tel. 0364 000 203 (9:00-12:00)',
          ].join('\n'),
        ),
      });
      await moveTicket(desk.at(0, 45), luca, id, desk.queue('Cityware - Anagrafe'));
      await addNote(desk.at(0, 46), luca, id, {
        subject: 'Smistamento',
        bodyText: 'Spostato in Cityware - Anagrafe: riguarda il modulo certificati, non la posta generica.',
      });
    },
  },
  {
    // a training request: billable unless the contract includes it; agreed and closed
    title: 'Formazione modulo IMU',
    async run(desk) {
      const giulia = await desk.agent('giulia.bianchi');
      const { id } = await createTicket(desk.at(6), desk.system(), {
        title: 'Richiesta formazione sul nuovo modulo IMU',
        queueId: desk.queue('Cityware - Tributi'),
        typeId: desk.type('Formazione/Consulenza'),
        priorityId: desk.priority('2 low'),
        customerUserId: (await desk.customerUser('anna.moretti')).customerUserId,
        customerId: await desk.customer(PIANFIORITO),
        article: email(
          anna,
          'tributi@helpdesk.example',
          'Richiesta formazione sul nuovo modulo IMU',
          [
            'Buongiorno,',
            '',
            "chiediamo un incontro in videoconferenza di circa due ore sul nuovo modulo IMU per l'ufficio",
            'tributi del Comune di Pianfiorito (3 persone). Siamo disponibili martedì o giovedì mattina.',
            '',
            'Anna Moretti',
            'Ufficio tributi - Comune di Pianfiorito',
            'Tel. 0364 000 202',
          ].join('\n'),
        ),
      });
      await addNote(desk.at(6, 120), giulia, id, {
        subject: 'Appuntamento fissato',
        bodyText:
          'Incontro fissato per giovedì alle 10:00 in videoconferenza; il contratto include il servizio di ' +
          'assistenza straordinaria, quindi non è previsto addebito.',
        visibleToCustomer: true,
        timeMinutes: 5,
      });
      await closeTicket(desk.at(4), giulia, id, {
        successful: true,
        note: { subject: 'Formazione svolta', bodyText: 'Formazione svolta, 2 ore. Materiale inviato per email.' },
      });
    },
  },
  {
    // taken by phone; closed after the second failed call-back, as the vendor's instructions say
    title: 'Protocollo: ricevute PEC',
    async run(desk) {
      const giulia = await desk.agent('giulia.bianchi');
      const { id } = await createTicket(desk.at(5), giulia, {
        title: 'Protocollo: ricevute PEC non associate alla registrazione',
        queueId: desk.queue('Cityware - Protocollo'),
        typeId: desk.type('Supporto operativo'),
        customerUserId: (await desk.customerUser('marco.galli')).customerUserId,
        article: {
          channel: 'phone',
          senderType: 'customer',
          visibleToCustomer: true,
          subject: 'Telefonata: ricevute PEC',
          bodyText:
            'Il sig. Galli segnala che le ricevute di consegna PEC di ieri non risultano associate ai protocolli ' +
            'in uscita. Chiede di essere richiamato.',
        },
      });
      await addPhoneCall(desk.at(5, 60), giulia, id, {
        direction: 'outbound',
        subject: 'Primo tentativo di contatto',
        bodyText: 'Nessuna risposta al numero indicato.',
      });
      await closeTicket(desk.at(4, 60), giulia, id, {
        successful: false,
        note: {
          subject: 'Secondo tentativo di contatto non riuscito',
          bodyText: 'Secondo tentativo di richiamata senza risposta: ticket chiuso come da istruzioni di assistenza.',
          visibleToCustomer: true,
        },
      });
    },
  },
  {
    // opened by the customer user from the portal
    title: 'Guasto caldaia municipio',
    async run(desk) {
      const paoloUser = await desk.customerUser('paolo.cevoli');
      await createTicket(desk.at(0, 120), paoloUser, {
        title: 'Caldaia del municipio in blocco',
        queueId: desk.queue('FEN Energia'),
        customerId: await desk.customer(RONCOFRITTO),
        priorityId: desk.priority('4 high'),
        article: {
          channel: 'internal',
          senderType: 'customer',
          visibleToCustomer: true,
          subject: 'Caldaia del municipio in blocco',
          bodyText:
            'La caldaia del municipio è in blocco da stamattina (spia rossa accesa). Gli uffici sono senza ' +
            'riscaldamento. Referente in loco: Paolo Cevoli, 0541 000 101.',
        },
      });
    },
  },
];
