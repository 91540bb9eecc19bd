// Facts of maslikhat sessions that outlive one procedure (migrations/0014_session_marks.sql): the
// regular sessions of a year (10(2)) and the session chairs elected in a calendar year (18(3)).
// Kept as senate_recall_bars keeps the 24-1(6) bar: the workflow writes in an act's `load`
// (idempotent) and reads in `start`/`load`; the law's arithmetic stays in the workflow.
import type { Citation, IsoDate } from '../statute/types.js';
import { inTransaction, type DbContext } from './db.js';

export type SessionMark = 'convened' | 'held' | 'chair_elected' | 'chaired';

export interface RecordSessionMarkInput {
  procedureId: string;
  maslikhatId: string;
  mark: SessionMark;
  /** the deputy (chair_elected, chaired); '' for the session itself */
  subjectId?: string;
  onDate: IsoDate;
  citation: Citation;
}

/** Records the fact once (a retry changes nothing). */
export async function recordSessionMark(db: DbContext, m: RecordSessionMarkInput): Promise<void> {
  await inTransaction(db, (c) =>
    c.query(
      `INSERT INTO maslikhat_session_marks (procedure_id, maslikhat_id, mark, subject_id, on_date, citation)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [m.procedureId, m.maslikhatId, m.mark, m.subjectId ?? '', m.onDate, JSON.stringify(m.citation)],
    ),
  );
}

export interface CountSessionMarksInput {
  maslikhatId: string;
  mark: SessionMark;
  subjectId?: string;
  /** the window, both days included */
  from: IsoDate;
  to: IsoDate;
  /** leave this procedure out (the one asking) */
  exceptProcedureId?: string;
}
export interface SessionMarkCount {
  count: number;
  /** procedure id and day of each fact counted, by day */
  marks: { procedureId: string; onDate: IsoDate }[];
}

/** The procedures whose latest fact of that kind falls within the window. */
export async function countSessionMarks(db: DbContext, q: CountSessionMarksInput): Promise<SessionMarkCount> {
  const r = await db.pool.query<{ procedure_id: string; on_date: string }>(
    `SELECT procedure_id, on_date::text FROM (
       SELECT procedure_id, max(on_date) AS on_date FROM maslikhat_session_marks
        WHERE maslikhat_id = $1 AND mark = $2 AND subject_id = $3 AND procedure_id <> $6
        GROUP BY procedure_id) latest
      WHERE on_date BETWEEN $4::date AND $5::date ORDER BY on_date, procedure_id`,
    [q.maslikhatId, q.mark, q.subjectId ?? '', q.from, q.to, q.exceptProcedureId ?? ''],
  );
  return { count: r.rows.length, marks: r.rows.map((x) => ({ procedureId: x.procedure_id, onDate: x.on_date })) };
}

export function sessionActivities(db: DbContext) {
  return {
    recordSessionMark: (input: RecordSessionMarkInput) => recordSessionMark(db, input),
    countSessionMarks: (input: CountSessionMarksInput) => countSessionMarks(db, input),
  };
}
