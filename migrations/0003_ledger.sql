-- Up Migration

-- The record of legal acts: append-only, hash-chained per procedure.
-- hash = sha256 hex of the canonical JSON of the row's content including prev_hash
-- (see activities/ledger-hash.ts). prev_hash of seq 1 is 64 zeros.
CREATE TABLE ledger (
  procedure_id text NOT NULL REFERENCES procedures (procedure_id),
  seq          bigint NOT NULL CHECK (seq >= 1),
  act_type     text NOT NULL CHECK (act_type ~ '^[a-z][a-z0-9_.]{0,63}$'),
  legal_at     timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL,
  actor        jsonb NOT NULL,
  payload      jsonb NOT NULL,
  citation     jsonb,
  edition_id   text,
  idem_key     text NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 512),
  prev_hash    text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash         text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (procedure_id, seq),
  UNIQUE (procedure_id, idem_key)
);
CREATE INDEX ledger_act_type ON ledger (act_type, legal_at);

-- Defence in depth: nobody (short of a superuser disabling triggers) changes a row.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ledger_no_update_delete BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- An inserted row must extend its procedure's chain: seq n+1 and prev_hash = hash of seq n.
CREATE FUNCTION ledger_check_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev text;
BEGIN
  IF NEW.seq = 1 THEN
    IF NEW.prev_hash <> repeat('0', 64) THEN
      RAISE EXCEPTION 'ledger %: first act must have zero prev_hash', NEW.procedure_id
        USING ERRCODE = 'check_violation';
    END IF;
  ELSE
    SELECT hash INTO prev FROM ledger WHERE procedure_id = NEW.procedure_id AND seq = NEW.seq - 1;
    IF prev IS NULL OR prev <> NEW.prev_hash THEN
      RAISE EXCEPTION 'ledger %: act % does not extend the chain', NEW.procedure_id, NEW.seq
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER ledger_chain BEFORE INSERT ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_check_append();

GRANT SELECT, INSERT ON ledger TO tartip_worker;

-- Down Migration

REVOKE ALL ON ledger FROM tartip_worker;
DROP TABLE ledger;
DROP FUNCTION ledger_check_append();
DROP FUNCTION ledger_refuse_change();
