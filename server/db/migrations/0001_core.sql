-- Core schema: OTRS semantics (see ../shared/design/DOMAIN.md), written for PostgreSQL 15.
-- Config objects are never deleted once referenced: they carry a `valid` flag instead.

CREATE TABLE groups (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agents (
  id serial PRIMARY KEY,
  login text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL,
  password_hash text,
  language text NOT NULL DEFAULT 'it',
  time_zone text,
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_agents (
  role_id integer NOT NULL REFERENCES roles(id),
  agent_id integer NOT NULL REFERENCES agents(id),
  PRIMARY KEY (role_id, agent_id)
);

-- Permission keys as in OTRS System::Permission; rw implies all of them.
CREATE TABLE group_agent_permissions (
  group_id integer NOT NULL REFERENCES groups(id),
  agent_id integer NOT NULL REFERENCES agents(id),
  permission text NOT NULL CHECK (permission IN ('ro','move_into','create','note','owner','priority','rw')),
  PRIMARY KEY (group_id, agent_id, permission)
);
CREATE INDEX group_agent_permissions_agent ON group_agent_permissions (agent_id);

CREATE TABLE group_role_permissions (
  group_id integer NOT NULL REFERENCES groups(id),
  role_id integer NOT NULL REFERENCES roles(id),
  permission text NOT NULL CHECK (permission IN ('ro','move_into','create','note','owner','priority','rw')),
  PRIMARY KEY (group_id, role_id, permission)
);

CREATE TABLE system_addresses (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  queue_id integer,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queues (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  group_id integer NOT NULL REFERENCES groups(id),
  system_address_id integer REFERENCES system_addresses(id),
  follow_up_policy text NOT NULL DEFAULT 'reopen' CHECK (follow_up_policy IN ('reopen','reject','new_ticket')),
  follow_up_lock boolean NOT NULL DEFAULT false,
  unlock_timeout_minutes integer NOT NULL DEFAULT 0,
  first_response_minutes integer NOT NULL DEFAULT 0,
  update_minutes integer NOT NULL DEFAULT 0,
  solution_minutes integer NOT NULL DEFAULT 0,
  calendar text NOT NULL DEFAULT '',
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE system_addresses ADD FOREIGN KEY (queue_id) REFERENCES queues(id);

-- "My queues" of an agent (OTRS personal_queues).
CREATE TABLE agent_queues (
  agent_id integer NOT NULL REFERENCES agents(id),
  queue_id integer NOT NULL REFERENCES queues(id),
  PRIMARY KEY (agent_id, queue_id)
);

CREATE TABLE customers (
  id serial PRIMARY KEY,
  customer_key text NOT NULL UNIQUE,
  name text NOT NULL,
  street text NOT NULL DEFAULT '',
  zip text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  url text NOT NULL DEFAULT '',
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_users (
  id serial PRIMARY KEY,
  login text NOT NULL UNIQUE,
  email text NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text NOT NULL DEFAULT '',
  mobile text NOT NULL DEFAULT '',
  password_hash text,
  language text NOT NULL DEFAULT 'it',
  time_zone text,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_users_email ON customer_users (lower(email));

-- One customer user may work for several customers (e.g. a union of municipalities).
-- can_see_all: the user sees every ticket of that customer, not only their own.
CREATE TABLE customer_user_customers (
  customer_user_id integer NOT NULL REFERENCES customer_users(id),
  customer_id integer NOT NULL REFERENCES customers(id),
  is_primary boolean NOT NULL DEFAULT false,
  can_see_all boolean NOT NULL DEFAULT true,
  PRIMARY KEY (customer_user_id, customer_id)
);
CREATE INDEX customer_user_customers_customer ON customer_user_customers (customer_id);

CREATE TABLE states (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('new','open','pending_reminder','pending_auto_close_success',
    'pending_auto_close_failure','closed_successful','closed_unsuccessful','merged','removed')),
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE priorities (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticket_types (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE services (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  parent_id integer REFERENCES services(id),
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE slas (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  first_response_minutes integer NOT NULL DEFAULT 0,
  update_minutes integer NOT NULL DEFAULT 0,
  solution_minutes integer NOT NULL DEFAULT 0,
  calendar text NOT NULL DEFAULT '',
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sla_services (
  sla_id integer NOT NULL REFERENCES slas(id),
  service_id integer NOT NULL REFERENCES services(id),
  PRIMARY KEY (sla_id, service_id)
);

-- One row per counter scope: a day (YYYYMMDD) for date-based generators, 'auto' for AutoIncrement.
-- Incremented with a single upsert, so concurrent processes never get the same value.
CREATE TABLE ticket_number_counters (
  scope text PRIMARY KEY,
  counter integer NOT NULL
);

CREATE TABLE tickets (
  id serial PRIMARY KEY,
  tn text NOT NULL UNIQUE,
  title text NOT NULL,
  queue_id integer NOT NULL REFERENCES queues(id),
  state_id integer NOT NULL REFERENCES states(id),
  priority_id integer NOT NULL REFERENCES priorities(id),
  type_id integer REFERENCES ticket_types(id),
  service_id integer REFERENCES services(id),
  sla_id integer REFERENCES slas(id),
  lock text NOT NULL DEFAULT 'unlock' CHECK (lock IN ('unlock','lock')),
  owner_id integer NOT NULL REFERENCES agents(id),
  responsible_id integer NOT NULL REFERENCES agents(id),
  customer_id integer REFERENCES customers(id),
  customer_user_id integer REFERENCES customer_users(id),
  -- the sender's address when the customer user is not known (email intake)
  customer_contact text NOT NULL DEFAULT '',
  pending_until timestamptz,
  lock_changed_at timestamptz,
  merged_into_id integer REFERENCES tickets(id),
  accounted_minutes numeric(12,2) NOT NULL DEFAULT 0,
  created_by integer NOT NULL REFERENCES agents(id),
  changed_by integer NOT NULL REFERENCES agents(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now(),
  title_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title)) STORED
);
CREATE INDEX tickets_queue_state ON tickets (queue_id, state_id, id DESC);
CREATE INDEX tickets_state ON tickets (state_id, id DESC);
CREATE INDEX tickets_owner ON tickets (owner_id, id DESC);
CREATE INDEX tickets_responsible ON tickets (responsible_id, id DESC);
CREATE INDEX tickets_customer ON tickets (customer_id, id DESC);
CREATE INDEX tickets_customer_user ON tickets (customer_user_id, id DESC);
CREATE INDEX tickets_pending ON tickets (pending_until) WHERE pending_until IS NOT NULL;
CREATE INDEX tickets_title_search ON tickets USING gin (title_search);

CREATE TABLE articles (
  id serial PRIMARY KEY,
  ticket_id integer NOT NULL REFERENCES tickets(id),
  sender_type text NOT NULL CHECK (sender_type IN ('agent','system','customer')),
  channel text NOT NULL CHECK (channel IN ('email','phone','internal')),
  visible_to_customer boolean NOT NULL,
  from_address text NOT NULL DEFAULT '',
  to_address text NOT NULL DEFAULT '',
  cc_address text NOT NULL DEFAULT '',
  subject text NOT NULL DEFAULT '',
  body_text text NOT NULL DEFAULT '',
  body_html text,
  message_id text,
  in_reply_to text,
  "references" text,
  -- outgoing email: queued until the mail channel sends it
  send_status text CHECK (send_status IN ('queued','sent','failed')),
  created_by_agent_id integer REFERENCES agents(id),
  created_by_customer_user_id integer REFERENCES customer_users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  search_vector tsvector GENERATED ALWAYS AS
    (to_tsvector('simple'::regconfig, left(subject || ' ' || body_text, 100000))) STORED
);
CREATE INDEX articles_ticket ON articles (ticket_id, id);
CREATE INDEX articles_message_id ON articles (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX articles_search ON articles USING gin (search_vector);

-- Attachment bodies live outside the ticket and article rows, stored once per content hash.
CREATE TABLE attachment_contents (
  sha256 text PRIMARY KEY,
  size integer NOT NULL,
  content bytea NOT NULL
);

CREATE TABLE attachments (
  id serial PRIMARY KEY,
  article_id integer NOT NULL REFERENCES articles(id),
  filename text NOT NULL,
  content_type text NOT NULL,
  content_id text,
  inline boolean NOT NULL DEFAULT false,
  size integer NOT NULL,
  sha256 text NOT NULL REFERENCES attachment_contents(sha256),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_article ON attachments (article_id);

-- History rows snapshot queue, owner, priority, state and type, as OTRS does, for reports.
CREATE TABLE ticket_history (
  id serial PRIMARY KEY,
  ticket_id integer NOT NULL REFERENCES tickets(id),
  article_id integer REFERENCES articles(id),
  type text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  queue_id integer NOT NULL,
  owner_id integer NOT NULL,
  priority_id integer NOT NULL,
  state_id integer NOT NULL,
  type_id integer,
  created_by integer NOT NULL REFERENCES agents(id),
  created_by_customer_user_id integer REFERENCES customer_users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id);
CREATE INDEX ticket_history_created ON ticket_history (created_at, type);

CREATE TABLE ticket_links (
  source_ticket_id integer NOT NULL REFERENCES tickets(id),
  target_ticket_id integer NOT NULL REFERENCES tickets(id),
  -- normal links are symmetric; parent_child reads source = parent, target = child
  type text NOT NULL CHECK (type IN ('normal','parent_child')),
  created_by integer NOT NULL REFERENCES agents(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_ticket_id, target_ticket_id, type),
  CHECK (source_ticket_id <> target_ticket_id)
);
CREATE INDEX ticket_links_target ON ticket_links (target_ticket_id);

CREATE TABLE time_accounting (
  id serial PRIMARY KEY,
  ticket_id integer NOT NULL REFERENCES tickets(id),
  article_id integer REFERENCES articles(id),
  minutes numeric(12,2) NOT NULL,
  created_by integer NOT NULL REFERENCES agents(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX time_accounting_ticket ON time_accounting (ticket_id);

-- The outbox: every command writes its event here in its own transaction; jobs consume it.
CREATE TABLE ticket_events (
  id bigserial PRIMARY KEY,
  type text NOT NULL,
  ticket_id integer NOT NULL REFERENCES tickets(id),
  actor_agent_id integer,
  actor_customer_user_id integer,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE INDEX ticket_events_unprocessed ON ticket_events (id) WHERE processed_at IS NULL;

CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  agent_id integer REFERENCES agents(id),
  customer_user_id integer REFERENCES customer_users(id),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((agent_id IS NULL) <> (customer_user_id IS NULL))
);

CREATE TABLE sessions (
  id serial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  agent_id integer REFERENCES agents(id),
  customer_user_id integer REFERENCES customer_users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK ((agent_id IS NULL) <> (customer_user_id IS NULL))
);
