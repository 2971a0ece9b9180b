/**
 * Server-side messages in Italian and English. Every text a user can see from the API goes
 * through here; a key missing in one language is a compile error.
 */
export type Language = 'it' | 'en';
export const LANGUAGES: readonly Language[] = ['it', 'en'];

type Params = Record<string, string | number>;

const en = {
  'error.validation': 'Invalid value for {field}: {detail}',
  'validation.unknown_field': 'unknown field',
  'validation.invalid': 'invalid value',
  'validation.one_of': 'must be one of: {values}',
  'error.unstorable_text': '{field} contains a character that cannot be stored (NUL or half of a surrogate pair)',
  'error.invalid_json': 'The request body is not valid JSON',
  'error.bad_request': 'The request cannot be read: {detail}',
  'error.unsupported_media_type': 'Send the request body as application/json',
  'error.too_large_body': 'The request body is too large (at most {limit} bytes)',
  'error.concurrent_change': 'Someone changed the same data at the same moment: try again',
  'error.unauthenticated': 'Log in first: this request has no valid session or API token',
  'error.bad_credentials': 'Wrong login or password',
  'error.csrf': 'Missing or wrong CSRF token: send the X-CSRF-Token header given at login',
  'error.forbidden': 'You do not have the "{permission}" permission on queue {queue}',
  'error.admin_only': 'Only agents in the admin group may do this',
  'error.agents_only': 'Only agents may do this',
  'error.agent_only_filter': 'Customer users cannot filter tickets by {field}',
  'error.agent_only_sort': 'Customer users cannot sort tickets by {sort}',
  'error.not_found.ticket': 'Ticket {id} does not exist or you may not see it',
  'error.not_found.article': 'Article {id} does not exist on this ticket',
  'error.not_found.queue': 'Queue {id} does not exist',
  'error.not_found.agent': 'Agent {id} does not exist',
  'error.not_found.group': 'Group {id} does not exist',
  'error.not_found.role': 'Role {id} does not exist',
  'error.not_found.customer': 'Customer {id} does not exist',
  'error.not_found.customer_user': 'Customer user {id} does not exist',
  'error.not_found.state': 'State {id} does not exist',
  'error.not_found.priority': 'Priority {id} does not exist',
  'error.not_found.type': 'Ticket type {id} does not exist',
  'error.not_found.service': 'Service {id} does not exist',
  'error.not_found.sla': 'SLA {id} does not exist',
  'error.not_found.customer_contract': 'Customer contract {id} does not exist',
  'error.contract_ends_before_start': 'The contract cannot end before it starts',
  'error.mail_empty': 'The message is empty',
  'error.mail_too_large': 'The message is too large ({size} bytes; at most {limit})',
  'error.mail_not_reprocessable': 'Message {id} cannot be processed again: it already made a ticket or is waiting',
  'error.not_found.mail_message': 'Message {id} does not exist',
  'error.not_found.postmaster_filter': 'Postmaster filter {id} does not exist',
  'error.not_found.intake_rule': 'Intake rule {id} does not exist',
  'error.bad_regex': '{field} is not a valid regular expression: {value}',
  'error.not_found.article_original': 'Article {id} of this ticket has no original message: it did not come by email',
  'error.mail_body_too_large': 'The message is too large (at most {limit} bytes)',
  'error.mail_media_type': 'Send the raw message as the request body with Content-Type: message/rfc822',
  'smtp.stored': 'Message stored as {id}',
  'smtp.duplicate': 'Message already stored as {id}',
  'smtp.domain_not_accepted': 'This server accepts mail for {domains} only, not for {address}',
  'smtp.no_domains': 'This server accepts no mail yet: no system address and no SMTP_ACCEPT_DOMAINS',
  'smtp.too_large': 'The message is too large: at most {limit} bytes',
  'smtp.unavailable': 'The message cannot be stored right now: try again later',
  'error.not_found.system_address': 'System address {id} does not exist',
  'error.not_found.salutation': 'Salutation {id} does not exist',
  'error.not_found.signature': 'Signature {id} does not exist',
  'error.not_found.response_template': 'Response template {id} does not exist',
  'error.not_found.auto_response': 'Auto-response {id} does not exist',
  'error.not_found.mail_account': 'Mail account {id} does not exist',
  'error.mail_account_queue_required': 'Choose the queue (queueId) the messages of this account go into',
  'error.mail_account_password_required': 'Give the password of the mailbox',
  'error.mail_account_busy': 'Mail account {id} is being fetched right now: try again in a moment',
  'mail_test.dns': 'The host {host} cannot be found: check the name of the mail server',
  'mail_test.connect':
    'The mail server {host} does not accept connections on port {port}: check the port and the protocol',
  'mail_test.tls':
    'The certificate of {host} is not trusted (expired, for another name or from an unknown authority); check the server, or set tlsVerify to false if it is your own server',
  'mail_test.tls_self_signed':
    'The certificate of {host} is self-signed, so it is not trusted: if it is your own mail server, set tlsVerify to false',
  'mail_test.login': 'The mail server refused login {login}: wrong login or password',
  'mail_test.folder': 'The folder {folder} does not exist in this mailbox',
  'mail_test.timeout': 'The mail server {host}:{port} does not answer in time: check host, port and firewall',
  'mail_test.protocol':
    'The mail server {host}:{port} answered unexpectedly ({detail}): check the protocol and the port',
  'error.not_found.link': 'There is no such link between the two tickets',
  'error.not_found.attachment': 'Attachment {id} does not exist',
  'error.not_found.route': 'No such API route: {id}',
  'error.subject_empty': 'Please give your request a subject that says what it is about',
  'error.subject_generic':
    'The subject is too generic: please say what the request is about (for example "Stampa avvisi TARI bloccata al 40%" rather than "Richiesta assistenza")',
  'error.send_needs_email': 'Only an email written by an agent, with a recipient in "to", can be sent',
  'error.queue_not_for_customers':
    'Requests cannot be opened in this queue: choose one of the modules the portal offers',
  'error.web_not_built': 'The web app has not been built yet: run `npm run build:web` (npm start does it for you).',
  'error.inactive': '{what} {id} is deactivated and cannot be used',
  'error.locked_by_other': 'Ticket {tn} is locked by {agent}: only they can do this until they release it',
  'error.already_locked': 'Ticket {tn} is already locked by you',
  'error.not_locked': 'Ticket {tn} is not locked',
  'error.unlock_not_owner': 'Only the owner ({agent}) can release ticket {tn}',
  'error.ticket_closed_for_action': 'Ticket {tn} is {state}: this action is not possible on it',
  'error.state_not_settable': 'State "{state}" cannot be set directly; use {hint}',
  'error.pending_needs_time': 'A pending state needs a pending time in the future',
  'error.same_queue': 'Ticket {tn} is already in queue {queue}',
  'error.agent_lacks_permission': 'Agent {agent} has no "{permission}" permission on queue {queue}',
  'error.customer_user_not_in_customer': 'Customer user {user} does not work for customer {customer}',
  'error.customer_user_many_customers':
    'Customer user {user} works for several customers: say which one the ticket is for (customerId)',
  'error.merge_self': 'A ticket cannot be merged into itself',
  'error.link_self': 'A ticket cannot be linked to itself',
  'error.link_exists': 'These tickets are already linked',
  'error.duplicate': '{what} "{value}" already exists',
  'error.in_use': '{what} {id} is still used and cannot be deleted; deactivate it instead',
  'error.default_row': '{what} {id} is part of the default data and cannot be deleted; deactivate it instead',
  'object.agent': 'Agent',
  'object.group': 'Group',
  'object.role': 'Role',
  'object.queue': 'Queue',
  'object.customer': 'Customer',
  'object.customer_user': 'Customer user',
  'object.state': 'State',
  'object.priority': 'Priority',
  'object.ticket_type': 'Ticket type',
  'object.service': 'Service',
  'object.sla': 'SLA',
  'object.customer_contract': 'Customer contract',
  'object.system_address': 'System address',
  'object.salutation': 'Salutation',
  'object.signature': 'Signature',
  'object.response_template': 'Response template',
  'object.auto_response': 'Auto-response',
  'object.mail_account': 'Mail account',
  'object.postmaster_filter': 'Postmaster filter',
  'object.intake_rule': 'Intake rule',
  'error.password_too_short': 'The password must be at least {min} characters long',
  'error.own_queues_only': 'Only the agent and admins may see or choose the agent’s queues',
  'error.admin_group_fixed': 'The admin group cannot be renamed, deactivated or deleted: admin rights depend on it',
  'error.group_reference': 'Name the group by groupId or by groupName: one of the two',
  'error.listed_twice': '{field} lists {value} twice',
  'error.one_primary_customer': 'A customer user has at most one primary customer',
  'error.service_parent_cycle': 'Service {id} cannot be placed under itself or under one of its own sub-services',
  'error.attachment_too_large': 'Attachment {filename} is {size} bytes; the limit is {limit}',
  'error.customer_forbidden': 'Customer users cannot do this',
  'error.rating_not_closed': 'A ticket can be rated once it is closed',
  'error.unavailable': 'The server is shutting down; try again in a moment',
  'error.token_one_owner':
    'A token belongs to one agent or one customer user: give agentId or customerUserId, not both',
  'error.expiry_not_future': 'The expiry date must be in the future',
  'error.expiry_too_far': 'The expiry date must be before the year 10000',
  'error.value_not_allowed': 'The value of {field} is not allowed',
  'error.values_not_allowed': 'These values do not go together',
  'error.too_many_logins': 'Too many failed logins with this name: try again in {minutes} min',
  'error.last_admin':
    'This would leave no active agent with rw on the admin group, and nobody could administer Sportello: make another agent an administrator first',
  'history.merged_note': 'Merged ticket {source} into {target}',
  'error.setting.system_id': 'The system ID must be 1 to 4 digits, not "{value}"',
  'error.setting.ticket_hook': 'The ticket hook must be 1 to 30 characters without spaces, not "{value}"',
  'error.setting.ticket_hook_divider': 'The ticket hook divider must be at most 10 characters without line breaks',
  'error.setting.time_zone': 'The time zone must be an IANA name such as Europe/Rome, not "{value}"',
  'error.setting.one_of': '{field} must be one of {values}, not "{value}"',
  'password_reset.requested':
    'If the account exists and has an email address, an email with a link to choose a new password has been sent to it. The link is valid for 60 minutes.',
  'error.invalid_reset_token':
    'This link to choose a new password is not valid: it is unknown, has already been used or has expired (links last 60 minutes). Ask for a new one.',
  'import.unknown_columns': 'Unknown columns: {columns}. The columns are: {known}',
  'import.same_column': 'The columns {columns} are the same field: keep one of them',
  'import.required': '{field} is required',
  'import.email_invalid': '"{value}" is not an email address',
  'import.too_long': '{field} is too long: at most {max} characters',
  'import.no_spaces': '{field} must not contain spaces',
  'import.one_of': '{field} must be one of: {values}',
  'import.not_yes_no': '{field} must be yes or no (or true/false, 1/0)',
  'import.invalid': 'Invalid value for {field}',
  'import.customer_exists': 'Customer number {value} already exists: to change it, import in "create or update" mode',
  'import.customer_user_exists': 'Login {value} already exists: to change it, import in "create or update" mode',
} as const;

