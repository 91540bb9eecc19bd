// Acts under load through the HTTP API (issue 13): 2,000 `submitSheet` acts of Art. 24 at
// concurrency 50, spread over procedures on the main command's stack (dev Temporal, embedded
// PostgreSQL, worker, API). What must hold: no 5xx; every accepted act in the record once.
// Run: npx tsx bench/load.bench.ts   Options (env): LOAD_ACTS (2000), LOAD_CONCURRENCY (50), LOAD_PROCEDURES (60).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { loadConfig } from '../worker/config.js';
import { startTartip } from '../worker/runtime.js';
import { freePort } from '../worker/temporal-server.js';
import { createToken } from '../client/http/tokens.js';
import { importRegisterCsv } from '../activities/registers.js';

const ACTS = Number(process.env.LOAD_ACTS ?? 2000);
const CONC = Number(process.env.LOAD_CONCURRENCY ?? 50);
const PROCS = Number(process.env.LOAD_PROCEDURES ?? 60);
const DEPUTIES = Math.ceil(ACTS / PROCS) + 2;

Runtime.install({ logger: new DefaultLogger('ERROR') });
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-load-'));
  chmodSync(tmp, 0o755);
  const cfg = loadConfig({
    ...process.env, TARTIP_DATA_DIR: tmp, TARTIP_TEMPORAL_PORT: String(await freePort()), TARTIP_UI_PORT: String(await freePort()),
    TARTIP_PG_PORT: String(await freePort()), TARTIP_HTTP_PORT: '0', TARTIP_TASK_QUEUE: 'load', TEMPORAL_ADDRESS: '', DATABASE_URL: '',
  });
  const running = await startTartip(cfg, () => {});
  const pool = new pg.Pool({ connectionString: running.databaseUrl, max: 5 });
  try {
    // the registers the procedures count against: one district maslikhat per procedure
    const ms = Array.from({ length: PROCS }, (_, i) => `M-LOAD-${i}`);
    await importRegisterCsv({ pool }, 'admin_units', `id,kind,parent_id,name_kk,name_ru\nKZ-LOAD,region,,Жүктеме облысы,Нагрузочная область\n${ms.map((_, i) => `KZ-LOAD.${i},district,KZ-LOAD,Аудан ${i},Район ${i}`).join('\n')}\n`);
    await importRegisterCsv({ pool }, 'maslikhats', `id,unit_id,name_kk,name_ru,seats,seats_basis\n${ms.map((m, i) => `${m},KZ-LOAD.${i},${m},${m},${DEPUTIES},bench`).join('\n')}\n`);
    await importRegisterCsv({ pool }, 'deputies', `id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason\n${ms.flatMap((m) => Array.from({ length: DEPUTIES }, (_, d) => `${m}-D${d},${m},${m}-P${d},Депутат ${d},2024-01-01,,`)).join('\n')}\n`);
    const { token } = await createToken(pool, { role: 'administrator', body: 'KZ-LOAD', actorId: 'load', name: 'Load' });
    let n = 0;
    const post = (url: string, body: unknown) => fetch(`${running.apiUrl}${url}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `load-${++n}` }, body: JSON.stringify(body) });
    const target = (role: string) => ({ name: role, role, address: `${role}@example.kz` });
    const appealAt = new Date(Date.now() - 3_600_000).toISOString();
    const ids: string[] = [];
    for (const [i, m] of ms.entries()) {
      const r = await post('/v1/kinds/no_confidence/procedures', {
        unit: 'KZ-LOAD', maslikhatId: m, akim: { postId: `AKIM-${i}`, personId: `AKIM-P-${i}`, name: `Аким ${i}` }, superior: target('superior'), maslikhat: target('maslikhat'),
        ground: { nonApprovals: [{ decision: '1/1', date: '2024-06-01', report: 'отчёт 2023' }, { decision: '2/1', date: '2025-01-15', report: 'отчёт 2024' }] },
        appeal: { at: appealAt, initiators: [`${m}-D0`, `${m}-D1`] },
      });
      if (r.status !== 201 && r.status !== 202) throw new Error(`start ${m}: ${r.status} ${await r.text()}`);
      ids.push(((await r.json()) as { id: string }).id);
    }
    const statuses = new Map<number, number>();
    const lat: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONC }, async () => {
      while (next < ACTS) {
        const i = next++;
        const p = i % PROCS;
        const d = Math.floor(i / PROCS);
        const s = performance.now();
        const r = await post(`/v1/procedures/${encodeURIComponent(ids[p]!)}/acts/submitSheet`, { sheet: `S${d}`, signatures: [{ deputyId: `${ms[p]}-D${d}` }] });
        await r.arrayBuffer();
        lat.push(performance.now() - s);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    lat.sort((a, b) => a - b);
    const accepted = statuses.get(200) ?? 0;
    const recorded = await pool.query<{ n: string; distinct_keys: string }>(`SELECT count(*) AS n, count(DISTINCT idem_key) AS distinct_keys FROM ledger WHERE act_type = 'signature_sheet'`);
    const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0);
    const result = {
      acts: ACTS, concurrency: CONC, procedures: PROCS, seconds: Number(seconds.toFixed(1)), perSecond: Number((ACTS / seconds).toFixed(1)),
      p50ms: Math.round(pct(lat, 50)), p99ms: Math.round(pct(lat, 99)), statuses: Object.fromEntries(statuses), fiveXX,
      accepted, recorded: Number(recorded.rows[0]!.n), recordedOnce: recorded.rows[0]!.n === recorded.rows[0]!.distinct_keys, load: os.loadavg().map((x) => Number(x.toFixed(2))),
    };
    console.log(process.argv.includes('--json') ? JSON.stringify(result) : `submitSheet via the API: ${result.perSecond} acts/s, p50 ${result.p50ms} ms, p99 ${result.p99ms} ms; statuses ${JSON.stringify(result.statuses)}; 5xx ${fiveXX}; accepted ${accepted}, in the record ${result.recorded} (each once: ${result.recordedOnce}); load ${result.load.join(' ')}`);
    if (fiveXX > 0 || accepted !== result.recorded || !result.recordedOnce) process.exitCode = 1;
  } finally {
    await pool.end();
    await running.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
