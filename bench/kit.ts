// What the benchmarks share: tasks at a concurrency, percentiles, the main command's stack in a
// temporary folder, and Art. 24 procedures with the registers they count against.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../worker/config.js';
import { startTartip, type RunningTartip } from '../worker/runtime.js';
import { freePort } from '../worker/temporal-server.js';
import { importRegisterCsv } from '../activities/registers.js';

/** Runs `n` tasks at concurrency `c`; latencies in ms, sorted. */
export async function concurrently(n: number, c: number, task: (i: number) => Promise<void>): Promise<{ lat: number[]; seconds: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < n) {
      const i = next++;
      const s = performance.now();
      await task(i);
      lat.push(performance.now() - s);
    }
  }));
  return { lat: lat.sort((a, b) => a - b), seconds: (performance.now() - t0) / 1000 };
}

/** The p-th percentile of sorted values. */
export const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `npm start`'s stack (dev Temporal, embedded PostgreSQL, worker, API) on free ports in a temporary folder. */
export async function benchStack(name: string): Promise<{ running: RunningTartip; pool: pg.Pool; stop(): Promise<void> }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `tartip-${name}-`));
  chmodSync(tmp, 0o755);
  const cfg = loadConfig({
    ...process.env, TARTIP_DATA_DIR: tmp, TARTIP_TEMPORAL_PORT: String(await freePort()), TARTIP_UI_PORT: String(await freePort()),
    TARTIP_PG_PORT: String(await freePort()), TARTIP_HTTP_PORT: '0', TARTIP_TASK_QUEUE: name, TEMPORAL_ADDRESS: '', DATABASE_URL: '',
  });
  const running = await startTartip(cfg, () => {});
  const pool = new pg.Pool({ connectionString: running.databaseUrl, max: 5 });
  return {
    running,
    pool,
    async stop() {
      await pool.end();
      await running.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** One district maslikhat per id, each with `deputies` deputies `${id}-D${n}`, under the region `region`. */
export async function importMaslikhats(pool: pg.Pool, region: string, ids: readonly string[], deputies: number): Promise<void> {
  await importRegisterCsv({ pool }, 'admin_units', `id,kind,parent_id,name_kk,name_ru\n${region},region,,Облыс,Область\n${ids.map((_, i) => `${region}.${i},district,${region},Аудан ${i},Район ${i}`).join('\n')}\n`);
  await importRegisterCsv({ pool }, 'maslikhats', `id,unit_id,name_kk,name_ru,seats,seats_basis\n${ids.map((m, i) => `${m},${region}.${i},${m},${m},${deputies},bench`).join('\n')}\n`);
  await importRegisterCsv({ pool }, 'deputies', `id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason\n${ids.flatMap((m) => Array.from({ length: deputies }, (_, d) => `${m}-D${d},${m},${m}-P${d},Депутат ${d},2024-01-01,,`)).join('\n')}\n`);
}

/** The start body of an Art. 24 no-confidence procedure of maslikhat `m` (its `i`-th akim post), appealed an hour ago by two deputies. */
export function noConfidenceBody(region: string, m: string, i: number): Record<string, unknown> {
  const target = (role: string) => ({ name: role, role, address: `${role}@example.kz` });
  return {
    unit: region, maslikhatId: m, akim: { postId: `AKIM-${m}-${i}`, personId: `AKIM-P-${m}-${i}`, name: `Аким ${i}` }, superior: target('superior'), maslikhat: target('maslikhat'),
    ground: { nonApprovals: [{ decision: '1/1', date: '2024-06-01', report: 'отчёт 2023' }, { decision: '2/1', date: '2025-01-15', report: 'отчёт 2024' }] },
    appeal: { at: new Date(Date.now() - 3_600_000).toISOString(), initiators: [`${m}-D0`, `${m}-D1`] },
  };
}
