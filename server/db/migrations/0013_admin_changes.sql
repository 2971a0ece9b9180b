-- The admin change log: every change to the desk's configuration (queues, groups, agents, grants,
-- mail accounts…), who made it, when, and what changed. Written in the transaction of the change
-- itself, so a refused write leaves no entry. agent_id is null for the system (command line).
-- An agent who made changes stays, deactivated, so that the log keeps saying who: deleting them
-- is "in use". The check waits for the commit, so that a change's own refusal (the last admin)
-- is the one reported, and an agent deleting themselves is "in use" too.
CREATE TABLE admin_changes (
  id bigserial PRIMARY KEY,
  changed_at timestamptz NOT NULL DEFAULT now(),
  agent_id integer REFERENCES agents(id) DEFERRABLE INITIALLY DEFERRED,
  object_type text NOT NULL,
  object_id bigint,
  object_name text,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX admin_changes_changed_at ON admin_changes (changed_at DESC);
CREATE INDEX admin_changes_object ON admin_changes (object_type, object_id);
CREATE INDEX admin_changes_agent_id ON admin_changes (agent_id);
