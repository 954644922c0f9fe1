-- Moa hub schema v1 (SQLite). Times are Unix milliseconds (UTC); booleans are 0/1 integers so both dialects map alike.
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  brn TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  organisation_id BIGINT NULL REFERENCES organisations(id),
  created_at BIGINT NOT NULL
);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT NULL
);
CREATE TABLE calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  year INTEGER NOT NULL,
  deadline BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE call_fields (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  call_id BIGINT NOT NULL REFERENCES calls(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  budget_krw BIGINT NOT NULL,
  slots INTEGER NOT NULL,
  UNIQUE (call_id, code)
);
CREATE TABLE applications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  call_id BIGINT NOT NULL REFERENCES calls(id),
  field_id BIGINT NOT NULL REFERENCES call_fields(id),
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  reason TEXT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE application_members (
  application_id BIGINT NOT NULL REFERENCES applications(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  PRIMARY KEY (application_id, organisation_id)
);
CREATE TABLE application_documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id BIGINT NOT NULL REFERENCES applications(id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  storage_path TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL,
  UNIQUE (application_id, kind)
);
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  licence TEXT NOT NULL,
  provider_organisation_id BIGINT NULL REFERENCES organisations(id),
  created_at BIGINT NOT NULL
);
CREATE TABLE dataset_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  version INTEGER NOT NULL,
  tool_version TEXT NOT NULL,
  config_hash TEXT NOT NULL,
  documents BIGINT NOT NULL,
  bytes BIGINT NOT NULL,
  tokens BIGINT NOT NULL,
  manifest_json TEXT NOT NULL,
  stats_json TEXT NOT NULL,
  sample_json TEXT NOT NULL,
  storage_dir TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (dataset_id, version)
);
CREATE TABLE dataset_files (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version_id BIGINT NOT NULL REFERENCES dataset_versions(id),
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  documents BIGINT NOT NULL,
  UNIQUE (version_id, path)
);
CREATE TABLE agreements (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  provider_organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  team_organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  purposes TEXT NOT NULL,
  commercial INTEGER NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  processing_support_krw BIGINT NOT NULL,
  copyright_compensation_krw BIGINT NOT NULL,
  responsibilities TEXT NOT NULL,
  state TEXT NOT NULL,
  state_reason TEXT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE TABLE agreement_datasets (
  agreement_id BIGINT NOT NULL REFERENCES agreements(id),
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  PRIMARY KEY (agreement_id, dataset_id)
);
CREATE TABLE agreement_signatures (
  agreement_id BIGINT NOT NULL REFERENCES agreements(id),
  party TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  signed_at BIGINT NOT NULL,
  PRIMARY KEY (agreement_id, party)
);
CREATE TABLE downloads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  agreement_id BIGINT NOT NULL REFERENCES agreements(id),
  file_id BIGINT NOT NULL REFERENCES dataset_files(id),
  sha256 TEXT NOT NULL,
  purpose TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE TABLE benchmarks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  licence TEXT NOT NULL,
  language TEXT NOT NULL,
  task_type TEXT NOT NULL,
  metric TEXT NOT NULL,
  subsets TEXT NOT NULL,
  items BIGINT NOT NULL,
  items_sha256 TEXT NOT NULL,
  description TEXT NOT NULL,
  storage_dir TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX ix_downloads_user ON downloads(user_id);
CREATE INDEX ix_agreements_team ON agreements(team_organisation_id);
-- The audit log is append-only: the database refuses updates and deletes.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
