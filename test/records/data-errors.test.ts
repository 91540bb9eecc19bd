// An activity whose data PostgreSQL refuses (here "\u0000", which jsonb cannot store) fails for
// good as bad input (RecordsInputError, non-retryable), so a workflow records a refusal instead of
// retrying it for ever and blocking its procedure; a database that is down is still retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { RecordsInputError } from '../../activities/index.js';

let db: FreshDatabase;
let acts: ReturnType<typeof buildActivities>;
beforeAll(async () => {
  db = await freshDatabase();
  acts = buildActivities(db.pool);
});
afterAll(async () => {
  await closeBuiltActivities(acts);
  await db?.close();
});

describe('PostgreSQL refusing the data', () => {
  it('a NUL in a start input: registerProcedure fails as RecordsInputError (non-retryable), naming the code', async () => {
    const e = await acts.registerProcedure({ procedureId: 'p-nul', kind: 'statutory_wait', editionId: 'e', calendarId: 'c', startedBy: 'x', input: { unit: 'A\u0000' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RecordsInputError);
    expect((e as RecordsInputError).nonRetryable).toBe(true);
    expect((e as Error).message).toMatch(/22P05|unsupported Unicode/);
    // nothing was written
    expect((await db.pool.query(`SELECT 1 FROM procedures WHERE procedure_id = 'p-nul'`)).rowCount).toBe(0);
  });

  it('a database that cannot be reached is not bad input: the error stays retryable', async () => {
    const down = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const a = buildActivities(down);
    const e = await a.registerProcedure({ procedureId: 'p', kind: 'k', editionId: 'e', calendarId: 'c', startedBy: 'x', input: {} }).catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(RecordsInputError);
    await closeBuiltActivities(a);
    await down.end();
  });
});
