-- Moa hub schema v3: dataset versions can be withdrawn (no longer served or listed) or superseded by a successor version.
ALTER TABLE dataset_versions ADD COLUMN withdrawn_at BIGINT NULL;
ALTER TABLE dataset_versions ADD COLUMN withdrawn_by BIGINT NULL REFERENCES users(id);
ALTER TABLE dataset_versions ADD COLUMN withdrawn_reason TEXT NULL;
ALTER TABLE dataset_versions ADD COLUMN superseded_at BIGINT NULL;
ALTER TABLE dataset_versions ADD COLUMN superseded_by BIGINT NULL REFERENCES dataset_versions(id);
