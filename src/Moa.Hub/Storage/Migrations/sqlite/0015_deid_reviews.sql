-- Moa hub schema (issue 15): adequacy reviews (적정성 검토) of pseudonymised tabular datasets. A dataset with a review is
-- downloadable only while its latest review is approved (and an agreement is active).
CREATE TABLE deid_reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  spec TEXT NOT NULL,
  report_json TEXT NOT NULL,
  report_html TEXT NULL,
  report_sha256 TEXT NOT NULL,
  risk_before_max DOUBLE PRECISION NOT NULL,
  risk_before_average DOUBLE PRECISION NOT NULL,
  risk_after_max DOUBLE PRECISION NOT NULL,
  risk_after_average DOUBLE PRECISION NOT NULL,
  min_class_size INTEGER NOT NULL,
  checklist_passed INTEGER NOT NULL,
  checklist_items INTEGER NOT NULL,
  state TEXT NOT NULL,
  submitted_by BIGINT NOT NULL REFERENCES users(id),
  submitted_at BIGINT NOT NULL,
  decided_by BIGINT NULL REFERENCES users(id),
  decided_at BIGINT NULL,
  decision_reason TEXT NULL
);
CREATE INDEX deid_reviews_dataset ON deid_reviews(dataset_id, id);
