-- Received messages, attachment contents and article bodies are compressed with lz4 instead of pglz
-- where the server has it (PostgreSQL built with lz4, as Debian's packages and the official images
-- are): a little larger, at a fraction of the CPU, which the mail intake spent on every message (a
-- tenth of the database's work per 20 KB message). New values only; PGlite has no lz4 and keeps pglz.
DO $$ BEGIN ALTER TABLE mail_messages ALTER COLUMN raw SET COMPRESSION lz4; ALTER TABLE attachment_contents ALTER COLUMN content SET COMPRESSION lz4; ALTER TABLE articles ALTER COLUMN body_text SET COMPRESSION lz4, ALTER COLUMN body_html SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported THEN NULL; END $$;
