-- Up Migration

-- Every import of a register file through the API or the CLI (issue 19): who, which file (its
-- sha256), how many rows, when. Written in the transaction that stores the rows.
CREATE TABLE register_imports (
  import_id    bigserial PRIMARY KEY,
  register     text NOT NULL CHECK (register IN ('admin_units', 'maslikhats', 'deputies', 'akim_posts', 'akim_incumbents')),
  file_sha256  text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  row_count    integer NOT NULL CHECK (row_count > 0),
  token_id     bigint REFERENCES api_tokens (token_id),
  actor_id     text NOT NULL CHECK (length(actor_id) BETWEEN 1 AND 200),
  actor_name   text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 300),
  body_id      text,
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_imports_register ON register_imports (register, import_id DESC);

-- Down Migration
DROP TABLE register_imports;
