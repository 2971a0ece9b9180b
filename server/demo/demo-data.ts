import type { CliMessageKey } from '../cli/cli-messages.ts';
import type { Permission } from '../db/schema.ts';

/**
 * A small demo help desk built from the two seed documents: a utility's energy desk (FEN Energia,
 * with the operator manual's tickets "Variazione orario biblioteca" and "Accensione" for the
 * Comune di Roncofritto) and a software vendor's desk with one queue per product module
 * ("Cityware - Tributi", …). Every address is under .example: nothing here can reach a real mailbox.
 */

export interface DemoGroup {
  name: string;
  comments: string;
}

export const DEMO_GROUPS: DemoGroup[] = [
  { name: 'energia', comments: 'Impianti termici e orari di accensione (FEN Energia).' },
  { name: 'cityware', comments: 'Assistenza applicativi Cityware, una coda per modulo.' },
];

export interface DemoQueue {
  name: string;
  group: string;
  address: string;
  displayName: string;
  comments: string;
}

export const DEMO_QUEUES: DemoQueue[] = [
  {
    name: 'FEN Energia',
    group: 'energia',
    address: 'energia@helpdesk.example',
    displayName: 'Assistenza FEN Energia',
    comments: 'Gestione calore degli edifici comunali: orari impianto, accensioni, guasti.',
  },
  {
    name: 'Cityware - Tributi',
    group: 'cityware',
    address: 'tributi@helpdesk.example',
    displayName: 'Assistenza Cityware Tributi',
    comments: 'Modulo Tributi: IMU, TARI, avvisi di pagamento.',
  },
  {
    name: 'Cityware - Anagrafe',
    group: 'cityware',
    address: 'anagrafe@helpdesk.example',
    displayName: 'Assistenza Cityware Anagrafe',
    comments: 'Modulo Anagrafe: certificati, residenze, stato civile.',
  },
  {
    name: 'Cityware - Protocollo',
    group: 'cityware',
    address: 'protocollo@helpdesk.example',
    displayName: 'Assistenza Cityware Protocollo',
    comments: 'Modulo Protocollo: registrazione, PEC, conservazione.',
  },
];

/**
 * The three kinds of request of the vendor's instructions, and the manual's "TLR Orario impianto".
 * Operational support and training/consultancy are billable unless the customer's contract includes
 * them (the technical assistance service PALASS, the extraordinary assistance service); a fault never is.
 */
export const DEMO_TICKET_TYPES: { name: string; billableWithoutContract: boolean }[] = [
  { name: 'TLR Orario impianto', billableWithoutContract: false },
  { name: 'Errore/Anomalia', billableWithoutContract: false },
  { name: 'Supporto operativo', billableWithoutContract: true },
  { name: 'Formazione/Consulenza', billableWithoutContract: true },
];

/** Standard answers agents pick when writing (OTRS response templates); "every queue" when no queue is named. */
export const DEMO_RESPONSE_TEMPLATES: { name: string; text: string; queues: string[] }[] = [
  {
    name: 'Richiesta informazioni mancanti',
    text:
      'Gentile {customerFirstName},\nper procedere con la richiesta {ticketNumber} ci servono ancora:\n' +
      '- un numero di telefono e gli orari in cui possiamo richiamarla;\n- una schermata dell’errore.\n' +
      'Può rispondere a questa email.',
    queues: [],
  },
  {
    name: 'Intervento pianificato',
    text:
      'Gentile {customerFirstName},\nabbiamo pianificato l’intervento per la richiesta "{ticketTitle}". ' +
      'La avviseremo a lavoro concluso.\n{agentFirstName} {agentLastName}',
    queues: ['FEN Energia'],
  },
  {
    name: 'Chiusura richiesta',
    text:
      'Gentile {customerFirstName},\nla richiesta {ticketNumber} è stata risolta e viene chiusa. ' +
      'Se il problema si ripresenta, risponda a questa email: il ticket verrà riaperto.',
    queues: [],
  },
];

export interface Grant {
  group: string;
  permissions: Permission[];
}

export interface DemoRole {
  name: string;
  comments: string;
  grants: Grant[];
}

export const DEMO_ROLES: DemoRole[] = [
  {
    name: 'Operatori FEN Energia',
    comments: 'Lavorano i ticket della coda FEN Energia.',
    grants: [
      { group: 'users', permissions: ['rw'] },
      { group: 'energia', permissions: ['rw'] },
    ],
  },
  {
    name: 'Operatori Cityware',
    comments: 'Lavorano i ticket delle code Cityware.',
    grants: [
      { group: 'users', permissions: ['rw'] },
      { group: 'cityware', permissions: ['rw'] },
    ],
  },
  {
    name: 'Primo livello',
    comments: 'Smistamento: leggono, annotano e spostano i ticket di tutte le code.',
    grants: [
      { group: 'users', permissions: ['rw'] },
      { group: 'energia', permissions: ['ro', 'note', 'move_into', 'create'] },
      { group: 'cityware', permissions: ['ro', 'note', 'move_into', 'create'] },
    ],
  },
];

