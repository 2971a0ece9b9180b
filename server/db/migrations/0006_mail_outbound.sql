-- Outgoing mail: the send state of queued articles, salutations and signatures for composing,
-- agents' notification preferences and the notification outbox.

-- An article with send_status 'queued' is an email waiting to leave. Each attempt is counted and its
-- error kept, so the agent sees why a message has not gone; 'bounced' is set by intake when a
-- delivery status notification for the article's Message-ID arrives.
ALTER TABLE articles ADD COLUMN send_error text;
ALTER TABLE articles ADD COLUMN send_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN sent_at timestamptz;
ALTER TABLE articles DROP CONSTRAINT articles_send_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_send_status_check
  CHECK (send_status IN ('queued','sent','failed','bounced'));

-- OTRS salutations and signatures: texts with variables ({customerFirstName}, {agentLastName} …)
-- that a queue puts around an agent's answer.
CREATE TABLE salutations (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  text text NOT NULL,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE signatures (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  text text NOT NULL,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE queues ADD COLUMN salutation_id integer REFERENCES salutations(id);
ALTER TABLE queues ADD COLUMN signature_id integer REFERENCES signatures(id);

-- Which notifications an agent gets by email. No row = on, as OTRS's defaults; a row records a choice.
CREATE TABLE agent_notification_preferences (
  agent_id integer NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  event text NOT NULL CHECK (event IN ('new_ticket','follow_up','lock_changed','moved','owner_changed',
    'responsible_changed','note_added','pending_reminder','send_failed')),
  email boolean NOT NULL,
  PRIMARY KEY (agent_id, event)
);

-- Every notification, rendered when its event is handled and sent by its own job. The unique key
-- (event, address) makes handling an event twice a no-op; status, attempts and the last error
-- show what became of each one.
CREATE TABLE notification_deliveries (
  id bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES ticket_events(id),
  ticket_id integer NOT NULL REFERENCES tickets(id),
  kind text NOT NULL,
  agent_id integer REFERENCES agents(id) ON DELETE SET NULL,
  customer_user_id integer REFERENCES customer_users(id) ON DELETE SET NULL,
  address text NOT NULL,
  language text NOT NULL CHECK (language IN ('it','en')),
  subject text NOT NULL,
  body_text text NOT NULL,
  message_id text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (event_id, address)
);
CREATE INDEX notification_deliveries_ticket ON notification_deliveries (ticket_id);
