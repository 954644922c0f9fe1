-- Moa hub schema v2: server-side sessions, account state, persistent sign-in throttling, consortium consent.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  secret_hash TEXT NOT NULL UNIQUE,
  remote_address TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT NULL
);
CREATE INDEX ix_sessions_user ON sessions(user_id);
ALTER TABLE users ADD COLUMN disabled_at BIGINT NULL;
ALTER TABLE users ADD COLUMN password_changed_at BIGINT NULL;
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  throttle_key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX ix_login_failures_key ON login_failures(throttle_key, at);
-- A named organisation takes part only after one of its members accepted; rows that predate consent count as accepted.
ALTER TABLE application_members ADD COLUMN accepted_at BIGINT NULL;
ALTER TABLE application_members ADD COLUMN accepted_by BIGINT NULL REFERENCES users(id);
UPDATE application_members SET accepted_at = 0;