export interface DemoAgent {
  login: string;
  firstName: string;
  lastName: string;
  password: string;
  roles: string[];
  grants: Grant[];
  /** "My queues": the queues the agent follows on the dashboard */
  queues: string[];
  /** who this is, in the logins list that `sportello start --demo` prints (server/cli/cli-messages.ts) */
  description: CliMessageKey;
}

export const DEMO_AGENTS: DemoAgent[] = [
  {
    login: 'admin',
    firstName: 'Admin',
    lastName: 'Sportello',
    password: 'admin-demo',
    roles: [],
    grants: [
      { group: 'admin', permissions: ['rw'] },
      { group: 'users', permissions: ['rw'] },
      { group: 'stats', permissions: ['rw'] },
      { group: 'energia', permissions: ['rw'] },
      { group: 'cityware', permissions: ['rw'] },
    ],
    queues: [],
    description: 'demo.login.admin',
  },
  {
    login: 'mario.rossi',
    firstName: 'Mario',
    lastName: 'Rossi',
    password: 'mario-demo',
    roles: ['Operatori FEN Energia'],
    grants: [{ group: 'stats', permissions: ['ro'] }],
    queues: ['FEN Energia'],
    description: 'demo.login.mario_rossi',
  },
  {
    login: 'giulia.bianchi',
    firstName: 'Giulia',
    lastName: 'Bianchi',
    password: 'giulia-demo',
    roles: ['Operatori Cityware'],
    grants: [],
    queues: ['Cityware - Tributi', 'Cityware - Anagrafe', 'Cityware - Protocollo'],
    description: 'demo.login.giulia_bianchi',
  },
  {
    login: 'luca.ferrari',
    firstName: 'Luca',
    lastName: 'Ferrari',
    password: 'luca-demo',
    roles: ['Primo livello'],
    grants: [],
    queues: ['FEN Energia', 'Cityware - Tributi'],
    description: 'demo.login.luca_ferrari',
  },
];

/** The agent whose presence marks the demo data as loaded. */
export const DEMO_MARKER_AGENT = 'mario.rossi';

export interface DemoCustomer {
  key: string;
  name: string;
  street: string;
  zip: string;
  city: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  // the customer id shown in the operator manual's ticket zoom
  {
    key: '0123456',
    name: 'Comune di Roncofritto',
    street: 'Piazza del Municipio 1',
    zip: '47999',
    city: 'Roncofritto',
  },
  { key: '0123457', name: 'Comune di Pianfiorito', street: 'Via Roma 12', zip: '25099', city: 'Pianfiorito' },
  {
    key: '0123458',
    name: 'Unione dei Comuni di Valle Serena',
    street: 'Via dei Mulini 4',
    zip: '25098',
    city: 'Pianfiorito',
  },
];

/**
 * Contracts by customer key: Roncofritto has both services, the Union the technical assistance only,
 * Pianfiorito none (it pays for operational support and training).
 */
export const DEMO_CONTRACTS: { customer: string; name: string; validFrom: string; ticketTypes: string[] }[] = [
  {
    customer: '0123456',
    name: 'PALASS — Servizio assistenza tecnica',
    validFrom: '2024-01-01',
    ticketTypes: ['Supporto operativo'],
  },
  {
    customer: '0123456',
    name: 'Servizio assistenza straordinaria',
    validFrom: '2024-01-01',
    ticketTypes: ['Formazione/Consulenza'],
  },
  {
    customer: '0123458',
    name: 'PALASS — Servizio assistenza tecnica',
    validFrom: '2024-01-01',
    ticketTypes: ['Supporto operativo'],
  },
];

export interface DemoCustomerUser {
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  /** customer keys; the first is the primary one */
  customers: string[];
  comments: string;
}

export const DEMO_CUSTOMER_USERS: DemoCustomerUser[] = [
  {
    login: 'paolo.cevoli',
    firstName: 'Paolo',
    lastName: 'Cevoli',
    email: 'paolo.cevoli@comune.roncofritto.example',
    phone: '0541 000 101',
    password: 'paolo-demo',
    customers: ['0123456'],
    comments: 'Ufficio tecnico.',
  },
  {
    login: 'anna.moretti',
    firstName: 'Anna',
    lastName: 'Moretti',
    email: 'anna.moretti@comune.pianfiorito.example',
    phone: '0364 000 202',
    password: 'anna-demo',
    // works for the municipality and for the union: she must say which body a request is for
    customers: ['0123457', '0123458'],
    comments: 'Ufficio tributi; presta servizio anche per l’Unione dei Comuni.',
  },
  {
    login: 'marco.galli',
    firstName: 'Marco',
    lastName: 'Galli',
    email: 'marco.galli@comune.pianfiorito.example',
    phone: '0364 000 203',
    password: 'marco-demo',
    customers: ['0123457'],
    comments: 'Servizi demografici. Reperibile 9:00-12:00.',
  },
];
