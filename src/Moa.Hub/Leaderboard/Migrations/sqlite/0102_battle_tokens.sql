-- Battles are assigned without a write (a sealed battle token) and stored only when voted: battle_seq is the voter's
-- battle number in the phase; the unique index keeps one vote per voter per battle (older rows have no number).
ALTER TABLE lb_battles ADD COLUMN battle_seq BIGINT NULL;
CREATE UNIQUE INDEX lb_battles_voter_seq ON lb_battles(phase_id, voter_id, battle_seq);
