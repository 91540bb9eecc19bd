import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { appendAct, readLedger, verifyLedger, ledgerHead, type AppendActInput } from '../../activities/ledger.js';
import { IdempotencyConflictError, RecordsInputError } from '../../activities/errors.js';
import { CITE, actor, registerProcedure } from './helpers.js';

let db: FreshDatabase;
let ctx: { pool: pg.Pool; role: string };

beforeAll(async () => {
  db = await freshDatabase();
  // everything below writes as the worker role, like the worker does
  ctx = { pool: db.pool, role: 'tartip_worker' };
});
afterAll(async () => {
  await db?.close();
});

const act = (procedureId: string, step: number | string, extra: Partial<AppendActInput> = {}): AppendActInput => ({
  procedureId,
  key: `${procedureId}/run-1/${step}`,
  actType: 'protocol',
  legalAt: '2026-03-02T10:15:00+05:00',
  actor,
  payload: { step, decision: 'Шешім қабылданды', votes: { for: 21, against: 3 } },
  citation: CITE,
  editionId: 'law148-2018',
  ...extra,
});

async function superuser<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A superuser tampering: ordinary triggers off for the session. */
async function tamper(sql: string, params: unknown[] = []) {
  await superuser(async (c) => {
    await c.query(`SET session_replication_role = replica`);
    await c.query(sql, params);
  });
}

