-- Moa hub schema (issue 13): a registered benchmark records the content hash of Moa.Evaluation's loader (SHA-256 of
-- items.jsonl then benchmark.yaml), the hash every evaluation run records, so a run can be tied to the registered data.
-- Benchmarks registered before this migration keep an empty hash until they are registered again.
ALTER TABLE benchmarks ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
