// The record of legal acts: append-only, hash-chained, idempotent per workflow step.
import type pg from 'pg';
import { z } from 'zod';
import { inTransaction, type DbContext } from './db.js';
import { IdempotencyConflictError, RecordsInputError, zodIssues } from './errors.js';
import {
  GENESIS_HASH,
  canonicalJson,
  computeActHash,
  normaliseInstant,
  verifyChain,
  type Actor,
  type LedgerRow,
  type LedgerVerification,
} from './ledger-hash.js';

export type { Actor, LedgerRow, LedgerVerification } from './ledger-hash.js';

/** Act types the procedures write; others matching /^[a-z][a-z0-9_.]*$/ are accepted too. */
export const KNOWN_ACT_TYPES = [
  'appeal',
  'signature_sheet',
  'protocol',
  'session_decision',
  'vote_result',
  'superior_decision',
  'notice',
  'notice_delivered',
  'timer_expiry',
  'procedure_started',
  'procedure_closed',
  'refusal',
] as const;
export type KnownActType = (typeof KNOWN_ACT_TYPES)[number];
export type ActType = KnownActType | (string & {});

export interface AppendActInput {
  procedureId: string;
  /** Idempotency key of the workflow step, e.g. `${workflowId}/${runId}/${step}`. */
  key: string;
  actType: ActType;
  /** When the act happened in law: ISO 8601 instant with offset. */
  legalAt: string;
  actor: Actor;
  /** Any JSON value. */
  payload: unknown;
  /** A Citation or a list of Citations (statute/types.ts). */
  citation?: unknown;
  /** The statute edition the act was decided under. */
  editionId?: string | null;
}

export interface AppendActResult extends LedgerRow {
  /** true when the key was already recorded (a retry) and the existing row is returned. */
  replayed: boolean;
}

const idText = (max: number) => z.string().min(1).max(max).refine((s) => !s.includes('\u0000'), 'NUL character');
const citationSchema = z
  .object({ law: z.string().min(1), article: z.string().min(1), quote: z.string(), source: z.string() })
  .loose();

const appendSchema = z.object({
  procedureId: idText(256),
  key: idText(512),
  actType: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'act type: lower-case identifier'),
  legalAt: z.iso.datetime({ offset: true }),
  actor: z
    .object({
      kind: z.enum(['person', 'body', 'official', 'system']),
      id: idText(256),
      name: z.string().optional(),
      role: z.string().optional(),
    })
    .strict(),
  payload: z.unknown().refine((v) => v !== undefined, 'payload is required'),
  citation: z.union([citationSchema, z.array(citationSchema), z.null()]).optional(),
  editionId: z.string().min(1).max(128).nullable().optional(),
});

function parseAppend(input: AppendActInput): AppendActInput {
  const r = appendSchema.safeParse(input);
  if (!r.success) throw new RecordsInputError('appendAct', zodIssues(r.error));
  try {
    canonicalJson(input.payload);
    canonicalJson(input.citation ?? null);
    canonicalJson(input.actor);
  } catch (e) {
    throw new RecordsInputError('appendAct', [{ path: 'payload', message: (e as Error).message }]);
  }
  return input;
}

const COLUMNS = `procedure_id, seq, act_type, legal_at, recorded_at, actor, payload, citation, edition_id,
  idem_key, prev_hash, hash`;

interface DbRow {
  procedure_id: string;
  seq: string | number;
  act_type: string;
  legal_at: Date;
  recorded_at: Date;
  actor: Actor;
  payload: unknown;
  citation: unknown;
  edition_id: string | null;
  idem_key: string;
  prev_hash: string;
  hash: string;
}

