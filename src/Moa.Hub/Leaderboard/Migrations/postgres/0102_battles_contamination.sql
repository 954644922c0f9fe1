-- Battles are assigned without a write (a sealed battle token) and stored only when voted: battle_seq is the voter's
-- battle number in the phase; the unique index keeps one vote per voter per battle (older rows have no number).
ALTER TABLE lb_battles ADD COLUMN battle_seq BIGINT NULL;
CREATE UNIQUE INDEX lb_battles_voter_seq ON lb_battles(phase_id, voter_id, battle_seq);
-- Contamination beside the score: sealed items keep their text (to scan corpora for), and each team's check of its
-- declared corpora against each sealed benchmark is stored as one JSON result.
ALTER TABLE lb_sealed_items ADD COLUMN text TEXT NULL;
CREATE TABLE lb_contamination (
  phase_id BIGINT NOT NULL REFERENCES lb_phases(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  benchmark_id BIGINT NOT NULL REFERENCES lb_benchmarks(id),
  result TEXT NOT NULL,
  checked_by BIGINT NOT NULL REFERENCES users(id),
  checked_at BIGINT NOT NULL,
  PRIMARY KEY (phase_id, organisation_id, benchmark_id)
);
