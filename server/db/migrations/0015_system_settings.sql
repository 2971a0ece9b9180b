-- System settings an admin changes at run time (SYSTEM_ID, ticket number generator, ticket hook and
-- divider, default language, time zone). The environment gives the defaults; a row here overrides
-- its key. Every server process reads the table at start and again every few seconds.
CREATE TABLE system_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by integer REFERENCES agents(id)
);
