// Bars across procedures (migrations/0013_procedure_bars.sql): what one procedure's outcome forbids
// any later run, e.g. Art. 21(5) "Взыскания не могут быть наложены повторно за один и тот же
// проступок". The same machinery as the 24-1(6) bar of a Senate recall (senateRecallBarCheck,
// senateRecallRecordBar), for any rule: checked before the act, recorded once (a retry changes nothing).
import { inTransaction, type DbContext } from './db.js';
import type { Citation, IsoDate } from '../statute/types.js';

export interface ProcedureBarCheckInput {
  rule: string;
  subject: string;
  /** the matter under the reading the procedure uses (one of the keys a bar was recorded under) */
  matterKey: string;
  /** the day the new act would take place */
  date: IsoDate;
}
export type ProcedureBarCheck = { barred: false } | { barred: true; procedureId: string; matter: string; from: IsoDate; until: IsoDate | null };

export async function procedureBarCheck(db: DbContext, input: ProcedureBarCheckInput): Promise<ProcedureBarCheck> {
  const r = await db.pool.query<{ procedure_id: string; matter: string; from_date: string; until_date: string | null }>(
    `SELECT procedure_id, matter, from_date::text, until_date::text FROM procedure_bars
      WHERE rule = $1 AND subject = $2 AND matter_key = $3 AND from_date <= $4::date AND (until_date IS NULL OR until_date > $4::date)
      ORDER BY from_date LIMIT 1`,
    [input.rule, input.subject, input.matterKey, input.date],
  );
  const b = r.rows[0];
  return b ? { barred: true, procedureId: b.procedure_id, matter: b.matter, from: b.from_date, until: b.until_date } : { barred: false };
}

export interface RecordProcedureBarInput {
  procedureId: string;
  runKey: string;
  rule: string;
  subject: string;
  matter: string;
  /** every key the matter is known under (one per reading of "the same") */
  matterKeys: string[];
  from: IsoDate;
  until: IsoDate | null;
  citation: Citation;
}

/** Records the bar once per key (a retry changes nothing). */
export async function recordProcedureBar(db: DbContext, b: RecordProcedureBarInput): Promise<void> {
  await inTransaction(db, async (c) => {
    for (const key of b.matterKeys) {
      await c.query(
        `INSERT INTO procedure_bars (procedure_id, run_key, rule, subject, matter_key, matter, from_date, until_date, citation)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [b.procedureId, b.runKey, b.rule, b.subject, key, b.matter, b.from, b.until, JSON.stringify(b.citation)],
      );
    }
  });
}

export function barActivities(db: DbContext) {
  return {
    procedureBarCheck: (input: ProcedureBarCheckInput) => procedureBarCheck(db, input),
    recordProcedureBar: (input: RecordProcedureBarInput) => recordProcedureBar(db, input),
  };
}
