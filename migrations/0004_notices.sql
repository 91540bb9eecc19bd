-- Up Migration

-- Notices the law requires, and every attempt to deliver them.
CREATE TABLE notices (
  key           text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 512),
  procedure_id  text REFERENCES procedures (procedure_id),
  addressee     jsonb NOT NULL,            -- { name, role, address }
  channel       text NOT NULL CHECK (channel IN ('email', 'webhook')),
  languages     text[] NOT NULL CHECK (cardinality(languages) >= 1
                                       AND languages <@ ARRAY['kk', 'ru', 'en']),
  basis         jsonb NOT NULL,            -- Citation
  deadline      timestamptz NOT NULL,
  template_id   text NOT NULL,
  params        jsonb NOT NULL,
  content_hash  text NOT NULL,             -- sha256 of the canonical request, for idempotency
  delivery_id   text NOT NULL,             -- SMTP Message-ID / webhook delivery id, fixed per key
  rendered      jsonb NOT NULL,            -- { kk: { subject, body }, ... } as sent
  status        text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'in_flight', 'delivered', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  delivered_at  timestamptz,
  last_error    text,
  CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX notices_open_deadline ON notices (deadline) WHERE status <> 'delivered';
CREATE INDEX notices_procedure ON notices (procedure_id);

CREATE TABLE notice_attempts (
  notice_key  text NOT NULL REFERENCES notices (key),
  attempt_no  integer NOT NULL CHECK (attempt_no >= 1),
  started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at timestamptz,
  outcome     text NOT NULL DEFAULT 'in_flight'
              CHECK (outcome IN ('in_flight', 'delivered', 'failed')),
  response    text,
  error       text,
  PRIMARY KEY (notice_key, attempt_no)
);

GRANT SELECT, INSERT, UPDATE ON notices, notice_attempts TO tartip_worker;

-- Down Migration

REVOKE ALL ON notices, notice_attempts FROM tartip_worker;
DROP TABLE notice_attempts;
DROP TABLE notices;
