-- Failed logins per login name, for throttling (server/domain/auth/login-throttle.ts): one row per
-- name tried in each namespace, whether such a user exists or not. The window opens at the first
-- failure and lasts 15 minutes; a successful login removes the row. In the database, not in memory,
-- so that several servers on one PostgreSQL count together.
CREATE TABLE login_failures (
  namespace text NOT NULL CHECK (namespace IN ('agent','customer')),
  login text NOT NULL,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  PRIMARY KEY (namespace, login)
);
CREATE INDEX login_failures_window_start ON login_failures (window_start);
