// The PostgreSQL template of `tartip simulate` (worker/db/template.ts): made once, migrated; each
// server starts on a copy of its own, so what one run writes is not in the next.
import { mkdtempSync, rmSync, chmodSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresFromTemplate } from '../../worker/db/template.js';
import { freePort } from '../../worker/temporal-server.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-pgtpl-'));
chmodSync(tmp, 0o755); // the postgres user reaches it when we are root
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function once(n: number, write: boolean): Promise<{ tables: number; rows: number }> {
  const env = { ...process.env, TARTIP_TOOLS_DIR: path.join(tmp, 'tools') };
  const r = await postgresFromTemplate({ dataDir: path.join(tmp, `run-${n}`), port: await freePort(), database: 'tartip_sim', env });
  expect(r).not.toBeNull();
  const c = new pg.Client({ connectionString: r!.url });
  await c.connect();
  try {
    const tables = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('ledger', 'notices', 'procedures')`)).rows[0]!.n);
    if (write) await c.query(`INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ('tpl-1', 'test', 'e', 'c', 's', '{}')`);
    const rows = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM procedures`)).rows[0]!.n);
    return { tables, rows };
  } finally {
    await c.end();
    await r!.server.stop();
  }
}

describe('the PostgreSQL template for short-lived servers', () => {
  it('is made once with the migrations; each copy starts clean', async () => {
    expect(await once(1, true)).toEqual({ tables: 3, rows: 1 });
    expect(readdirSync(path.join(tmp, 'tools', 'pg-template')).filter((f) => !f.endsWith('.tmp'))).toHaveLength(1);
    expect(await once(2, false)).toEqual({ tables: 3, rows: 0 });
  }, 180_000);
});