export function rowFromDb(r: DbRow): LedgerRow {
  return {
    procedureId: r.procedure_id,
    seq: Number(r.seq),
    actType: r.act_type,
    legalAt: r.legal_at.toISOString(),
    recordedAt: r.recorded_at.toISOString(),
    actor: r.actor,
    payload: r.payload,
    citation: r.citation,
    editionId: r.edition_id,
    key: r.idem_key,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The part of an act that must be identical when its key is replayed. */
function replayContent(x: {
  actType: string;
  legalAt: string;
  actor: unknown;
  payload: unknown;
  citation?: unknown;
  editionId?: string | null;
}): Record<string, string> {
  return {
    actType: x.actType,
    legalAt: normaliseInstant(x.legalAt),
    actor: canonicalJson(x.actor),
    payload: canonicalJson(x.payload),
    citation: canonicalJson(x.citation ?? null),
    editionId: String(x.editionId ?? null),
  };
}

function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}

/** Serialises writers of one procedure for the rest of the transaction. */
async function lockProcedure(client: pg.PoolClient, procedureId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(7262, hashtext($1))`, [procedureId]);
}

/**
 * Append within an open transaction (used by appendAct and by notice delivery so the
 * notice's status and its act commit together).
 */
export async function appendActIn(client: pg.PoolClient, input: AppendActInput): Promise<AppendActResult> {
  parseAppend(input);
  await lockProcedure(client, input.procedureId);
  const found = await client.query<DbRow & { now: Date }>(
    `SELECT date_trunc('milliseconds', clock_timestamp()) AS now, l.*
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM ledger WHERE procedure_id = $1 AND idem_key = $2
         UNION ALL
         (SELECT ${COLUMNS} FROM ledger WHERE procedure_id = $1 ORDER BY seq DESC LIMIT 1)
       ) AS l ON true`,
    [input.procedureId, input.key],
  );
  const now = found.rows[0]!.now;
  const existing = found.rows.find((r) => r.idem_key === input.key);
  if (existing) {
    const row = rowFromDb(existing);
    const diff = differences(replayContent(input), replayContent(row));
    if (diff.length > 0) throw new IdempotencyConflictError('ledger', input.key, input.procedureId, diff);
    return { ...row, replayed: true };
  }
  const head = found.rows.find((r) => r.seq !== null && r.seq !== undefined);
  const content = {
    procedureId: input.procedureId,
    seq: head ? Number(head.seq) + 1 : 1,
    actType: input.actType,
    legalAt: normaliseInstant(input.legalAt),
    recordedAt: now.toISOString(),
    actor: input.actor,
    // canonical round trip: what is hashed is exactly what jsonb gives back
    payload: JSON.parse(canonicalJson(input.payload)) as unknown,
    citation: JSON.parse(canonicalJson(input.citation ?? null)) as unknown,
    editionId: input.editionId ?? null,
    key: input.key,
    prevHash: head ? head.hash : GENESIS_HASH,
  };
  const hash = computeActHash(content);
  await client.query(
    `INSERT INTO ledger (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      content.procedureId,
      content.seq,
      content.actType,
      content.legalAt,
      content.recordedAt,
      canonicalJson(content.actor),
      canonicalJson(content.payload),
      canonicalJson(content.citation),
      content.editionId,
      content.key,
      content.prevHash,
      hash,
    ],
  );
  return { ...content, hash, replayed: false };
}

/** An act of a procedure that was never registered: bad input, not a fault to retry. */
export function unknownProcedure(e: unknown, activity: string, procedureId: string): unknown {
  const pe = e as { code?: string; constraint?: string };
  if (pe.code === '23503' && pe.constraint === 'ledger_procedure_id_fkey') {
    return new RecordsInputError(activity, [{ path: 'procedureId', message: `unknown procedure ${procedureId}` }]);
  }
  return e;
}

export async function appendAct(db: DbContext, input: AppendActInput): Promise<AppendActResult> {
  parseAppend(input);
  try {
    return await inTransaction(db, (client) => appendActIn(client, input));
  } catch (e) {
    throw unknownProcedure(e, 'appendAct', input.procedureId);
  }
}

export async function readLedger(
  db: DbContext,
  procedureId: string,
  opts: { fromSeq?: number; limit?: number } = {},
): Promise<LedgerRow[]> {
  const r = await db.pool.query<DbRow>(
    `SELECT ${COLUMNS} FROM ledger WHERE procedure_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`,
    [procedureId, opts.fromSeq ?? 1, opts.limit ?? null],
  );
  return r.rows.map(rowFromDb);
}

export async function ledgerHead(db: DbContext, procedureId: string): Promise<{ seq: number; hash: string } | null> {
  const r = await db.pool.query<{ seq: string; hash: string }>(
    `SELECT seq, hash FROM ledger WHERE procedure_id = $1 ORDER BY seq DESC LIMIT 1`,
    [procedureId],
  );
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

export interface VerifyLedgerInput {
  procedureId: string;
  /** seq + hash anchored outside the ledger (detects acts removed from the end). */
  expectedHead?: { seq: number; hash: string };
}

/** Verify a procedure's stored chain, or a list of rows (an offline bundle). */
export async function verifyLedger(
  db: DbContext,
  input: VerifyLedgerInput | { rows: LedgerRow[]; procedureId?: string; expectedHead?: { seq: number; hash: string } },
): Promise<LedgerVerification> {
  if ('rows' in input) return verifyChain(input.rows, input);
  const rows = await readLedger(db, input.procedureId);
  return verifyChain(rows, input);
}
