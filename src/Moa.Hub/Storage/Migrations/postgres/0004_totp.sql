-- Moa hub schema v4: optional TOTP second factor (RFC 6238) for operators; the last accepted time step refuses replays.
ALTER TABLE users ADD COLUMN totp_secret TEXT NULL;
ALTER TABLE users ADD COLUMN totp_confirmed_at BIGINT NULL;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NULL;
