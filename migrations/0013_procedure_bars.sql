-- Up Migration

-- Bars across procedures (issue 15): what one procedure's outcome forbids another of any run, kept
-- beyond Temporal's retention, as senate_recall_bars keeps the bar of 24-1(6). The first user is
-- Art. 21(5): "Взыскания не могут быть наложены повторно за один и тот же проступок" (no end date).
-- A bar is one rule, one subject (a deputy), one matter (a misconduct) under each reading of what
-- "the same" matter is (matter_key, e.g. 'ground_date:2(1)|2025-02-10'); from_date is the first day
-- it applies, until_date the first day it no longer applies (NULL: for ever).
CREATE TABLE procedure_bars (
  procedure_id  text NOT NULL REFERENCES procedures (procedure_id),
  run_key       text NOT NULL,
  rule          text NOT NULL CHECK (rule ~ '^art[0-9]+(_[0-9]+)?\.[a-z0-9_.]+$'),
  subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  matter_key    text NOT NULL CHECK (length(matter_key) BETWEEN 1 AND 2000),
  matter        text NOT NULL,
  from_date     date NOT NULL,
  until_date    date CHECK (until_date IS NULL OR until_date > from_date),
  citation      jsonb NOT NULL,
  PRIMARY KEY (procedure_id, run_key, rule, subject, matter_key)
);
CREATE INDEX procedure_bars_subject ON procedure_bars (rule, subject, matter_key);

CREATE FUNCTION procedure_bars_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: append-only, % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER procedure_bars_frozen BEFORE UPDATE OR DELETE ON procedure_bars
  FOR EACH ROW EXECUTE FUNCTION procedure_bars_refuse_change();

GRANT SELECT, INSERT ON procedure_bars TO tartip_worker;

-- Down Migration

REVOKE ALL ON procedure_bars FROM tartip_worker;
DROP TABLE procedure_bars;
DROP FUNCTION procedure_bars_refuse_change();
