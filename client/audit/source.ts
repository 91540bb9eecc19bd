// Where an audit reads a procedure from: Temporal (history, state) while it exists, PostgreSQL
// (procedures row, record of acts) always.
import type pg from 'pg';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { readLedger } from '../../activities/ledger.js';
import type { LedgerRow } from '../../activities/ledger-hash.js';
import type { HistoryJson } from './history.js';
import type { BundleParts } from './bundle.js';

/** The Temporal history as JSON, or null when the server no longer has it (retention) or is not given. */
export async function fetchHistoryJson(client: Client | null, workflowId: string): Promise<HistoryJson | null> {
  if (!client) return null;
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return JSON.parse(historyToJSON(history)) as HistoryJson;
  } catch (e) {
    if ((e as { name?: string }).name === 'WorkflowNotFoundError' || /not found/i.test(String((e as Error).message))) return null;
    throw e;
  }
}

/** The `state` query, if a worker answers within `timeoutMs`; null otherwise. */
export async function queryState(client: Client | null, workflowId: string, timeoutMs = 5_000): Promise<unknown> {
  if (!client) return null;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      // the deadline ends the call itself, so that a query nobody answers holds no connection open
      client.connection.withDeadline(Date.now() + timeoutMs, () => client.workflow.getHandle(workflowId).query('state')),
      new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); }),
    ]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export interface ProcedureRecord {
  procedure: BundleParts['procedure'];
  rows: LedgerRow[];
}

/** The procedures row and its record of acts; throws when the procedure is unknown. */
export async function readProcedureRecord(pool: pg.Pool, procedureId: string): Promise<ProcedureRecord> {
  const r = await pool.query<{ kind: string; edition_id: string; calendar_id: string; started_by: string; started_at: Date; input: Record<string, unknown> }>(
    'SELECT kind, edition_id, calendar_id, started_by, started_at, input FROM procedures WHERE procedure_id = $1',
    [procedureId],
  );
  const row = r.rows[0];
  if (!row) throw new Error(`procedure ${procedureId}: not in the records (procedures table)`);
  const calendarRef = typeof row.input.calendarRef === 'string' ? row.input.calendarRef : row.calendar_id;
  return {
    procedure: { id: procedureId, kind: row.kind, editionId: row.edition_id, calendarRef, startedBy: row.started_by, startedAt: row.started_at.toISOString(), input: row.input },
    rows: await readLedger({ pool }, procedureId),
  };
}

/** Everything a bundle holds, from the servers given. */
export async function collectParts(procedureId: string, src: { client: Client | null; pool: pg.Pool; stateTimeoutMs?: number }): Promise<BundleParts> {
  const [rec, history, state] = await Promise.all([
    readProcedureRecord(src.pool, procedureId),
    fetchHistoryJson(src.client, procedureId),
    queryState(src.client, procedureId, src.stateTimeoutMs),
  ]);
  return { procedure: rec.procedure, history, rows: rec.rows, state };
}
