// The marks of maslikhat sessions in PostgreSQL (activities/sessions.ts, migrations/0013): what the
// pure test's in-memory `marks()` stands for — recorded once, the latest day of a procedure counted,
// windows with both days included, the asking procedure left out, rows append-only, the worker role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { countSessionMarks, recordSessionMark } from '../../activities/sessions.js';

let db: FreshDatabase;
const worker = () => ({ pool: db.pool, role: 'tartip_worker' });
const cite = { law: '148', article: '10', paragraph: '2', quote: 'Очередная сессия маслихата созывается не реже четырех раз в год', source: 'x' };
const P = ['regular_session:M:1', 'regular_session:M:2', 'regular_session:M:3', 'regular_session:N:1'];

beforeAll(async () => {
  db = await freshDatabase();
  for (const p of P) await db.pool.query(`INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ($1, 'regular_session', 'e', 'c', 't', '{}')`, [p]);
});
afterAll(async () => {
  await db?.close();
});

const mark = (procedureId: string, mark: 'convened' | 'held' | 'chair_elected', onDate: string, subjectId?: string, maslikhatId = 'M') =>
  recordSessionMark(worker(), { procedureId, maslikhatId, mark, onDate, citation: cite, ...(subjectId ? { subjectId } : {}) });
const count = (q: Partial<Parameters<typeof countSessionMarks>[1]>) => countSessionMarks(worker(), { maslikhatId: 'M', mark: 'convened', from: '2025-01-01', to: '2025-12-31', ...q });

describe('maslikhat_session_marks', () => {
  it('recorded once; a rescheduled session counts on its latest day; the window includes both ends; the asker is left out', async () => {
    await mark(P[0]!, 'convened', '2025-01-20');
    await mark(P[0]!, 'convened', '2025-01-20'); // a retry changes nothing
    await mark(P[1]!, 'convened', '2024-12-31');
    await mark(P[1]!, 'convened', '2025-01-02'); // moved into 2025
    await mark(P[2]!, 'convened', '2025-12-31');
    await mark(P[3]!, 'convened', '2025-03-01', undefined, 'N'); // another maslikhat
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM maslikhat_session_marks WHERE procedure_id = $1`, [P[0]])).rows[0].n).toBe(1);
    expect(await count({})).toEqual({ count: 3, marks: [{ procedureId: P[1], onDate: '2025-01-02' }, { procedureId: P[0], onDate: '2025-01-20' }, { procedureId: P[2], onDate: '2025-12-31' }] });
    expect((await count({ from: '2024-01-01', to: '2024-12-31' })).count).toBe(0);
    expect((await count({ exceptProcedureId: P[0] })).count).toBe(2);
  });

  it('a deputy\'s elections as chair are counted by deputy', async () => {
    await mark(P[0]!, 'chair_elected', '2025-01-20', 'D7');
    await mark(P[1]!, 'chair_elected', '2025-02-20', 'D7');
    await mark(P[2]!, 'chair_elected', '2025-03-20', 'D8');
    expect((await count({ mark: 'chair_elected', subjectId: 'D7' })).count).toBe(2);
    expect((await count({ mark: 'chair_elected', subjectId: 'D8' })).count).toBe(1);
    expect((await count({ mark: 'chair_elected' })).count).toBe(0);
  });

  it('append-only, and only for a registered procedure', async () => {
    await expect(db.pool.query(`UPDATE maslikhat_session_marks SET on_date = '2025-02-01' WHERE procedure_id = $1`, [P[0]])).rejects.toThrow(/append-only/);
    await expect(mark('regular_session:M:unknown', 'held', '2025-01-20')).rejects.toThrow(/foreign key/);
  });
});