export type MessageKey = keyof typeof en;

const it: Record<MessageKey, string> = {
  'error.validation': 'Valore non valido per {field}: {detail}',
  'validation.unknown_field': 'campo sconosciuto',
  'validation.invalid': 'valore non valido',
  'validation.one_of': 'deve essere uno tra: {values}',
  'error.unstorable_text':
    '{field} contiene un carattere che non può essere salvato (NUL o metà di una coppia surrogata)',
  'error.invalid_json': 'Il corpo della richiesta non è JSON valido',
  'error.bad_request': 'La richiesta non può essere letta: {detail}',
  'error.unsupported_media_type': 'Inviare il corpo della richiesta come application/json',
  'error.too_large_body': 'Il corpo della richiesta è troppo grande (al massimo {limit} byte)',
  'error.concurrent_change': 'Qualcun altro ha modificato gli stessi dati nello stesso momento: riprovare',
  'error.unauthenticated': 'Accedi prima: questa richiesta non ha una sessione o un token API valido',
  'error.bad_credentials': 'Nome utente o password errati',
  'error.csrf': "Token CSRF mancante o errato: invia l'intestazione X-CSRF-Token ricevuta all'accesso",
  'error.forbidden': 'Non hai il permesso "{permission}" sulla coda {queue}',
  'error.admin_only': 'Solo gli operatori del gruppo admin possono farlo',
  'error.agents_only': 'Solo gli operatori possono farlo',
  'error.agent_only_filter': 'Gli utenti cliente non possono filtrare i ticket per {field}',
  'error.agent_only_sort': 'Gli utenti cliente non possono ordinare i ticket per {sort}',
  'error.not_found.ticket': 'Il ticket {id} non esiste o non puoi vederlo',
  'error.not_found.article': 'Il messaggio {id} non esiste in questo ticket',
  'error.not_found.queue': 'La coda {id} non esiste',
  'error.not_found.agent': "L'operatore {id} non esiste",
  'error.not_found.group': 'Il gruppo {id} non esiste',
  'error.not_found.role': 'Il ruolo {id} non esiste',
  'error.not_found.customer': 'Il cliente {id} non esiste',
  'error.not_found.customer_user': "L'utente cliente {id} non esiste",
  'error.not_found.state': 'Lo stato {id} non esiste',
  'error.not_found.priority': 'La priorità {id} non esiste',
  'error.not_found.type': 'Il tipo di ticket {id} non esiste',
  'error.not_found.service': 'Il servizio {id} non esiste',
  'error.not_found.sla': "L'SLA {id} non esiste",
  'error.not_found.customer_contract': 'Il contratto cliente {id} non esiste',
  'error.contract_ends_before_start': 'Il contratto non può finire prima di iniziare',
  'error.mail_empty': 'Il messaggio è vuoto',
  'error.mail_too_large': 'Il messaggio è troppo grande ({size} byte; al massimo {limit})',
  'error.mail_not_reprocessable':
    'Il messaggio {id} non può essere rielaborato: ha già generato un ticket o è in attesa',
  'error.not_found.mail_message': 'Il messaggio {id} non esiste',
  'error.not_found.postmaster_filter': 'Il filtro postmaster {id} non esiste',
  'error.not_found.intake_rule': 'La regola di accettazione {id} non esiste',
  'error.bad_regex': '{field} non è un’espressione regolare valida: {value}',
  'error.not_found.article_original':
    'Il messaggio {id} di questo ticket non ha un messaggio originale: non è arrivato per email',
  'error.mail_body_too_large': 'Il messaggio è troppo grande (al massimo {limit} byte)',
  'error.mail_media_type': 'Invia il messaggio originale come corpo della richiesta con Content-Type: message/rfc822',
  'smtp.stored': 'Messaggio salvato come {id}',
  'smtp.duplicate': 'Messaggio già salvato come {id}',
  'smtp.domain_not_accepted': 'Questo server accetta posta solo per {domains}, non per {address}',
  'smtp.no_domains': 'Questo server non accetta ancora posta: nessun indirizzo di sistema e nessun SMTP_ACCEPT_DOMAINS',
  'smtp.too_large': 'Il messaggio è troppo grande: al massimo {limit} byte',
  'smtp.unavailable': 'Il messaggio non può essere salvato ora: riprova più tardi',
  'error.not_found.system_address': "L'indirizzo di sistema {id} non esiste",
  'error.not_found.salutation': 'Il saluto iniziale {id} non esiste',
  'error.not_found.signature': 'La firma {id} non esiste',
  'error.not_found.response_template': 'Il modello di risposta {id} non esiste',
  'error.not_found.auto_response': 'La risposta automatica {id} non esiste',
  'error.not_found.mail_account': "L'account di posta {id} non esiste",
  'error.mail_account_queue_required': 'Scegli la coda (queueId) in cui vanno i messaggi di questo account',
  'error.mail_account_password_required': 'Indica la password della casella di posta',
  'error.mail_account_busy': "L'account di posta {id} si sta già scaricando: riprova tra poco",
  'mail_test.dns': 'Il server {host} non si trova: controlla il nome del server di posta',
  'mail_test.connect':
    'Il server di posta {host} non accetta connessioni sulla porta {port}: controlla la porta e il protocollo',
  'mail_test.tls':
    "Il certificato di {host} non è attendibile (scaduto, per un altro nome o di un'autorità sconosciuta); controlla il server, oppure imposta tlsVerify a false se è un tuo server",
  'mail_test.tls_self_signed':
    'Il certificato di {host} è autofirmato, quindi non è attendibile: se è il tuo server di posta, imposta tlsVerify a false',
  'mail_test.login': "Il server di posta ha rifiutato l'accesso {login}: nome utente o password errati",
  'mail_test.folder': 'La cartella {folder} non esiste in questa casella',
  'mail_test.timeout': 'Il server di posta {host}:{port} non risponde in tempo: controlla host, porta e firewall',
  'mail_test.protocol':
    'Il server di posta {host}:{port} ha risposto in modo inatteso ({detail}): controlla il protocollo e la porta',
  'error.not_found.link': 'Non esiste un collegamento simile tra i due ticket',
  'error.not_found.attachment': "L'allegato {id} non esiste",
  'error.not_found.route': 'Percorso API inesistente: {id}',
  'error.subject_empty': 'Indicare un oggetto che dica di che cosa tratta la richiesta',
  'error.subject_generic':
    'L\'oggetto è troppo generico: indicare di che cosa tratta la richiesta (ad esempio "Stampa avvisi TARI bloccata al 40%" invece di "Richiesta assistenza")',
  'error.send_needs_email': 'Si può inviare solo un\'email scritta da un operatore, con un destinatario in "to"',
  'error.queue_not_for_customers':
    'In questa coda non si possono aprire richieste: scegli uno dei moduli offerti dal portale',
  'error.web_not_built':
    "L'applicazione web non è ancora stata compilata: eseguire `npm run build:web` (npm start lo fa da sé).",
  'error.inactive': '{what} {id} è disattivato e non può essere usato',
  'error.locked_by_other': 'Il ticket {tn} è bloccato da {agent}: solo lui può farlo finché non lo rilascia',
  'error.already_locked': 'Hai già bloccato il ticket {tn}',
  'error.not_locked': 'Il ticket {tn} non è bloccato',
  'error.unlock_not_owner': 'Solo il proprietario ({agent}) può rilasciare il ticket {tn}',
  'error.ticket_closed_for_action': 'Il ticket {tn} è {state}: questa azione non è possibile',
  'error.state_not_settable': 'Lo stato "{state}" non si imposta direttamente; usa {hint}',
  'error.pending_needs_time': 'Uno stato di attesa richiede una data futura',
  'error.same_queue': 'Il ticket {tn} è già nella coda {queue}',
  'error.agent_lacks_permission': 'L\'operatore {agent} non ha il permesso "{permission}" sulla coda {queue}',
  'error.customer_user_not_in_customer': "L'utente cliente {user} non lavora per il cliente {customer}",
  'error.customer_user_many_customers':
    "L'utente cliente {user} lavora per più clienti: indica per quale è il ticket (customerId)",
  'error.merge_self': 'Un ticket non può essere unito a sé stesso',
  'error.link_self': 'Un ticket non può essere collegato a sé stesso',
  'error.link_exists': 'Questi ticket sono già collegati',
  'error.duplicate': '{what} "{value}" esiste già',
  'error.in_use': 'Non si può eliminare {what} {id}, che è ancora in uso: si può solo disattivare',
  'error.default_row': 'Non si può eliminare {what} {id}, che fa parte dei dati predefiniti: si può solo disattivare',
  'object.agent': "l'operatore",
  'object.group': 'il gruppo',
  'object.role': 'il ruolo',
  'object.queue': 'la coda',
  'object.customer': 'il cliente',
  'object.customer_user': "l'utente cliente",
  'object.state': 'lo stato',
  'object.priority': 'la priorità',
  'object.ticket_type': 'il tipo di ticket',
  'object.service': 'il servizio',
  'object.sla': "l'SLA",
  'object.customer_contract': 'il contratto cliente',
  'object.system_address': "l'indirizzo di sistema",
  'object.salutation': 'il saluto iniziale',
  'object.signature': 'la firma',
  'object.response_template': 'il modello di risposta',
  'object.auto_response': 'la risposta automatica',
  'object.mail_account': "l'account di posta",
  'object.postmaster_filter': 'il filtro postmaster',
  'object.intake_rule': 'la regola di accettazione',
  'error.password_too_short': 'La password deve avere almeno {min} caratteri',
  'error.own_queues_only': 'Solo l’operatore stesso e gli amministratori possono vedere o scegliere le sue code',
  'error.admin_group_fixed':
    'Il gruppo admin non può essere rinominato, disattivato o eliminato: ne dipendono i diritti di amministrazione',
  'error.group_reference': 'Indica il gruppo con groupId o con groupName: uno dei due',
  'error.listed_twice': '{field} contiene {value} due volte',
  'error.one_primary_customer': 'Un utente cliente ha al massimo un cliente principale',
  'error.service_parent_cycle': 'Il servizio {id} non può stare sotto sé stesso o sotto un suo sottoservizio',
  'error.attachment_too_large': "L'allegato {filename} è di {size} byte; il limite è {limit}",
  'error.customer_forbidden': 'Gli utenti cliente non possono farlo',
  'error.rating_not_closed': 'Si può valutare una richiesta quando è chiusa',
  'error.unavailable': 'Il server si sta arrestando; riprova tra poco',
  'error.token_one_owner':
    'Un token appartiene a un operatore o a un utente cliente: indica agentId o customerUserId, non entrambi',
  'error.expiry_not_future': 'La data di scadenza deve essere nel futuro',
  'error.expiry_too_far': "La data di scadenza deve essere precedente all'anno 10000",
  'error.value_not_allowed': 'Il valore di {field} non è ammesso',
  'error.values_not_allowed': 'Questi valori non possono stare insieme',
  'error.too_many_logins': 'Troppi accessi non riusciti con questo nome: riprova tra {minutes} min',
  'error.last_admin':
    'Così nessun operatore attivo avrebbe rw sul gruppo admin e nessuno potrebbe più amministrare Sportello: prima rendi amministratore un altro operatore',
  'history.merged_note': 'Ticket {source} unito al ticket {target}',
  'error.setting.system_id': 'L\'ID di sistema deve avere da 1 a 4 cifre, non "{value}"',
  'error.setting.ticket_hook':
    'Il prefisso del numero di ticket deve avere da 1 a 30 caratteri senza spazi, non "{value}"',
  'error.setting.ticket_hook_divider':
    'Il separatore tra prefisso e numero di ticket deve avere al massimo 10 caratteri senza a capo',
  'error.setting.time_zone': 'Il fuso orario deve essere un nome IANA come Europe/Rome, non "{value}"',
  'error.setting.one_of': '{field} deve essere uno tra {values}, non "{value}"',
  'password_reset.requested':
    "Se l'account esiste e ha un indirizzo email, vi è stato inviato un messaggio con un collegamento per scegliere una nuova password. Il collegamento vale 60 minuti.",
  'error.invalid_reset_token':
    'Questo collegamento per scegliere una nuova password non è valido: è sconosciuto, è già stato usato o è scaduto (vale 60 minuti). Chiedine uno nuovo.',
  'import.unknown_columns': 'Colonne sconosciute: {columns}. Le colonne sono: {known}',
  'import.same_column': 'Le colonne {columns} sono lo stesso campo: tenerne una sola',
  'import.required': '{field} è obbligatorio',
  'import.email_invalid': '"{value}" non è un indirizzo email',
  'import.too_long': '{field} è troppo lungo: al massimo {max} caratteri',
  'import.no_spaces': '{field} non deve contenere spazi',
  'import.one_of': '{field} deve essere uno tra: {values}',
  'import.not_yes_no': '{field} deve essere sì o no (oppure true/false, 1/0)',
  'import.invalid': 'Valore non valido per {field}',
  'import.customer_exists':
    'Il numero cliente {value} esiste già: per modificarlo, importare in modalità "crea o aggiorna"',
  'import.customer_user_exists':
    'Il login {value} esiste già: per modificarlo, importare in modalità "crea o aggiorna"',
};

const catalogs: Record<Language, Record<MessageKey, string>> = { en, it };

/** A parameter naming a kind of object ("object.queue") is itself translated: "la coda", "Queue". */
function paramText(language: Language, value: string | number): string {
  if (typeof value === 'string' && value.startsWith('object.') && value in en) {
    return catalogs[language][value as MessageKey];
  }
  return String(value);
}

export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : paramText(language, value);
  });
}

/** Picks Italian or English from an Accept-Language header; Italian first, as our users are. */
export function languageFrom(header: string | undefined, fallback: Language = 'it'): Language {
  if (!header) return fallback;
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'it' || tag === 'en') return tag;
  }
  return fallback;
}
