-- Background jobs of the leaderboard (contamination scans, evaluations the hub runs against a team's endpoint): status,
-- progress, result or error, and when they started and finished. And each team's registered OpenAI-compatible endpoint
-- per phase and role (the API key stays on the hub host: only the name of its environment variable is stored).
CREATE TABLE lb_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  kind TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  request TEXT NOT NULL,
  status TEXT NOT NULL,
  done BIGINT NOT NULL DEFAULT 0,
  total BIGINT NOT NULL DEFAULT 0,
  result TEXT NULL,
  error TEXT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  started_at BIGINT NULL,
  finished_at BIGINT NULL
);
CREATE INDEX lb_jobs_phase ON lb_jobs(phase_id, id);
CREATE INDEX lb_jobs_status ON lb_jobs(status);
CREATE TABLE lb_endpoints (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  base_url TEXT NOT NULL,
  api_key_env TEXT NULL,
  registered_by BIGINT NOT NULL REFERENCES users(id),
  registered_at BIGINT NOT NULL,
  PRIMARY KEY (phase_id, organisation_id, role)
);
