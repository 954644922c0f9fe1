-- Moa hub schema (issue 16): synthetic releases of a catalogue dataset, registered with the evaluation report of
-- `moa synth evaluate` and its release-gate result. A dataset whose latest release failed the gate is not served
-- unless an operator overrides the gate with a written reason.
CREATE TABLE synth_releases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  report_json TEXT NOT NULL,
  report_sha256 TEXT NOT NULL,
  synthesizer TEXT NOT NULL,
  epsilon REAL NULL,
  delta REAL NULL,
  train_rows INTEGER NOT NULL,
  synthetic_rows INTEGER NOT NULL,
  column_fidelity REAL NOT NULL,
  pair_fidelity REAL NOT NULL,
  utility_ratio REAL NULL,
  exact_match_rate REAL NOT NULL,
  dcr_memorisation REAL NOT NULL,
  membership_auc REAL NOT NULL,
  singling_out_risk REAL NOT NULL,
  linkability_risk REAL NOT NULL,
  gate_checked INTEGER NOT NULL,
  gate_reasons TEXT NOT NULL,
  state TEXT NOT NULL,
  submitted_by BIGINT NOT NULL REFERENCES users(id),
  submitted_at BIGINT NOT NULL,
  overridden_by BIGINT NULL REFERENCES users(id),
  overridden_at BIGINT NULL,
  override_reason TEXT NULL
);
CREATE INDEX synth_releases_dataset ON synth_releases(dataset_id, id);
