-- Moa hub leaderboard schema: phases (criteria, suite, teams, rubric), benchmark runs, sealed items and submissions,
-- technical reports and blind reviews, battle prompts, answers, battles and absolute ratings. Raw data only: every
-- score is recomputed from these rows.
CREATE TABLE lb_phases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  config TEXT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  published_at BIGINT NULL,
  published_result TEXT NULL
);
CREATE TABLE lb_phase_teams (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  model TEXT NOT NULL,
  reference_model TEXT NOT NULL,
  PRIMARY KEY (phase_id, organisation_id)
);
CREATE TABLE lb_benchmarks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  team_organisation_id BIGINT NULL REFERENCES organisations(id),
  random_baseline REAL NOT NULL,
  max_score REAL NOT NULL,
  sealed INTEGER NOT NULL
);
CREATE TABLE lb_rubric (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  weight REAL NOT NULL,
  max_points REAL NOT NULL,
  PRIMARY KEY (phase_id, code)
);
CREATE TABLE lb_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  benchmark_id BIGINT NOT NULL REFERENCES lb_benchmarks(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  model TEXT NOT NULL,
  benchmark_hash TEXT NOT NULL,
  items TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX lb_runs_phase ON lb_runs(phase_id, benchmark_id, organisation_id, role);
CREATE TABLE lb_sealed_items (
  benchmark_id BIGINT NOT NULL REFERENCES lb_benchmarks(id),
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  PRIMARY KEY (benchmark_id, item_id)
);
CREATE TABLE lb_sealed_submissions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  benchmark_id BIGINT NOT NULL REFERENCES lb_benchmarks(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  predictions TEXT NOT NULL,
  submitted_by BIGINT NOT NULL REFERENCES users(id),
  submitted_at BIGINT NOT NULL
);
CREATE INDEX lb_sealed_submissions_team ON lb_sealed_submissions(benchmark_id, organisation_id, role);
CREATE TABLE lb_reports (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  blind_code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  PRIMARY KEY (phase_id, organisation_id)
);
CREATE TABLE lb_assignments (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (phase_id, reviewer_id, organisation_id)
);
CREATE TABLE lb_review_scores (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  item_code TEXT NOT NULL,
  value REAL NOT NULL,
  entered_at BIGINT NOT NULL,
  PRIMARY KEY (phase_id, reviewer_id, organisation_id, item_code)
);
CREATE TABLE lb_prompts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  prompt TEXT NOT NULL
);
CREATE TABLE lb_answers (
  prompt_id BIGINT NOT NULL REFERENCES lb_prompts(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  answer TEXT NOT NULL,
  PRIMARY KEY (prompt_id, organisation_id)
);
CREATE TABLE lb_battles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  prompt_id BIGINT NOT NULL REFERENCES lb_prompts(id),
  organisation_a BIGINT NOT NULL REFERENCES organisations(id),
  organisation_b BIGINT NOT NULL REFERENCES organisations(id),
  voter_id BIGINT NOT NULL REFERENCES users(id),
  outcome TEXT NULL,
  rating_a INTEGER NULL,
  rating_b INTEGER NULL,
  created_at BIGINT NOT NULL,
  voted_at BIGINT NULL
);
CREATE INDEX lb_battles_phase ON lb_battles(phase_id, voter_id);
