-- Independence audit (독자성): the operator's registry of known open checkpoints' fingerprints (JSON written by
-- 'moa eval audit fingerprint'; never weights), and each team's audit report per phase.
CREATE TABLE lb_audit_registry (
  name TEXT NOT NULL PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  registered_by BIGINT NOT NULL REFERENCES users(id),
  registered_at BIGINT NOT NULL
);
CREATE TABLE lb_independence (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  result TEXT NOT NULL,
  checked_by BIGINT NOT NULL REFERENCES users(id),
  checked_at BIGINT NOT NULL,
  PRIMARY KEY (phase_id, organisation_id)
);
