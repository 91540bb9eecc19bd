// The procedures table: one row per started procedure, written once (idempotent on retry).
import type pg from 'pg';

export interface ProcedureStarted {
  procedureId: string;
  kind: string;
  editionId: string;
  calendarId: string;
  startedBy: string;
  input: unknown;
}

/** A started procedure as registered: its kind and its start input. */
export interface ProcedureRegistration {
  procedureId: string;
  kind: string;
  input: unknown;
}

export function procedureRegistryActivities(pool: pg.Pool) {
  return {
    /** Inserts the procedure once; a retry or a second call changes nothing. Returns true when this call inserted it. */
    async registerProcedure(p: ProcedureStarted): Promise<boolean> {
      const r = await pool.query(
        `INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (procedure_id) DO NOTHING`,
        [p.procedureId, p.kind, p.editionId, p.calendarId, p.startedBy, JSON.stringify(p.input)],
      );
      return r.rowCount === 1;
    },
    /** Reads one procedure's registration (read-only); null when no procedure has that id. */
    async procedureRegistration(q: { procedureId: string }): Promise<ProcedureRegistration | null> {
      const r = await pool.query<{ procedure_id: string; kind: string; input: unknown }>(
        'SELECT procedure_id, kind, input FROM procedures WHERE procedure_id = $1',
        [q.procedureId],
      );
      const row = r.rows[0];
      return row ? { procedureId: row.procedure_id, kind: row.kind, input: row.input } : null;
    },
  };
}
