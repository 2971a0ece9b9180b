-- The reply to a message that intake refused (the seed's rules: a specific subject, a phone number):
-- no ticket exists for it, so it is queued here, beside the kept message, and sent with retries
-- like any outgoing mail. Admins see its state with the message.
CREATE TABLE intake_replies (
  id bigserial PRIMARY KEY,
  mail_message_id bigint NOT NULL UNIQUE REFERENCES mail_messages(id),
  queue_id integer NOT NULL REFERENCES queues(id),
  address text NOT NULL,
  language text NOT NULL CHECK (language IN ('it','en')),
  subject text NOT NULL,
  body_text text NOT NULL,
  message_id text NOT NULL,
  in_reply_to text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
