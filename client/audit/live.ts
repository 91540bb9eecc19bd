// Tampering found in the running database, not only in an exported bundle: each procedure's
// record (hash chain) and, while Temporal keeps it, its history are read live and checked as a
// bundle would be (client/audit/bundle.ts verifyBundle). Used by `tartip audit verify --live`, the
// record endpoint and the worker's daily check.
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import { verifyChain, type LedgerBreak, type LedgerRow } from '../../activities/ledger-hash.js';
import { buildBundle, verifyBundle, type VerifyReport } from './bundle.js';
import { collectParts } from './source.js';

export interface LiveReport {
  procedureId: string;
  ok: boolean;
  report: VerifyReport;
}

/** One procedure, as it stands now in PostgreSQL (and Temporal, when reachable). */
export async function verifyLive(procedureId: string, src: { client: Client | null; pool: pg.Pool }): Promise<LiveReport> {
  const report = verifyBundle(buildBundle(await collectParts(procedureId, { ...src, stateTimeoutMs: 5_000 })));
  return { procedureId, ok: report.ok, report };
}

/** Every procedure in the records, in the order they started. */
export async function verifyAllLive(src: { client: Client | null; pool: pg.Pool }): Promise<LiveReport[]> {
  const ids = await src.pool.query<{ procedure_id: string }>('SELECT procedure_id FROM procedures ORDER BY started_at, procedure_id');
  const out: LiveReport[] = [];
  for (const r of ids.rows) out.push(await verifyLive(r.procedure_id, src));
  return out;
}

export type RowIntegrity = 'ok' | 'broken' | 'after_break';

/**
 * The record's rows, each marked: `ok` (its hash and link check), `broken` (the first row that does
 * not) or `after_break` (later rows: the chain no longer vouches for them).
 */
export function markRows(rows: LedgerRow[]): { rows: (LedgerRow & { integrity: RowIntegrity })[]; break: LedgerBreak | null } {
  const v = verifyChain(rows, { procedureId: rows[0]?.procedureId ?? undefined });
  const at = v.ok ? rows.length : v.break.index < 0 ? rows.length : v.break.index;
  return {
    rows: rows.map((r, i) => ({ ...r, integrity: i < at ? 'ok' : i === at ? 'broken' : 'after_break' })),
    break: v.ok ? null : v.break,
  };
}
