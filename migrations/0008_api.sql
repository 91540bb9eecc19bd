-- Up Migration

-- Credentials of the HTTP API and the CLI (issue 8). Only the sha256 of a token is stored; the
-- token itself is printed once by `tartip token create`.
CREATE TABLE api_tokens (
  token_id     bigserial PRIMARY KEY,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  role         text NOT NULL CHECK (role IN ('administrator', 'commission', 'auditor')),
  -- the maslikhat / commission / akimat the token acts for: the `unit` of its procedures
  body_id      text CHECK (body_id IS NULL OR length(body_id) BETWEEN 1 AND 200),
  actor_id     text NOT NULL CHECK (length(actor_id) BETWEEN 1 AND 200),
  actor_name   text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 300),
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  -- an auditor reads everything; everyone else belongs to exactly one body
  CHECK ((role = 'auditor') OR body_id IS NOT NULL)
);

-- Mutating requests by Idempotency-Key: a retry returns the stored first response; the same key
-- with another request is refused (422). A row without a response is a request in flight.
CREATE TABLE api_idempotency (
  token_id      bigint NOT NULL REFERENCES api_tokens (token_id),
  idem_key      text NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 200),
  request_hash  text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  status        integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz,
  PRIMARY KEY (token_id, idem_key)
);

-- Down Migration
DROP TABLE api_idempotency;
DROP TABLE api_tokens;
