-- Presence: which agents have a ticket open in the web app right now, so that two agents working on
-- one ticket are each told. The app refreshes its row every 10 seconds and removes it on leaving;
-- a row not refreshed for 30 seconds no longer counts (a closed laptop), and old rows are swept
-- on each refresh. Kept in the database so that agents on different server processes see each other.
CREATE TABLE ticket_viewers (
  ticket_id integer NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  agent_id integer NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, agent_id)
);
CREATE INDEX ticket_viewers_seen ON ticket_viewers (seen_at);
