import type { Language } from '../platform/i18n.ts';

/**
 * What the `sportello` command prints, in Italian and English: help texts, progress labels,
 * results, refusals and the configuration's sentences. A key missing in one language is a
 * compile error, as in server/platform/i18n.ts (which holds the API's messages; the CLI shows
 * those too, for DomainErrors, translated into the same language).
 *
 * The language comes from the POSIX locale: the first non-empty of LC_ALL, LC_MESSAGES, LANG;
 * a value starting with "it" is Italian, anything else (unset, C, POSIX, en_US…) English.
 */

/** A parameter that is itself a message, translated into the same language when the text is made. */
export interface MessageRef {
  key: CliMessageKey;
  params?: CliParams;
}

export type CliParams = Record<string, string | number | MessageRef>;

const en = {
  // the program and commander's own help and errors
  'program.description': 'Sportello help desk: run the server and administer it from the command line.',
  'program.version_option': 'print the version',
  'program.help_option': 'show help for a command',
  'program.help_command': 'show help for a command',
  'program.help_after_error': '(run with --help for usage)',
  'program.after':
    'Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, SYSTEM_ID,\n' +
    'PUBLIC_URL, TIME_ZONE, TICKET_NUMBER_GENERATOR, ATTACHMENT_MAX_BYTES, LOG_LEVEL.\n' +
    'Messages are in Italian when LC_ALL, LC_MESSAGES or LANG starts with "it", in English otherwise.\n' +
    'Exit codes: 0 done, 1 failed, 2 bad usage or configuration, 3 data directory in use.',
  'help.usage': 'Usage:',
  'help.arguments': 'Arguments:',
  'help.options': 'Options:',
  'help.global_options': 'Global Options:',
  'help.commands': 'Commands:',
  // commander's error sentences, in its own English words (kept exactly as commander prints them)
  'commander.unknown_command': "error: unknown command '{name}'",
  'commander.unknown_option': "error: unknown option '{flag}'",
  'commander.did_you_mean': '(Did you mean {suggestion}?)',
  'commander.missing_argument': "error: missing required argument '{name}'",
  'commander.option_argument_missing': "error: option '{flags}' argument missing",
  'commander.required_option': "error: required option '{flags}' not specified",
  'commander.invalid_argument': "error: option '{flags}' argument '{value}' is invalid.",
  'commander.too_many_arguments': 'error: too many arguments. Expected {expected} argument(s) but got {received}.',
  'commander.too_many_arguments_for':
    "error: too many arguments for '{command}'. Expected {expected} argument(s) but got {received}.",
  'agent.description': 'Manage agents: agent add',
  'token.description': 'Manage API tokens: token create',
  'mail.description': 'Received mail: mail ingest',

  // failures
  'error.debug_hint': '(set SPORTELLO_DEBUG=1 to see the details)',

  // sportello start
  'start.description':
    'Start Sportello: web app and REST API, job workers and, on the embedded database, the local socket ' +
    'for the other commands. Creates and migrates the database on the first start.',
  'start.demo_option': 'load the demo data (Italian help desk, demo logins) if it is not there yet',
  'start.port_option': 'TCP port to listen on, 0 for any free port (overrides PORT; default 3000)',
  'start.host_option': 'address to listen on (overrides HOST; default 127.0.0.1)',
  'start.after':
    'Stop with Ctrl-C or SIGTERM: requests under way finish, jobs stop, the database is closed cleanly.\n' +
    'Only one server may use an embedded data directory (DATA_DIR); a second start there is refused.',
  'start.stopping': 'Stopping Sportello: finishing requests under way…',
  'start.stop_timeout': 'the server did not stop within 20 seconds; exiting anyway.',
  'start.stopping_at_once': 'stopping at once.',
  'start.stopped': 'Sportello stopped.',
  'start.waiting_for_command': 'Waiting for sportello {command} (pid {pid}) to finish…',
  'start.refused_server':
    'Sportello is already running on the data directory {dataDir} (pid {pid}); stop it first, or set DATA_DIR to ' +
    'another directory (if no such process exists, delete {dataDir}/sportello.lock)',
  'start.refused_command':
    'sportello {command} is running on the data directory {dataDir} (pid {pid}); stop it first, or set DATA_DIR to ' +
    'another directory (if no such process exists, delete {dataDir}/sportello.lock)',
  'listen.in_use': '{where} is already in use; set PORT to a free port',
  'listen.no_permission': 'no permission to listen on {where}; use a port above 1024',
  'listen.not_local': 'HOST {host} is not an address of this machine',
  'listen.not_resolving': 'HOST {host} is a name that does not resolve to an address of this machine',
  'socket.path_too_long': 'the data directory path is too long for the local socket {file}; use a shorter DATA_DIR',

  // the start banner
  'banner.running': 'Sportello is running at {url}',
  'banner.api_docs': 'API docs',
  'banner.database': 'Database',
  'banner.public_url': 'Public URL',
  'banner.local_socket': 'Local socket',
  'banner.socket_use': '{socket} (used by the sportello command)',
  'banner.smtp': 'SMTP listener',
  'banner.smtp_use': '{address} (for your MTA to relay to; no authentication)',
  'smtp.in_use': '{where} is already in use; set SMTP_LISTEN_PORT to a free port',
  'smtp.no_permission':
    'no permission to listen on {where}; use an SMTP_LISTEN_PORT above 1024 and let the MTA relay to it',
  'banner.demo_loaded': 'Demo data loaded.',
  'banner.agent_logins': 'Demo logins for agents (log in to the web app at the address above):',
  'banner.customer_logins':
    'Demo logins for customer users (the customer area: the address above followed by /portal):',
  'banner.stop': 'Stop with Ctrl-C.',

  // the demo data and its logins
  'demo.description':
    'Load the demo data: an Italian help desk with queues (FEN Energia, Cityware - Tributi, …), agents, ' +
    'customers and a few tickets in various states. Does nothing if it is already there.',
  'demo.after': 'Works whether or not the server runs; `start --demo` does the same on the first start.',
  'demo.loaded': 'Loaded the demo data with {tickets} tickets {via}.',
  'demo.already_loaded': 'The demo data is already loaded {via}; nothing to do.',
  'demo.logins': 'Demo logins:',
  'demo.kind.agent': 'agent',
  'demo.kind.customer': 'customer',
  'demo.login.admin': 'administrator, every queue',
  'demo.login.mario_rossi': 'agent, responsible for FEN Energia',
  'demo.login.giulia_bianchi': 'agent, Cityware queues',
  'demo.login.luca_ferrari': 'first-level agent: reads, notes and moves',
  'demo.customers_and': '{first} and {second}',
  'demo.stream_ended': 'the server stopped answering before the demo data was loaded',

  // sportello migrate
  'migrate.description':
    'Create or update the database schema (and the job queue schema). `start` does this too; ' +
    'run it on its own to upgrade a PostgreSQL database before starting several servers.',
  'migrate.dry_run_option': 'list the migrations that would be applied, and change nothing',
  'migrate.up_to_date': 'The database is up to date ({database}).',
  'migrate.applied_one': 'Applied 1 migration ({names}) to {database}.',
  'migrate.applied_many': 'Applied {count} migrations ({names}) to {database}.',
  'migrate.pending_one': '1 migration to apply to {database}.',
  'migrate.pending_many': '{count} migrations to apply to {database}.',
  'migrate.not_created':
    'The database does not exist yet (embedded PGlite in {dir}): migrate or start would create it ' +
    'and apply all {count} migrations; nothing was created.',
  'migrate.busy':
    'sportello {command} (pid {pid}) is using {dataDir}; stop it before migrating (start migrates the database by itself)',

  // sportello agent add
  'agent_add.description': 'Create an agent who can log in to the agent app, with permissions on groups.',
  'agent_add.login_argument': 'the login name, e.g. mario.rossi',
  'agent_add.first_name_option': 'first name',
  'agent_add.last_name_option': 'last name',
  'agent_add.email_option': 'email address (notifications go there)',
  'agent_add.password_option': 'password (visible to other users in the process list: prefer --password-stdin)',
  'agent_add.password_stdin_option': 'read the password from standard input',
  'agent_add.group_option':
    'permissions on a group, repeatable: users:rw, energia:ro,note,move_into; rw (everything) when omitted; ' +
    'admin:rw makes an administrator',
  'agent_add.after':
    'Permissions: ro, move_into, create, note, owner, priority, rw (rw implies every other).\n' +
    'Example:\n' +
    '  sportello agent add mario.rossi --first-name Mario --last-name Rossi \\\n' +
    '    --email mario.rossi@example.com --group users:rw --group admin:rw --password-stdin',
  'agent_add.both_passwords': 'give the password either with --password or with --password-stdin, not both',
  'agent_add.stdin_empty': '--password-stdin was given but standard input was empty',
  'agent_add.created': 'Created agent {login} (id {id}) {via}.',
  'agent_add.created_with': 'Created agent {login} (id {id}) with {grants} {via}.',
  'agent_add.no_password': 'The agent has no password yet, so cannot log in; API tokens work (token create).',

  // sportello token create
  'token_create.description':
    'Create an API token for an agent and print it once on standard output; only its hash is kept. ' +
    'Programs send it as "Authorization: Bearer <token>" and act with that agent’s permissions.',
  'token_create.agent_option': 'the agent the token acts for',
  'token_create.name_option': 'what the token is for, e.g. "monitoring" (shown in token lists)',
  'token_create.expires_option': 'when the token stops working, e.g. 2026-12-31 (default: never)',
  'token_create.after': 'Example:\n  TOKEN=$(sportello token create --agent mario.rossi --name "report script")',
  'token_create.created': 'Created token "{name}" (id {id}) for agent {agent} {via}.',
  'token_create.created_until': 'Created token "{name}" (id {id}) for agent {agent}, valid until {expires} {via}.',
  'token_create.shown_once': 'It is shown only this once: store it now.',

  // sportello mail ingest (exit codes from sysexits.h: an MTA reads them)
  'mail_ingest.description':
    'Read one email message from standard input, unmodified, and store it in Sportello, which makes a ticket ' +
    'or a follow-up of it: for an MTA pipe (Postfix mailbox_command, or an alias "|sportello mail ingest").',
  'mail_ingest.url_option':
    'hand the message over HTTP(S) to the Sportello server at this address, for an MTA on another machine ' +
    '(default: SPORTELLO_URL)',
  'mail_ingest.token_option': 'API token of an administrator, for --url (default: SPORTELLO_TOKEN)',
  'mail_ingest.sender_option': 'the envelope sender (Postfix: $SENDER), kept with the message',
  'mail_ingest.recipient_option':
    'an envelope recipient (Postfix: $ORIGINAL_RECIPIENT), repeatable: where the message was really sent',
  'mail_ingest.after':
    'Without --url the message goes to the server running on DATA_DIR, over its local socket (run the\n' +
    "MTA's command as the user who runs the server), or with DATABASE_URL straight into PostgreSQL.\n" +
    'Exit codes (sysexits, as MTAs read them):\n' +
    '  0   stored (also when it had been stored before)\n' +
    '  65  empty or too large message: the MTA returns it to the sender\n' +
    '  64  bad options\n' +
    '  75  the server or the database cannot be reached, or no server runs on the embedded database:\n' +
    '      the MTA keeps the message and tries again\n' +
    '  77  the API token was refused\n' +
    'Examples:\n' +
    '  Postfix main.cf: mailbox_command = /usr/local/bin/sportello mail ingest\n' +
    '  /etc/aliases:    supporto: "|/usr/local/bin/sportello mail ingest --url https://helpdesk.example"\n' +
    '                   (with SPORTELLO_TOKEN in the environment)',
  'mail_ingest.stored': 'Stored message {id} {via}.',
  'mail_ingest.duplicate': 'Message {id} was stored before {via}; nothing to do.',
  'mail_ingest.via_url': 'at {url}',
  'mail_ingest.token_needed': '--url needs an API token: give --token or set SPORTELLO_TOKEN',
  'mail_ingest.url_needed':
    '--token goes with --url (or SPORTELLO_URL); without one the message goes to the local server',
  'mail_ingest.bad_url': 'the server address must start with http:// or https://, not "{value}"',
  'mail_ingest.empty': 'standard input was empty: there is no message to store',
  'mail_ingest.too_large':
    'the message is too large for the help desk ({size} bytes; at most {limit}): send it again without the ' +
    'large attachments, or in parts',
  'mail_ingest.no_server':
    'no Sportello server runs on {dataDir}, so the message was not stored; the MTA keeps it and tries again ' +
    '(start the server: sportello start)',
  'mail_ingest.server_busy':
    '{dataDir} is held by {owner}, which does not answer on its socket; the message was not stored, the MTA tries again',
  'mail_ingest.unreachable': 'the Sportello server {where} cannot be reached ({reason}); the MTA tries again',
  'mail_ingest.refused': 'the Sportello server did not store the message ({detail}); the MTA tries again',
  'mail_ingest.token_refused': 'the Sportello server refused the API token: {detail}',
  'mail_ingest.not_stored': 'the message was not stored ({detail}); the MTA tries again',
  'mail_ingest.socket_denied':
    "no permission to use {socket}: run the MTA's command as the user who runs the server; the MTA tries again",

  // how a command reached the data, and who holds it
  'via.socket': 'through the running server (pid {pid})',
  'via.direct': 'directly in the database ({database})',
  'database.embedded': 'embedded PGlite in {dir}',
  'database.postgres': 'PostgreSQL at {url}',
  'owner.command': 'sportello {command} (pid {pid})',
  'owner.unknown': 'another process (pid {pid})',
  'connect.waiting': 'Waiting for {owner}, which holds {dataDir}…',
  'connect.busy':
    '{dataDir} is in use by {owner}, which does not answer on its socket; wait for it to finish or stop it, then try again',
  'socket.http_status': 'the server answered with HTTP status {status}',

  // progress bars: titles and steps
  'progress.opening': 'Opening the database',
  'progress.preparing': 'Preparing the database',
  'progress.migrating': 'Migrating',
  'progress.loading_demo': 'Loading demo data',
  'progress.creating_embedded': 'Creating the embedded database in {dir} (a few seconds, once)…',
  'progress.connecting': 'connecting',
  'progress.opening_embedded': 'opening the embedded database',
  'progress.migration': 'migration {name}',
  'progress.job_queue': 'job queue',
  'progress.ready': 'ready',
  'progress.demo_config': 'groups, queues, agents and customers',
  'progress.done': 'done',

  // PostgreSQL connection failures
  'database.unreachable':
    'the PostgreSQL server at {where} could not be reached ({reason}); check DATABASE_URL ({url})',
  'database.refused': 'the PostgreSQL server at {where} refused the connection ({detail}); check DATABASE_URL ({url})',
  'network.connection_refused': 'connection refused',
  'network.host_not_found': 'host name not found',
  'network.timed_out': 'timed out',
  'network.host_unreachable': 'host unreachable',
  'network.network_unreachable': 'network unreachable',
  'network.connection_reset': 'connection reset',

  // option values (commander prints them after its "option … argument … is invalid.")
  'option.port': 'it must be a whole number from 0 to 65535.',
  'option.empty': 'it must not be empty.',
  'option.host': 'it must be {rule}.',
  'option.group_format': 'write it as GROUP or GROUP:PERMISSIONS, for example users:rw or energia:ro,note.',
  'option.not_permission': '"{permission}" is not a permission; use {permissions}.',
  'option.expiry_format': 'write a date such as 2026-12-31 or a date and time such as 2026-12-31T18:00:00+01:00.',
  'option.no_month': 'there is no month {month}; {format}',
  'option.no_day': '{year}-{month} has no day {day}; {format}',
  'option.no_time': 'there is no time {time}; {format}',
  'option.bad_offset': 'the time zone offset is not valid; {format}',
  'option.past': '{value} is in the past; it must be in the future.',

  // the environment (server/config/config.ts)
  'config.integer': '{name} must be a whole number from {min} to {max}, not "{value}"',
  'config.system_id': 'SYSTEM_ID must be 1 to 4 digits (OTRS uses 10), not "{value}"',
  'config.database_url': 'DATABASE_URL must start with postgres:// or postgresql://, not "{value}"',
  'config.time_zone': 'TIME_ZONE must be an IANA time zone such as Europe/Rome, not "{value}"',
  'config.ticket_hook': 'TICKET_HOOK must be 1 to 30 characters without spaces (OTRS uses Ticket#), not "{value}"',
  'config.ticket_hook_divider': 'TICKET_HOOK_DIVIDER must be at most 10 characters without line breaks, not "{value}"',
  'config.one_of': '{name} must be one of {values}, not "{value}"',
  'config.host': 'HOST must be {rule}, not "{value}"',
  'config.host_rule': 'an IP address (such as 127.0.0.1, 0.0.0.0 or ::1) or a host name (such as localhost)',
  'config.public_url': 'PUBLIC_URL must be an http:// or https:// address, not "{value}"',
} as const;

