import type pg from 'pg';
import type { Citation } from '../../statute/types.js';

export async function registerProcedure(pool: pg.Pool, procedureId: string): Promise<void> {
  await pool.query(
    `INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input)
     VALUES ($1, 'test', 'law148-test', 'kz-test', 'test', '{}') ON CONFLICT DO NOTHING`,
    [procedureId],
  );
}

export const CITE: Citation = {
  law: '148',
  article: '24-1',
  paragraph: '2',
  quote: 'тестовая цитата',
  source: 'shared/sources/law148-ru.txt',
};

export const actor = { kind: 'body' as const, id: 'maslikhat-almaty-region', name: 'Алматинский областной маслихат' };
