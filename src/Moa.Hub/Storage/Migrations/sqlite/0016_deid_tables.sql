-- Moa hub schema (issue 15): the pseudonymised table uploaded with an adequacy review, checked against the report's
-- output_sha256 and stored under the hub's data directory (deid/REVIEW/NAME); served only under that approved review.
ALTER TABLE deid_reviews ADD COLUMN table_name TEXT NULL;
ALTER TABLE deid_reviews ADD COLUMN table_sha256 TEXT NULL;
ALTER TABLE deid_reviews ADD COLUMN table_bytes BIGINT NULL;
ALTER TABLE deid_reviews ADD COLUMN table_rows INTEGER NULL;
