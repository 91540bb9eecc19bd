// Canonical serialisation and hash chain of the record of legal acts.
// Pure: no database, no I/O besides node:crypto. Auditors verify offline bundles with this file.
import { createHash } from 'node:crypto';

/** prev_hash of the first act of a procedure. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted by UTF-16 code units (as Array.prototype.sort does),
 * no whitespace, keys whose value is `undefined` omitted (as JSON and jsonb do), strings and
 * finite numbers as JSON.stringify writes them. Refuses what JSON (or jsonb) cannot keep:
 * non-finite numbers, bigint, functions, symbols, NUL characters, numbers outside the
 * safe-integer range that are integers (jsonb would keep digits JavaScript cannot).
 */
export function canonicalJson(value: unknown): string {
  return ser(value, '$');
}

function ser(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      if (v.includes('\u0000')) throw new TypeError(`canonicalJson: NUL character at ${path}`);
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
        throw new TypeError(`canonicalJson: integer beyond 2^53 at ${path}; pass it as a string`);
      }
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) {
        return '[' + v.map((x, i) => (x === undefined ? 'null' : ser(x, `${path}[${i}]`))).join(',') + ']';
      }
      if (v instanceof Date) return JSON.stringify(v.toISOString());
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalJson: not a plain object at ${path}`);
      }
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + ser(obj[k], `${path}.${k}`)).join(',') + '}';
    }
    default:
      throw new TypeError(`canonicalJson: ${typeof v} at ${path} is not JSON`);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Who did the act. */
export interface Actor {
  kind: 'person' | 'body' | 'official' | 'system';
  id: string;
  name?: string;
  role?: string;
}

/** One row of the record of legal acts, as stored and as exported in offline bundles. */
export interface LedgerRow {
  procedureId: string;
  seq: number;
  actType: string;
  /** When the act happened in law: ISO 8601 instant, UTC, millisecond precision. */
  legalAt: string;
  /** When the row was written (database clock): ISO 8601 instant, UTC, milliseconds. */
  recordedAt: string;
  actor: Actor;
  payload: unknown;
  /** A Citation, a list of them, or null. */
  citation: unknown;
  editionId: string | null;
  key: string;
  prevHash: string;
  hash: string;
}

export type LedgerContent = Omit<LedgerRow, 'hash'>;

/** Normalise an ISO instant to `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function normaliseInstant(value: string | Date): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new TypeError(`not an instant: ${String(value)}`);
  return d.toISOString();
}

/** The exact material hashed for a row (version-tagged so the scheme can evolve). */
export function hashMaterial(row: LedgerContent): string {
  return canonicalJson({
    v: 1,
    procedureId: row.procedureId,
    seq: row.seq,
    actType: row.actType,
    legalAt: normaliseInstant(row.legalAt),
    recordedAt: normaliseInstant(row.recordedAt),
    actor: row.actor,
    payload: row.payload,
    citation: row.citation ?? null,
    editionId: row.editionId ?? null,
    key: row.key,
    prevHash: row.prevHash,
  });
}

export function computeActHash(row: LedgerContent): string {
  return sha256Hex(hashMaterial(row));
}

export type LedgerProblem =
  | 'wrong_procedure'
  | 'sequence_gap'
  | 'out_of_order'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'head_mismatch'
  | 'unreadable';

export interface LedgerBreak {
  /** The sequence number at which the chain breaks (the expected one). */
  seq: number;
  /** Index in the given list of rows (-1 when the break is past the last row). */
  index: number;
  problem: LedgerProblem;
  expected?: string;
  found?: string;
  message: string;
}

export type LedgerVerification =
  | { ok: true; procedureId: string | null; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; procedureId: string | null; count: number; break: LedgerBreak };

/**
 * Verify one procedure's chain, in the order given (which must be seq 1, 2, 3 ...).
 * Returns the first broken place. `expectedHead` (seq + hash anchored elsewhere, e.g. in a
 * workflow result) also detects rows removed from the end, which a chain alone cannot.
 */
export function verifyChain(
  rows: readonly LedgerRow[],
  opts: { procedureId?: string; expectedHead?: { seq: number; hash: string } } = {},
): LedgerVerification {
  const procedureId = opts.procedureId ?? rows[0]?.procedureId ?? null;
  const fail = (b: LedgerBreak): LedgerVerification => ({ ok: false, procedureId, count: rows.length, break: b });
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const expectedSeq = i + 1;
    if (row.procedureId !== procedureId) {
      return fail({
        seq: expectedSeq, index: i, problem: 'wrong_procedure', expected: String(procedureId), found: row.procedureId,
        message: `row ${i} belongs to procedure ${row.procedureId}, not ${procedureId}`,
      });
    }
    if (row.seq !== expectedSeq) {
      const laterHasIt = rows.some((r, j) => j > i && r.seq === expectedSeq);
      const problem: LedgerProblem = laterHasIt || row.seq < expectedSeq ? 'out_of_order' : 'sequence_gap';
      return fail({
        seq: expectedSeq, index: i, problem, expected: String(expectedSeq), found: String(row.seq),
        message: problem === 'sequence_gap'
          ? `act ${expectedSeq} is missing (next present is ${row.seq})`
          : `act ${row.seq} stands where act ${expectedSeq} should be`,
      });
    }
    if (row.prevHash !== prev) {
      return fail({
        seq: expectedSeq, index: i, problem: 'prev_hash_mismatch', expected: prev, found: row.prevHash,
        message: `act ${expectedSeq} does not follow act ${expectedSeq - 1}: an act before it was removed, replaced or reordered`,
      });
    }
    let actual: string;
    try {
      actual = computeActHash(row);
    } catch (e) {
      return fail({
        seq: expectedSeq, index: i, problem: 'unreadable', message: `act ${expectedSeq}: ${(e as Error).message}`,
      });
    }
    if (actual !== row.hash) {
      return fail({
        seq: expectedSeq, index: i, problem: 'hash_mismatch', expected: actual, found: row.hash,
        message: `act ${expectedSeq}: content does not match its hash (altered)`,
      });
    }
    prev = row.hash;
  }
  const last = rows[rows.length - 1];
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  const eh = opts.expectedHead;
  if (eh && (head === null || head.seq !== eh.seq || head.hash !== eh.hash)) {
    const seq = Math.min(eh.seq, rows.length + 1);
    return fail({
      seq, index: head && head.seq >= eh.seq ? eh.seq - 1 : -1, problem: 'head_mismatch',
      expected: `${eh.seq}:${eh.hash}`, found: head ? `${head.seq}:${head.hash}` : 'empty',
      message: head && head.seq < eh.seq
        ? `acts ${head.seq + 1}..${eh.seq} are missing from the end`
        : `the chain does not end at the anchored head`,
    });
  }
  return { ok: true, procedureId, count: rows.length, head };
}
