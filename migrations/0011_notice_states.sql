-- Up Migration

-- Notices that never vanish (issue 19): a notice whose channel is not configured is kept
-- ('queued', its message written to the outbox folder) and goes out once the channel is set;
-- a failed attempt that will be tried again is 'retrying'; 'failed' is final (refused for good).
ALTER TABLE notices DROP CONSTRAINT notices_status_check;
-- until now 'failed' meant "the last attempt failed, Temporal retries": that is 'retrying'
UPDATE notices SET status = 'retrying' WHERE status = 'failed';
ALTER TABLE notices ADD CONSTRAINT notices_status_check
  CHECK (status IN ('pending', 'queued', 'in_flight', 'retrying', 'delivered', 'failed'));
-- the message as a file a person can read, while its channel was missing (e.g. outbox/….eml)
ALTER TABLE notices ADD COLUMN outbox_file text;
CREATE INDEX notices_listed ON notices (created_at, key);

-- Down Migration

DROP INDEX notices_listed;
ALTER TABLE notices DROP COLUMN outbox_file;
ALTER TABLE notices DROP CONSTRAINT notices_status_check;
UPDATE notices SET status = 'pending' WHERE status = 'queued';
UPDATE notices SET status = 'failed' WHERE status = 'retrying';
ALTER TABLE notices ADD CONSTRAINT notices_status_check
  CHECK (status IN ('pending', 'in_flight', 'delivered', 'failed'));
