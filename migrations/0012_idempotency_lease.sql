-- Up Migration

-- A request in flight holds its Idempotency-Key by a lease it renews every few seconds
-- (client/http/idempotency.ts). A retry that finds the lease run out takes the key over: the
-- request that held it died. lease_owner tells the holder's renewals from a successor's.
ALTER TABLE api_idempotency
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN lease_owner uuid;

-- rows in flight before leases keep the old rule: abandoned two minutes after they began
UPDATE api_idempotency SET lease_until = created_at + interval '120 seconds' WHERE status IS NULL;

-- Down Migration
ALTER TABLE api_idempotency DROP COLUMN lease_owner, DROP COLUMN lease_until;
