-- Forgotten passwords (server/domain/auth/password-reset/): one row per link sent to an agent or a
-- customer user to choose a new password. A link is valid for 60 minutes and once; only the SHA-256
-- of its token is kept to find it. The row is also the outbox of the email that carries the link,
-- sent with the retry schedule of other outgoing mail: mail_token holds the token in clear only
-- while that email waits to leave (each attempt writes the link again), and is cleared once the
-- email is sent or has failed, or the link is used or expires. request_id makes the job that
-- creates the link idempotent. Rows go with their person.
CREATE TABLE password_resets (
  id bigserial PRIMARY KEY,
  request_id text NOT NULL UNIQUE,
  agent_id integer REFERENCES agents(id) ON DELETE CASCADE,
  customer_user_id integer REFERENCES customer_users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  mail_token text,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  address text NOT NULL,
  language text NOT NULL CHECK (language IN ('it','en')),
  message_id text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CHECK ((agent_id IS NULL) <> (customer_user_id IS NULL))
);
CREATE INDEX password_resets_agent ON password_resets (agent_id, created_at) WHERE agent_id IS NOT NULL;
CREATE INDEX password_resets_customer_user ON password_resets (customer_user_id, created_at)
  WHERE customer_user_id IS NOT NULL;
