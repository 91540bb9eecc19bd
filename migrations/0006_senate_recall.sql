-- Up Migration

-- Recall of a Senate deputy by the electors, Art. 24-1 (issue 6). Signatures live here, not in
-- workflow history. A recall run is (procedure_id, run_key): the workflow id is one per deputy,
-- run_key = the date of the maslikhat's initiation decision.

-- 24-1(3): numbered signature sheets issued by the election commission to the initiators.
CREATE TABLE senate_recall_sheets (
  serial          text PRIMARY KEY CHECK (serial ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
  procedure_id    text NOT NULL REFERENCES procedures (procedure_id),
  run_key         text NOT NULL,
  seq             integer NOT NULL CHECK (seq >= 1),
  senator_id      text NOT NULL,
  senator_name    text NOT NULL,
  initiator       jsonb NOT NULL,
  issued_on       date NOT NULL,
  document_kk     text NOT NULL,
  document_ru     text NOT NULL,
  document_sha256 text NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (procedure_id, run_key, seq)
);

-- One imported CSV file of completed sheets (all rows or none).
CREATE TABLE senate_recall_batches (
  batch_id      text PRIMARY KEY,
  procedure_id  text NOT NULL REFERENCES procedures (procedure_id),
  run_key       text NOT NULL,
  file_sha256   text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  row_count     integer NOT NULL CHECK (row_count >= 1),
  imported_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (procedure_id, run_key, file_sha256)
);

-- One signer's line, as written on the sheet (24-1(3) columns).
CREATE TABLE senate_recall_signatures (
  batch_id      text NOT NULL REFERENCES senate_recall_batches (batch_id),
  line          integer NOT NULL CHECK (line >= 2),
  sheet_serial  text NOT NULL,
  sheet_row     integer NOT NULL CHECK (sheet_row >= 1),
  full_name     text NOT NULL,
  maslikhat_id  text NOT NULL,
  birth_date    date NOT NULL,
  address       text NOT NULL,
  PRIMARY KEY (batch_id, line)
);

-- 24-1(4): the commission's verdict on each signature; exactly one, never changed.
CREATE TABLE senate_recall_verdicts (
  batch_id        text NOT NULL,
  line            integer NOT NULL,
  verification_id text NOT NULL,
  valid           boolean NOT NULL,
  reason          text CHECK (reason IN ('not_elector', 'duplicate', 'data_mismatch', 'sheet_not_issued')),
  elector_id      text,
  elector_maslikhat_id text,
  PRIMARY KEY (batch_id, line),
  FOREIGN KEY (batch_id, line) REFERENCES senate_recall_signatures (batch_id, line),
  CHECK (valid = (reason IS NULL))
);
CREATE INDEX senate_recall_verdicts_verification ON senate_recall_verdicts (verification_id);

-- 24-1(6): a refusal bars a new initiative on the same grounds for one year; kept beyond
-- Temporal's retention. allowed_from = first day a new initiative is allowed.
CREATE TABLE senate_recall_bars (
  procedure_id  text NOT NULL REFERENCES procedures (procedure_id),
  run_key       text NOT NULL,
  senator_id    text NOT NULL,
  grounds       text NOT NULL,
  grounds_norm  text NOT NULL,
  refused_on    date NOT NULL,
  allowed_from  date NOT NULL CHECK (allowed_from > refused_on),
  citation      jsonb NOT NULL,
  PRIMARY KEY (procedure_id, run_key)
);
CREATE INDEX senate_recall_bars_senator ON senate_recall_bars (senator_id, allowed_from);

-- Recorded, never silently changed.
CREATE FUNCTION senate_recall_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: append-only, % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER senate_recall_sheets_frozen BEFORE UPDATE OR DELETE ON senate_recall_sheets
  FOR EACH ROW EXECUTE FUNCTION senate_recall_refuse_change();
CREATE TRIGGER senate_recall_batches_frozen BEFORE UPDATE OR DELETE ON senate_recall_batches
  FOR EACH ROW EXECUTE FUNCTION senate_recall_refuse_change();
CREATE TRIGGER senate_recall_signatures_frozen BEFORE UPDATE OR DELETE ON senate_recall_signatures
  FOR EACH ROW EXECUTE FUNCTION senate_recall_refuse_change();
CREATE TRIGGER senate_recall_verdicts_frozen BEFORE UPDATE OR DELETE ON senate_recall_verdicts
  FOR EACH ROW EXECUTE FUNCTION senate_recall_refuse_change();
CREATE TRIGGER senate_recall_bars_frozen BEFORE UPDATE OR DELETE ON senate_recall_bars
  FOR EACH ROW EXECUTE FUNCTION senate_recall_refuse_change();

GRANT SELECT, INSERT ON senate_recall_sheets, senate_recall_batches, senate_recall_signatures,
  senate_recall_verdicts, senate_recall_bars TO tartip_worker;

-- Down Migration

REVOKE ALL ON senate_recall_sheets, senate_recall_batches, senate_recall_signatures,
  senate_recall_verdicts, senate_recall_bars FROM tartip_worker;
DROP TABLE senate_recall_bars;
DROP TABLE senate_recall_verdicts;
DROP TABLE senate_recall_signatures;
DROP TABLE senate_recall_batches;
DROP TABLE senate_recall_sheets;
DROP FUNCTION senate_recall_refuse_change();
