-- Up Migration

-- Early termination of a deputy's powers (Art. 20(3)-(4), P-10) and of a maslikhat's (Art. 23,
-- P-13): the procedure ends the mandates in the deputies register itself (activities/registers.ts
-- endMandates), idempotently. The worker may close a mandate (term_end, end_reason) and nothing
-- else of the register; every closing is kept here, with the procedure that made it.
GRANT UPDATE (term_end, end_reason) ON deputies TO tartip_worker;

CREATE TABLE mandate_ends (
  deputy_id    text NOT NULL REFERENCES deputies (id),
  procedure_id text NOT NULL CHECK (length(procedure_id) BETWEEN 1 AND 300),
  term_end     date NOT NULL,
  end_reason   text NOT NULL CHECK (length(end_reason) BETWEEN 1 AND 500),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deputy_id, procedure_id)
);
GRANT SELECT, INSERT ON mandate_ends TO tartip_worker;

-- Down Migration
REVOKE ALL ON mandate_ends FROM tartip_worker;
DROP TABLE mandate_ends;
REVOKE UPDATE (term_end, end_reason) ON deputies FROM tartip_worker;
