// Idempotency-Key on every mutating request: the first response is stored and returned to each
// retry; the same key with a different request is refused. Keys are per token.
import type pg from 'pg';
import { sha256 } from './tokens.js';

/** A request without a stored response for this long is taken to be abandoned (its server died). */
const ABANDONED_AFTER_S = 120;

export type IdempotencyBegin =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; response: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

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
  const ins = await pool.query(
    `INSERT INTO api_idempotency (token_id, idem_key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [tokenId, key, hash],
  );
  if (ins.rowCount === 1) return { kind: 'new' };
  const r = await pool.query<{ request_hash: string; status: number | null; response: unknown; age: number }>(
    `SELECT request_hash, status, response, extract(epoch FROM now() - created_at)::float8 AS age
       FROM api_idempotency WHERE token_id = $1 AND idem_key = $2`,
    [tokenId, key],
  );
  const row = r.rows[0];
  if (!row) return beginIdempotent(pool, tokenId, key, hash); // released meanwhile
  if (row.request_hash !== hash) return { kind: 'mismatch' };
  if (row.status !== null) return { kind: 'replay', status: row.status, response: row.response };
  if (row.age > ABANDONED_AFTER_S) {
    const taken = await pool.query(
      `UPDATE api_idempotency SET created_at = now() WHERE token_id = $1 AND idem_key = $2 AND status IS NULL AND created_at < now() - make_interval(secs => $3)`,
      [tokenId, key, ABANDONED_AFTER_S],
    );
    if (taken.rowCount === 1) return { kind: 'new' };
  }
  return { kind: 'in_flight' };
}

export async function completeIdempotent(pool: pg.Pool, tokenId: string, key: string, status: number, response: unknown): Promise<void> {
  await pool.query(
    `UPDATE api_idempotency SET status = $3, response = $4, completed_at = now() WHERE token_id = $1 AND idem_key = $2`,
    [tokenId, key, status, JSON.stringify(response)],
  );
}

/** Forgets a request that failed on our side (5xx), so that a retry runs it again. */
export async function releaseIdempotent(pool: pg.Pool, tokenId: string, key: string): Promise<void> {
  await pool.query(`DELETE FROM api_idempotency WHERE token_id = $1 AND idem_key = $2 AND status IS NULL`, [tokenId, key]);
}

export interface Outcome {
  status: number;
  body: unknown;
  /** true when this is the stored response of an earlier request with the same key */
  replayed: boolean;
}

/**
 * Runs `run` once per (token, key): a retry gets the stored first outcome, the same key with
 * another request hash is refused. `toError` turns a thrown error into a stored 4xx, or null when
 * it is our fault (5xx): then the key is released, so the retry runs again, and the error rethrown.
 */
export async function once(
  pool: pg.Pool,
  tokenId: string,
  key: string,
  hash: string,
  run: () => Promise<{ status: number; body: unknown }>,
  toError: (e: unknown) => { status: number; body: unknown } | null,
  refuse: (code: 'idempotency_mismatch' | 'idempotency_in_flight') => never,
): Promise<Outcome> {
  const begun = await beginIdempotent(pool, tokenId, key, hash);
  if (begun.kind === 'mismatch') refuse('idempotency_mismatch');
  if (begun.kind === 'in_flight') refuse('idempotency_in_flight');
  if (begun.kind === 'replay') return { status: begun.status, body: begun.response, replayed: true };
  let result: { status: number; body: unknown };
  try {
    result = await run();
  } catch (err) {
    const mapped = toError(err);
    if (!mapped || mapped.status >= 500) {
      await releaseIdempotent(pool, tokenId, key);
      throw err;
    }
    result = mapped;
  }
  await completeIdempotent(pool, tokenId, key, result.status, result.body);
  return { ...result, replayed: false };
}