describe('record of legal acts', () => {
  it('appends a chain, seq 1..n, that verifies', async () => {
    await registerProcedure(db.pool, 'p-chain');
    for (let i = 1; i <= 3; i++) {
      const r = await appendAct(ctx, act('p-chain', i));
      expect(r).toMatchObject({ seq: i, replayed: false });
    }
    const rows = await readLedger(ctx, 'p-chain');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[0]!.legalAt).toBe('2026-03-02T05:15:00.000Z');
    expect(rows[0]!.citation).toEqual(CITE);
    const v = await verifyLedger(ctx, { procedureId: 'p-chain', expectedHead: (await ledgerHead(ctx, 'p-chain'))! });
    expect(v).toMatchObject({ ok: true, count: 3 });
  });

  it('a retried step (crash before acknowledging) returns the existing act and writes nothing', async () => {
    await registerProcedure(db.pool, 'p-retry');
    const first = await appendAct(ctx, act('p-retry', 'appeal'));
    const again = await appendAct(ctx, act('p-retry', 'appeal'));
    expect(again.replayed).toBe(true);
    expect({ ...again, replayed: false }).toEqual(first);
    expect(await readLedger(ctx, 'p-retry')).toHaveLength(1);
  });

  it('the same key with different content is a bug: typed, non-retryable error', async () => {
    await registerProcedure(db.pool, 'p-conflict');
    await appendAct(ctx, act('p-conflict', 1));
    const err = await appendAct(ctx, act('p-conflict', 1, { payload: { step: 1, decision: 'другое' } })).catch((e) => e);
    expect(err).toBeInstanceOf(IdempotencyConflictError);
    expect(err.nonRetryable).toBe(true);
    expect(err.differences).toEqual(['payload']);
    expect(await readLedger(ctx, 'p-conflict')).toHaveLength(1);
  });

  it('refuses bad input and unknown procedures before writing', async () => {
    await expect(appendAct(ctx, act('p-none', 1))).rejects.toBeInstanceOf(RecordsInputError);
    await registerProcedure(db.pool, 'p-bad');
    await expect(appendAct(ctx, act('p-bad', 1, { legalAt: 'yesterday' }))).rejects.toThrow(/legalAt/);
    await expect(appendAct(ctx, act('p-bad', 1, { actType: 'Bad Type' }))).rejects.toThrow(/actType/);
    await expect(appendAct(ctx, act('p-bad', 1, { payload: { n: 2 ** 60 } }))).rejects.toThrow(/2\^53/);
  });

  it('concurrent appends to one procedure keep one valid chain', async () => {
    await registerProcedure(db.pool, 'p-concurrent');
    const N = 60;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => appendAct(ctx, act('p-concurrent', `s${i}`, { payload: { i } }))),
    );
    expect(new Set(results.map((r) => r.seq)).size).toBe(N);
    const rows = await readLedger(ctx, 'p-concurrent');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(await verifyLedger(ctx, { procedureId: 'p-concurrent' })).toMatchObject({ ok: true, count: N });
  });

  it('concurrent retries of one step write it once', async () => {
    await registerProcedure(db.pool, 'p-dupes');
    const results = await Promise.all(Array.from({ length: 12 }, () => appendAct(ctx, act('p-dupes', 'vote'))));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.hash)).size).toBe(1);
    expect(await readLedger(ctx, 'p-dupes')).toHaveLength(1);
  });

  it('the worker role cannot UPDATE, DELETE or TRUNCATE the ledger', async () => {
    await registerProcedure(db.pool, 'p-role');
    await appendAct(ctx, act('p-role', 1));
    await superuser(async (c) => {
      await c.query('SET ROLE tartip_worker');
      for (const sql of [
        `UPDATE ledger SET payload = '{}' WHERE procedure_id = 'p-role'`,
        `DELETE FROM ledger WHERE procedure_id = 'p-role'`,
        `TRUNCATE ledger`,
      ]) {
        await expect(c.query(sql)).rejects.toThrow(/permission denied/);
      }
      // it can read and insert (through appendAct, above)
      const r = await c.query(`SELECT count(*)::int AS n FROM ledger WHERE procedure_id = 'p-role'`);
      expect(r.rows[0].n).toBe(1);
    });
  });

  it('even the owner cannot change a row while the triggers are on, nor insert off-chain', async () => {
    await registerProcedure(db.pool, 'p-trigger');
    const a = await appendAct(ctx, act('p-trigger', 1));
    await expect(db.pool.query(`UPDATE ledger SET payload = '{}' WHERE procedure_id = 'p-trigger'`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM ledger WHERE procedure_id = 'p-trigger'`)).rejects.toThrow(/append-only/);
    await expect(
      db.pool.query(
        `INSERT INTO ledger SELECT procedure_id, 3, act_type, legal_at, recorded_at, actor, payload, citation, edition_id,
                'other', $1, hash FROM ledger WHERE procedure_id = 'p-trigger'`,
        [a.hash],
      ),
    ).rejects.toThrow(/does not extend the chain/);
  });

  describe('tampering by a superuser is detected and located', () => {
    const build = async (pid: string, n = 5) => {
      await registerProcedure(db.pool, pid);
      for (let i = 1; i <= n; i++) await appendAct(ctx, act(pid, i));
      return ledgerHead(ctx, pid);
    };

    it('payload changed', async () => {
      await build('p-t-payload');
      await tamper(
        `UPDATE ledger SET payload = jsonb_set(payload, '{votes,for}', '25') WHERE procedure_id = 'p-t-payload' AND seq = 3`,
      );
      expect(await verifyLedger(ctx, { procedureId: 'p-t-payload' })).toMatchObject({
        ok: false,
        break: { seq: 3, problem: 'hash_mismatch' },
      });
    });

    it('legal date changed', async () => {
      await build('p-t-date');
      await tamper(`UPDATE ledger SET legal_at = legal_at - interval '1 day' WHERE procedure_id = 'p-t-date' AND seq = 2`);
      expect(await verifyLedger(ctx, { procedureId: 'p-t-date' })).toMatchObject({ ok: false, break: { seq: 2, problem: 'hash_mismatch' } });
    });

    it('order swapped', async () => {
      await build('p-t-swap');
      await tamper(`UPDATE ledger SET seq = 1000 WHERE procedure_id = 'p-t-swap' AND seq = 2`);
      await tamper(`UPDATE ledger SET seq = 2 WHERE procedure_id = 'p-t-swap' AND seq = 4`);
      await tamper(`UPDATE ledger SET seq = 4 WHERE procedure_id = 'p-t-swap' AND seq = 1000`);
      expect(await verifyLedger(ctx, { procedureId: 'p-t-swap' })).toMatchObject({
        ok: false,
        break: { seq: 2, problem: 'prev_hash_mismatch' },
      });
    });

    it('a row deleted', async () => {
      await build('p-t-delete');
      await tamper(`DELETE FROM ledger WHERE procedure_id = 'p-t-delete' AND seq = 3`);
      expect(await verifyLedger(ctx, { procedureId: 'p-t-delete' })).toMatchObject({
        ok: false,
        break: { seq: 3, problem: 'sequence_gap', found: '4' },
      });
    });

    it('the last row deleted (caught against the anchored head)', async () => {
      const head = await build('p-t-tail');
      await tamper(`DELETE FROM ledger WHERE procedure_id = 'p-t-tail' AND seq = 5`);
      expect((await verifyLedger(ctx, { procedureId: 'p-t-tail' })).ok).toBe(true);
      expect(await verifyLedger(ctx, { procedureId: 'p-t-tail', expectedHead: head! })).toMatchObject({
        ok: false,
        break: { seq: 5, problem: 'head_mismatch' },
      });
    });
  });
});
