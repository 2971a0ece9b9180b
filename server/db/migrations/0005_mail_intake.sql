-- Email intake: mail accounts, the raw message store, postmaster filters, intake rules,
-- auto-responses and their loop protection.

-- Mailboxes fetched on a schedule (and, for IMAP, at once through IDLE). dispatch 'address' routes
-- by the system address a message was sent to; 'queue' puts every message into queue_id.
CREATE TABLE mail_accounts (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  protocol text NOT NULL CHECK (protocol IN ('imap','imaps','pop3','pop3s')),
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  login text NOT NULL,
  password text NOT NULL,
  folder text NOT NULL DEFAULT 'INBOX',
  -- false accepts a self-signed certificate (a desk's own mail server)
  tls_verify boolean NOT NULL DEFAULT true,
  dispatch text NOT NULL DEFAULT 'address' CHECK (dispatch IN ('address','queue')),
  queue_id integer REFERENCES queues(id),
  -- X-Sportello-* headers (queue, priority …) are obeyed only from a trusted account
  trusted boolean NOT NULL DEFAULT false,
  poll_seconds integer NOT NULL DEFAULT 300 CHECK (poll_seconds BETWEEN 10 AND 86400),
  last_fetch_at timestamptz,
  last_error text,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (dispatch <> 'queue' OR queue_id IS NOT NULL)
);

-- Every message received, stored before anything else happens, by whichever way it came. The
-- dedupe key (Message-ID and content, without the trace headers each hop adds) makes a message
-- fetched or delivered twice the same row, so a crash between storing and deleting it from the
-- mailbox creates no second ticket.
CREATE TABLE mail_messages (
  id bigserial PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  message_id text,
  source text NOT NULL CHECK (source IN ('imap','pop3','smtp','pipe','api')),
  account_id integer REFERENCES mail_accounts(id),
  envelope_from text,
  envelope_to text NOT NULL DEFAULT '',
  raw bytea NOT NULL,
  size integer NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued','processed','rejected','ignored','failed')),
  -- what processing made of it: new_ticket, follow_up, new_ticket_for_closed, rejected_follow_up,
  -- rejected_intake, bounce, ignored, junk
  outcome text,
  error text,
  ticket_id integer REFERENCES tickets(id),
  article_id integer,
  attempts integer NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE INDEX mail_messages_pending ON mail_messages (status, id) WHERE status IN ('queued','failed');
CREATE INDEX mail_messages_ticket ON mail_messages (ticket_id) WHERE ticket_id IS NOT NULL;

-- The article an email became keeps its original message; flags tell the agent what intake
-- noticed (subject_empty, subject_generic, phone_missing, bounce, loop).
ALTER TABLE articles ADD COLUMN mail_message_id bigint REFERENCES mail_messages(id);
ALTER TABLE articles ADD COLUMN flags text[] NOT NULL DEFAULT '{}';
ALTER TABLE mail_messages ADD FOREIGN KEY (article_id) REFERENCES articles(id);

-- Admin "postmaster filters": every condition must match (a header or the body, by text or
-- regular expression, optionally negated); then the actions apply. stop ends the filter chain.
CREATE TABLE postmaster_filters (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  position integer NOT NULL DEFAULT 0,
  stop boolean NOT NULL DEFAULT false,
  conditions jsonb NOT NULL DEFAULT '[]',
  set_queue_id integer REFERENCES queues(id),
  set_priority_id integer REFERENCES priorities(id),
  set_type_id integer REFERENCES ticket_types(id),
  set_customer_id integer REFERENCES customers(id),
  title_prefix text NOT NULL DEFAULT '',
  -- 'junk' puts the ticket into the Junk queue, 'ignore' keeps the message without a ticket
  disposition text NOT NULL DEFAULT 'normal' CHECK (disposition IN ('normal','junk','ignore')),
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- The seed's intake rules (specific subject, phone in the signature). A row without queue and
-- system address is the default; a queue's row, then a system address's row, override it.
-- Each rule is off, flags the ticket for the agent, or rejects the message with an explaining reply.
CREATE TABLE intake_rules (
  id serial PRIMARY KEY,
  queue_id integer UNIQUE REFERENCES queues(id),
  system_address_id integer UNIQUE REFERENCES system_addresses(id),
  empty_subject text NOT NULL DEFAULT 'flag' CHECK (empty_subject IN ('off','flag','reject')),
  generic_subject text NOT NULL DEFAULT 'flag' CHECK (generic_subject IN ('off','flag','reject')),
  generic_subjects text[] NOT NULL DEFAULT '{}',
  missing_phone text NOT NULL DEFAULT 'flag' CHECK (missing_phone IN ('off','flag','reject')),
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (queue_id IS NULL OR system_address_id IS NULL)
);
INSERT INTO intake_rules (generic_subjects) VALUES (ARRAY[
  'richiesta assistenza', 'assistenza', 'richiesta', 'aiuto', 'errore', 'problema', 'urgente',
  'segnalazione', 'info', 'informazioni', 'help', 'support', 'support request', 'request', 'error',
  'problem', 'issue', 'urgent', 'question'
]);

-- Auto-responses: a queue's own text for a kind and language, else the default (queue_id NULL).
-- Subjects and bodies take variables such as {ticketNumber}, {ticketUrl}, {subject}, {customerName}.
CREATE TABLE auto_responses (
  id serial PRIMARY KEY,
  queue_id integer REFERENCES queues(id),
  kind text NOT NULL
    CHECK (kind IN ('new_ticket','follow_up','reject','new_ticket_for_closed','intake_reject')),
  language text NOT NULL CHECK (language IN ('it','en')),
  subject text NOT NULL,
  body text NOT NULL,
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX auto_responses_one ON auto_responses (coalesce(queue_id, 0), kind, language);

-- Loop protection: auto-responses sent per address and day (OTRS PostmasterMaxEmails).
CREATE TABLE auto_response_counts (
  address text NOT NULL,
  day date NOT NULL,
  sent integer NOT NULL,
  PRIMARY KEY (address, day)
);
