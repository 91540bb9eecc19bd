// Idempotency-Key on every mutating request: the first response is stored and returned to each
// retry; the same key with a different request is refused. Keys are per token. A request in
// flight holds its key by a lease it renews; when it dies, a retry takes the key over within
// seconds (migrations/0009_idempotency_lease.sql).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sha256 } from './tokens.js';

/** A lease lasts this long unless renewed; the holder renews it every RENEW_MS. */
export const LEASE_S = 6;
const RENEW_MS = 2_000;

export type IdempotencyBegin =
  | { kind: 'new'; owner: string }
  | { kind: 'replay'; status: number; response: unknown }
  | { kind: 'mismatch' }
  /** retryAfter: whole seconds until the holder's lease runs out, unless it renews it */
  | { kind: 'in_flight'; retryAfter: number };

/** Canonical JSON (sorted keys) so that key order does not change a request's hash. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return sha256(`${method}\n${path}\n${canonical(body ?? null)}`);
}

export async function beginIdempotent(pool: pg.Pool, tokenId: string, key: string, hash: string): Promise<IdempotencyBegin> {
  const owner = randomUUID();
  const ins = await pool.query(
    `INSERT INTO api_idempotency (token_id, idem_key, request_hash, lease_until, lease_owner)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5) ON CONFLICT DO NOTHING`,
    [tokenId, key, hash, LEASE_S, owner],
  );
  if (ins.rowCount === 1) return { kind: 'new', owner };
  const r = await pool.query<{ request_hash: string; status: number | null; response: unknown; left: number | null }>(
    `SELECT request_hash, status, response, extract(epoch FROM lease_until - now())::float8 AS left
       FROM api_idempotency WHERE token_id = $1 AND idem_key = $2`,
    [tokenId, key],
  );
  const row = r.rows[0];
  if (!row) return beginIdempotent(pool, tokenId, key, hash); // released meanwhile
  if (row.request_hash !== hash) return { kind: 'mismatch' };
  if (row.status !== null) return { kind: 'replay', status: row.status, response: row.response };
  // the holder stopped renewing: it died; take the key over (one taker wins)
  const taken = await pool.query(
    `UPDATE api_idempotency SET lease_until = now() + make_interval(secs => $3), lease_owner = $4
      WHERE token_id = $1 AND idem_key = $2 AND status IS NULL AND (lease_until IS NULL OR lease_until < now())`,
    [tokenId, key, LEASE_S, owner],
  );
  if (taken.rowCount === 1) return { kind: 'new', owner };
  return { kind: 'in_flight', retryAfter: Math.max(1, Math.ceil(row.left ?? LEASE_S)) };
}

/** Keeps the lease of a running request; false when another request has taken the key over. */
export async function renewLease(pool: pg.Pool, tokenId: string, key: string, owner: string): Promise<boolean> {
  const r = await pool.query(
    `UPDATE api_idempotency SET lease_until = now() + make_interval(secs => $3)
      WHERE token_id = $1 AND idem_key = $2 AND lease_owner = $4 AND status IS NULL`,
    [tokenId, key, LEASE_S, owner],
  );
  return r.rowCount === 1;
}

/** Stores the outcome; the first to finish wins (a successor's run is the same request, deduplicated by Temporal). */
export async function completeIdempotent(pool: pg.Pool, tokenId: string, key: string, status: number, response: unknown): Promise<void> {
  await pool.query(
    `UPDATE api_idempotency SET status = $3, response = $4, completed_at = now(), lease_until = NULL
      WHERE token_id = $1 AND idem_key = $2 AND status IS NULL`,
    [tokenId, key, status, JSON.stringify(response)],
  );
}

/** Forgets a request that failed on our side (5xx), so that a retry runs it again; not a successor's. */
export async function releaseIdempotent(pool: pg.Pool, tokenId: string, key: string, owner: string): Promise<void> {
  await pool.query(`DELETE FROM api_idempotency WHERE token_id = $1 AND idem_key = $2 AND status IS NULL AND lease_owner = $3`, [tokenId, key, owner]);
}

export interface Outcome {
  status: number;
  body: unknown;
  /** true when this is the stored response of an earlier request with the same key */
  replayed: boolean;
}

/**
 * Runs `run` once per (token, key): a retry gets the stored first outcome, the same key with
 * another request hash is refused, a key whose request is alive is refused with the seconds to
 * wait. `toError` turns a thrown error into a stored 4xx, or null when it is our fault (5xx): then
 * the key is released, so the retry runs again, and the error rethrown.
 */
export async function once(
  pool: pg.Pool,
  tokenId: string,
  key: string,
  hash: string,
  run: () => Promise<{ status: number; body: unknown }>,
  toError: (e: unknown) => { status: number; body: unknown } | null,
  refuse: (code: 'idempotency_mismatch' | 'idempotency_in_flight', retryAfter?: number) => never,
): Promise<Outcome> {
  const begun = await beginIdempotent(pool, tokenId, key, hash);
  if (begun.kind === 'mismatch') refuse('idempotency_mismatch');
  if (begun.kind === 'in_flight') refuse('idempotency_in_flight', begun.retryAfter);
  if (begun.kind === 'replay') return { status: begun.status, body: begun.response, replayed: true };
  const { owner } = begun;
  // a failed renewal is tried again at the next tick; should the lease lapse meanwhile, a retry
  // runs the same request again, which Temporal deduplicates (workflow id, Update id)
  const renewal = setInterval(() => void renewLease(pool, tokenId, key, owner).catch(() => {}), RENEW_MS);
  renewal.unref();
  let result: { status: number; body: unknown };
  try {
    result = await run();
  } catch (err) {
    const mapped = toError(err);
    if (!mapped || mapped.status >= 500) {
      clearInterval(renewal);
      await releaseIdempotent(pool, tokenId, key, owner);
      throw err;
    }
    result = mapped;
  } finally {
    clearInterval(renewal);
  }
  await completeIdempotent(pool, tokenId, key, result.status, result.body);
  return { ...result, replayed: false };
}