export type CliMessageKey = keyof typeof en;

const it: Record<CliMessageKey, string> = {
  'program.description': 'Sportello help desk: avvia il server e amministralo dalla riga di comando.',
  'program.version_option': 'mostra la versione',
  'program.help_option': "mostra l'aiuto di un comando",
  'program.help_command': "mostra l'aiuto di un comando",
  'program.help_after_error': "(usa --help per l'uso)",
  'program.after':
    "La configurazione viene dall'ambiente: PORT, HOST, DATA_DIR, DATABASE_URL, SYSTEM_ID,\n" +
    'PUBLIC_URL, TIME_ZONE, TICKET_NUMBER_GENERATOR, ATTACHMENT_MAX_BYTES, LOG_LEVEL.\n' +
    'I messaggi sono in italiano se LC_ALL, LC_MESSAGES o LANG inizia con "it", altrimenti in inglese.\n' +
    'Codici di uscita: 0 fatto, 1 non riuscito, 2 uso o configurazione errati, 3 cartella dei dati in uso.',
  'help.usage': 'Uso:',
  'help.arguments': 'Argomenti:',
  'help.options': 'Opzioni:',
  'help.global_options': 'Opzioni globali:',
  'help.commands': 'Comandi:',
  'commander.unknown_command': "errore: comando sconosciuto '{name}'",
  'commander.unknown_option': "errore: opzione sconosciuta '{flag}'",
  'commander.did_you_mean': '(Forse intendevi {suggestion}?)',
  'commander.missing_argument': "errore: manca l'argomento obbligatorio '{name}'",
  'commander.option_argument_missing': "errore: manca il valore dell'opzione '{flags}'",
  'commander.required_option': "errore: l'opzione obbligatoria '{flags}' non è stata indicata",
  'commander.invalid_argument': "errore: il valore '{value}' dell'opzione '{flags}' non è valido.",
  'commander.too_many_arguments': 'errore: troppi argomenti: ne sono previsti {expected}, ricevuti {received}.',
  'commander.too_many_arguments_for':
    "errore: troppi argomenti per '{command}': ne sono previsti {expected}, ricevuti {received}.",
  'agent.description': 'Gestisci gli operatori: agent add',
  'token.description': 'Gestisci i token API: token create',
  'mail.description': 'Posta ricevuta: mail ingest',

  'error.debug_hint': '(imposta SPORTELLO_DEBUG=1 per vedere i dettagli)',

  'start.description':
    'Avvia Sportello: app web e API REST, job worker e, con il database integrato, il socket locale per gli altri comandi. Al primo avvio crea il database e ne applica le migrazioni.',
  'start.demo_option': 'carica i dati demo (un help desk italiano, con accessi demo) se non ci sono ancora',
  'start.port_option':
    'porta TCP su cui ascoltare, 0 per una porta libera qualsiasi (sostituisce PORT; predefinita 3000)',
  'start.host_option': 'indirizzo su cui ascoltare (sostituisce HOST; predefinito 127.0.0.1)',
  'start.after':
    'Ferma con Ctrl-C o SIGTERM: le richieste in corso finiscono, i job si fermano, il database viene chiuso in modo pulito.\n' +
    'Una cartella dei dati del database integrato (DATA_DIR) può essere usata da un solo server; un secondo start lì viene rifiutato.',
  'start.stopping': 'Arresto di Sportello: completamento delle richieste in corso…',
  'start.stop_timeout': 'il server non si è fermato entro 20 secondi; esco comunque.',
  'start.stopping_at_once': 'arresto immediato.',
  'start.stopped': 'Sportello arrestato.',
  'start.waiting_for_command': 'In attesa che sportello {command} (pid {pid}) finisca…',
  'start.refused_server':
    'Sportello è già in funzione sulla cartella dei dati {dataDir} (pid {pid}); fermalo prima, oppure imposta DATA_DIR ' +
    "su un'altra cartella (se quel processo non esiste, elimina {dataDir}/sportello.lock)",
  'start.refused_command':
    'sportello {command} è in esecuzione sulla cartella dei dati {dataDir} (pid {pid}); fermalo prima, oppure imposta ' +
    "DATA_DIR su un'altra cartella (se quel processo non esiste, elimina {dataDir}/sportello.lock)",
  'listen.in_use': '{where} è già in uso; imposta PORT su una porta libera',
  'listen.no_permission': 'nessun permesso per ascoltare su {where}; usa una porta sopra la 1024',
  'listen.not_local': 'HOST {host} non è un indirizzo di questa macchina',
  'listen.not_resolving': 'HOST {host} è un nome che non corrisponde a un indirizzo di questa macchina',
  'socket.path_too_long':
    'il percorso della cartella dei dati è troppo lungo per il socket locale {file}; usa una DATA_DIR più corta',

  'banner.running': 'Sportello è in funzione su {url}',
  'banner.api_docs': 'Documentazione API',
  'banner.database': 'Database',
  'banner.public_url': 'URL pubblico',
  'banner.local_socket': 'Socket locale',
  'banner.socket_use': '{socket} (usato dal comando sportello)',
  'banner.smtp': 'Ricezione SMTP',
  'banner.smtp_use': '{address} (il tuo MTA vi inoltra la posta; senza autenticazione)',
  'smtp.in_use': '{where} è già in uso; imposta SMTP_LISTEN_PORT a una porta libera',
  'smtp.no_permission':
    'nessun permesso di ascoltare su {where}; usa una SMTP_LISTEN_PORT sopra 1024 e fai inoltrare la posta dal MTA',
  'banner.demo_loaded': 'Dati demo caricati.',
  'banner.agent_logins': "Accessi demo per gli operatori (accesso all'applicazione web all'indirizzo sopra):",
  'banner.customer_logins':
    "Accessi demo per gli utenti cliente (l'area clienti: l'indirizzo sopra seguito da /portal):",
  'banner.stop': 'Ferma con Ctrl-C.',

  'demo.description':
    'Carica i dati demo: un help desk italiano con code (FEN Energia, Cityware - Tributi, …), operatori, ' +
    'clienti e alcuni ticket in vari stati. Non fa nulla se ci sono già.',
  'demo.after': 'Funziona sia con il server in funzione sia senza; `start --demo` fa lo stesso al primo avvio.',
  'demo.loaded': 'Dati demo caricati, con {tickets} ticket, {via}.',
  'demo.already_loaded': 'I dati demo sono già caricati {via}; niente da fare.',
  'demo.logins': 'Accessi demo:',
  'demo.kind.agent': 'operatore',
  'demo.kind.customer': 'cliente',
  'demo.login.admin': 'amministratore, tutte le code',
  'demo.login.mario_rossi': 'operatore, responsabile per FEN Energia',
  'demo.login.giulia_bianchi': 'operatore, code Cityware',
  'demo.login.luca_ferrari': 'operatore di primo livello: legge, annota e sposta',
  'demo.customers_and': '{first} e {second}',
  'demo.stream_ended': 'il server ha smesso di rispondere prima che i dati demo fossero caricati',

  'migrate.description':
    'Crea o aggiorna lo schema del database (e quello della coda dei job). Lo fa anche `start`; ' +
    'eseguilo da solo per aggiornare un database PostgreSQL prima di avviare più server.',
  'migrate.dry_run_option': 'elenca le migrazioni che verrebbero applicate, senza cambiare nulla',
  'migrate.up_to_date': 'Il database è aggiornato ({database}).',
  'migrate.applied_one': 'Applicata 1 migrazione ({names}) a {database}.',
  'migrate.applied_many': 'Applicate {count} migrazioni ({names}) a {database}.',
  'migrate.pending_one': '1 migrazione da applicare a {database}.',
  'migrate.pending_many': '{count} migrazioni da applicare a {database}.',
  'migrate.not_created':
    'Il database non esiste ancora (PGlite integrato in {dir}): migrate o start lo creerebbero ' +
    'applicando tutte le {count} migrazioni; non è stato creato nulla.',
  'migrate.busy':
    'sportello {command} (pid {pid}) sta usando {dataDir}; fermalo prima di applicare le migrazioni (start le applica da sé)',

  'agent_add.description': "Crea un operatore che può accedere all'app operatori, con permessi sui gruppi.",
  'agent_add.login_argument': 'il nome di accesso, per esempio mario.rossi',
  'agent_add.first_name_option': 'nome',
  'agent_add.last_name_option': 'cognome',
  'agent_add.email_option': 'indirizzo email (dove arrivano le notifiche)',
  'agent_add.password_option':
    "password (visibile agli altri utenti nell'elenco dei processi: meglio --password-stdin)",
  'agent_add.password_stdin_option': "legge la password dall'input standard",
  'agent_add.group_option':
    'permessi su un gruppo, ripetibile: users:rw, energia:ro,note,move_into; rw (tutto) se omessi; ' +
    'admin:rw crea un amministratore',
  'agent_add.after':
    'Permessi: ro, move_into, create, note, owner, priority, rw (rw comprende tutti gli altri).\n' +
    'Esempio:\n' +
    '  sportello agent add mario.rossi --first-name Mario --last-name Rossi \\\n' +
    '    --email mario.rossi@example.com --group users:rw --group admin:rw --password-stdin',
  'agent_add.both_passwords': 'indica la password con --password oppure con --password-stdin, non con entrambe',
  'agent_add.stdin_empty': "è stato indicato --password-stdin ma l'input standard era vuoto",
  'agent_add.created': "Creato l'operatore {login} (id {id}) {via}.",
  'agent_add.created_with': "Creato l'operatore {login} (id {id}) con {grants} {via}.",
  'agent_add.no_password':
    "L'operatore non ha ancora una password, quindi non può accedere; i token API funzionano (token create).",

  'token_create.description':
    "Crea un token API per un operatore e lo stampa una sola volta sull'output standard; si conserva solo il suo hash. " +
    'I programmi lo inviano come "Authorization: Bearer <token>" e agiscono con i permessi di quell\'operatore.',
  'token_create.agent_option': "l'operatore per cui agisce il token",
  'token_create.name_option':
    'a che cosa serve il token, per esempio "monitoraggio" (mostrato negli elenchi dei token)',
  'token_create.expires_option': 'quando il token smette di funzionare, per esempio 2026-12-31 (predefinito: mai)',
  'token_create.after': 'Esempio:\n  TOKEN=$(sportello token create --agent mario.rossi --name "script report")',
  'token_create.created': 'Creato il token "{name}" (id {id}) per l\'operatore {agent} {via}.',
  'token_create.created_until':
    'Creato il token "{name}" (id {id}) per l\'operatore {agent}, valido fino a {expires}, {via}.',
  'token_create.shown_once': 'Viene mostrato solo questa volta: conservalo ora.',

  'mail_ingest.description':
    'Legge un messaggio email dallo standard input, senza modificarlo, e lo salva in Sportello, che ne fa un ' +
    'ticket o un seguito: per la consegna da un MTA (mailbox_command di Postfix, o un alias "|sportello mail ingest").',
  'mail_ingest.url_option':
    "consegna il messaggio via HTTP(S) al server Sportello a questo indirizzo, per un MTA su un'altra macchina " +
    '(predefinito: SPORTELLO_URL)',
  'mail_ingest.token_option': 'token API di un amministratore, per --url (predefinito: SPORTELLO_TOKEN)',
  'mail_ingest.sender_option': 'il mittente della busta (Postfix: $SENDER), conservato con il messaggio',
  'mail_ingest.recipient_option':
    'un destinatario della busta (Postfix: $ORIGINAL_RECIPIENT), ripetibile: dove il messaggio è stato davvero inviato',
  'mail_ingest.after':
    'Senza --url il messaggio va al server avviato su DATA_DIR, attraverso il suo socket locale (esegui il\n' +
    "comando dell'MTA con l'utente che esegue il server), o con DATABASE_URL direttamente in PostgreSQL.\n" +
    'Codici di uscita (sysexits, come li leggono gli MTA):\n' +
    '  0   salvato (anche se era già stato salvato)\n' +
    "  65  messaggio vuoto o troppo grande: l'MTA lo restituisce al mittente\n" +
    '  64  opzioni errate\n' +
    '  75  server o database non raggiungibili, o nessun server avviato sul database integrato:\n' +
    "      l'MTA tiene il messaggio e riprova\n" +
    '  77  token API rifiutato\n' +
    'Esempi:\n' +
    '  Postfix main.cf: mailbox_command = /usr/local/bin/sportello mail ingest\n' +
    '  /etc/aliases:    supporto: "|/usr/local/bin/sportello mail ingest --url https://helpdesk.example"\n' +
    "                   (con SPORTELLO_TOKEN nell'ambiente)",
  'mail_ingest.stored': 'Messaggio {id} salvato {via}.',
  'mail_ingest.duplicate': 'Il messaggio {id} era già stato salvato {via}; niente da fare.',
  'mail_ingest.via_url': 'su {url}',
  'mail_ingest.token_needed': '--url richiede un token API: indica --token o imposta SPORTELLO_TOKEN',
  'mail_ingest.url_needed': '--token va con --url (o SPORTELLO_URL); senza, il messaggio va al server locale',
  'mail_ingest.bad_url': 'l\'indirizzo del server deve iniziare con http:// o https://, non "{value}"',
  'mail_ingest.empty': "lo standard input era vuoto: non c'è nessun messaggio da salvare",
  'mail_ingest.too_large':
    'il messaggio è troppo grande per il servizio di assistenza ({size} byte; al massimo {limit}): invialo di ' +
    'nuovo senza gli allegati grandi, o in più parti',
  'mail_ingest.no_server':
    "nessun server Sportello è avviato su {dataDir}, quindi il messaggio non è stato salvato; l'MTA lo tiene e " +
    'riprova (avvia il server: sportello start)',
  'mail_ingest.server_busy':
    "{dataDir} è occupata da {owner}, che non risponde sul suo socket; il messaggio non è stato salvato, l'MTA riprova",
  'mail_ingest.unreachable': "il server Sportello {where} non è raggiungibile ({reason}); l'MTA riprova",
  'mail_ingest.refused': "il server Sportello non ha salvato il messaggio ({detail}); l'MTA riprova",
  'mail_ingest.token_refused': 'il server Sportello ha rifiutato il token API: {detail}',
  'mail_ingest.not_stored': "il messaggio non è stato salvato ({detail}); l'MTA riprova",
  'mail_ingest.socket_denied':
    "nessun permesso di usare {socket}: esegui il comando dell'MTA con l'utente che esegue il server; l'MTA riprova",

  'via.socket': 'tramite il server in funzione (pid {pid})',
  'via.direct': 'direttamente nel database ({database})',
  'database.embedded': 'PGlite integrato in {dir}',
  'database.postgres': 'PostgreSQL su {url}',
  'owner.command': 'sportello {command} (pid {pid})',
  'owner.unknown': 'un altro processo (pid {pid})',
  'connect.waiting': 'In attesa di {owner}, che tiene {dataDir}…',
  'connect.busy':
    '{dataDir} è in uso da {owner}, che non risponde sul suo socket; aspetta che finisca o fermalo, poi riprova',
  'socket.http_status': 'il server ha risposto con lo stato HTTP {status}',

  'progress.opening': 'Apertura del database',
  'progress.preparing': 'Preparazione del database',
  'progress.migrating': 'Migrazioni',
  'progress.loading_demo': 'Caricamento dei dati demo',
  'progress.creating_embedded': 'Creazione del database integrato in {dir} (qualche secondo, una volta sola)…',
  'progress.connecting': 'connessione',
  'progress.opening_embedded': 'apertura del database integrato',
  'progress.migration': 'migrazione {name}',
  'progress.job_queue': 'coda dei job',
  'progress.ready': 'pronto',
  'progress.demo_config': 'gruppi, code, operatori e clienti',
  'progress.done': 'fatto',

  'database.unreachable':
    'il server PostgreSQL su {where} non è raggiungibile ({reason}); controlla DATABASE_URL ({url})',
  'database.refused':
    'il server PostgreSQL su {where} ha rifiutato la connessione ({detail}); controlla DATABASE_URL ({url})',
  'network.connection_refused': 'connessione rifiutata',
  'network.host_not_found': 'nome host non trovato',
  'network.timed_out': 'tempo scaduto',
  'network.host_unreachable': 'host irraggiungibile',
  'network.network_unreachable': 'rete irraggiungibile',
  'network.connection_reset': 'connessione interrotta',

  'option.port': 'deve essere un numero intero da 0 a 65535.',
  'option.empty': 'non deve essere vuoto.',
  'option.host': 'deve essere {rule}.',
  'option.group_format': 'scrivilo come GRUPPO o GRUPPO:PERMESSI, per esempio users:rw o energia:ro,note.',
  'option.not_permission': '"{permission}" non è un permesso; usa {permissions}.',
  'option.expiry_format': 'scrivi una data come 2026-12-31 o una data e ora come 2026-12-31T18:00:00+01:00.',
  'option.no_month': 'non esiste il mese {month}; {format}',
  'option.no_day': '{year}-{month} non ha il giorno {day}; {format}',
  'option.no_time': "non esiste l'ora {time}; {format}",
  'option.bad_offset': 'lo scostamento del fuso orario non è valido; {format}',
  'option.past': '{value} è nel passato; deve essere nel futuro.',

  'config.integer': '{name} deve essere un numero intero da {min} a {max}, non "{value}"',
  'config.system_id': 'SYSTEM_ID deve avere da 1 a 4 cifre (OTRS usa 10), non "{value}"',
  'config.database_url': 'DATABASE_URL deve iniziare con postgres:// o postgresql://, non "{value}"',
  'config.time_zone': 'TIME_ZONE deve essere un fuso orario IANA come Europe/Rome, non "{value}"',
  'config.ticket_hook': 'TICKET_HOOK deve avere da 1 a 30 caratteri senza spazi (OTRS usa Ticket#), non "{value}"',
  'config.ticket_hook_divider': 'TICKET_HOOK_DIVIDER deve avere al massimo 10 caratteri senza a capo, non "{value}"',
  'config.one_of': '{name} deve essere uno tra {values}, non "{value}"',
  'config.host': 'HOST deve essere {rule}, non "{value}"',
  'config.host_rule': 'un indirizzo IP (come 127.0.0.1, 0.0.0.0 o ::1) o un nome host (come localhost)',
  'config.public_url': 'PUBLIC_URL deve essere un indirizzo http:// o https://, non "{value}"',
};

/** Both tables, for the check that each message takes the same {params} in either language. */
export const CLI_CATALOGS: Readonly<Record<Language, Readonly<Record<CliMessageKey, string>>>> = { en, it };
const catalogs = CLI_CATALOGS;

/** The language of the POSIX locale: the first non-empty of LC_ALL, LC_MESSAGES, LANG. */
export function cliLanguage(env: Record<string, string | undefined> = process.env): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale?.startsWith('it') ? 'it' : 'en';
}

/** One message in a given language, its {params} filled in. */
export function cliText(language: Language, key: CliMessageKey, params: CliParams = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? cliText(language, value.key, value.params) : String(value);
  });
}

/** One message in the language of this process's locale. */
export function t(key: CliMessageKey, params: CliParams = {}): string {
  return cliText(cliLanguage(), key, params);
}
