-- Up Migration
-- Procedures tartip has started, independent of Temporal's retention: the ledger (0002+) refers
-- to them, and auditors find a procedure here years after Temporal deleted its history.
CREATE TABLE procedures (
  procedure_id   text PRIMARY KEY,              -- = Temporal workflow id
  kind           text NOT NULL,                 -- e.g. 'statutory_wait', 'no_confidence'
  edition_id     text NOT NULL,                 -- law edition pinned at start
  calendar_id    text NOT NULL,                 -- calendar version pinned at start
  started_at     timestamptz NOT NULL DEFAULT now(),
  started_by     text NOT NULL,
  input          jsonb NOT NULL
);

-- Down Migration
DROP TABLE procedures;
