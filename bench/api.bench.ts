// HTTP API throughput and latency: reading a procedure (GET /v1/procedures/{id}) and performing an
// act (POST …/acts/initiate: auth, idempotency, describe, Update with validator and ledger write,
// state query). Run: npx tsx bench/api.bench.ts
// Starts the main command's stack (dev Temporal, embedded PostgreSQL, worker) in a temporary
// directory, plus a worker for the test-only probe procedure (test/api/fixtures), which has an act
// that can be repeated on many procedures.
// Options (env): BENCH_PROCEDURES (acts performed, default 200), BENCH_READS (default 2000),
// BENCH_CONCURRENCY (default 8).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { loadConfig } from '../worker/config.js';
import { startTartip } from '../worker/runtime.js';
import { freePort } from '../worker/temporal-server.js';
import { buildActivities } from '../worker/activities.js';
import { buildServer } from '../client/http/server.js';
import { createToken } from '../client/http/tokens.js';
import { DEFINITIONS } from '../workflows/definitions.js';
import { probeDefinition } from '../test/api/fixtures/probe.js';
import { PROJECT_ROOT } from '../worker/provision/temporal-binaries.js';
import { concurrently, pct } from './kit.js';

const N = Math.min(Number(process.env.BENCH_PROCEDURES ?? 200), 990);
const READS = Number(process.env.BENCH_READS ?? 2000);
const CONC = Number(process.env.BENCH_CONCURRENCY ?? 8);

Runtime.install({ logger: new DefaultLogger('ERROR') });


const report = (name: string, n: number, r: { seconds: number; lat: number[] }) =>
  console.log(`${name.padEnd(22)} ${Math.round(n / r.seconds).toString().padStart(6)} req/s   p50 ${pct(r.lat, 50).toFixed(1)} ms   p99 ${pct(r.lat, 99).toFixed(1)} ms   (${n} requests, concurrency ${CONC})`);

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-apibench-'));
  chmodSync(tmp, 0o755); // embedded PostgreSQL may run as another user
  const cfg = loadConfig({
    ...process.env,
    TARTIP_DATA_DIR: tmp,
    TARTIP_TEMPORAL_PORT: String(await freePort()),
    TARTIP_UI_PORT: String(await freePort()),
    TARTIP_PG_PORT: String(await freePort()),
    TARTIP_HTTP_PORT: '0',
    TARTIP_TASK_QUEUE: 'bench',
    TEMPORAL_ADDRESS: '',
    DATABASE_URL: '',
  });
  const running = await startTartip(cfg, () => {});
  const pool = new pg.Pool({ connectionString: running.databaseUrl, max: 20 });
  const native = await NativeConnection.connect({ address: running.temporalAddress });
  const bundle = await bundleWorkflowCode({ workflowsPath: path.join(PROJECT_ROOT, 'test/api/fixtures/workflows.ts'), logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never });
  const worker = await Worker.create({ connection: native, taskQueue: 'bench-probe', workflowBundle: bundle, activities: buildActivities(pool) });
  const workerDone = worker.run();
  const connection = await Connection.connect({ address: running.temporalAddress });
  const app = await buildServer({ temporalClient: new Client({ connection }), pool, taskQueue: 'bench-probe', definitions: [...DEFINITIONS, probeDefinition] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { token } = await createToken(pool, { role: 'administrator', body: 'KZ-BENCH', actorId: 'bench', name: 'Benchmark' });
  const headers = (key?: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) });
  const ok = async (r: Response, want: number) => {
    if (r.status !== want) throw new Error(`${r.status}: ${await r.text()}`);
    await r.arrayBuffer();
  };
  try {
    const ids: string[] = [];
    const starts = await concurrently(N, CONC, async (i) => {
      const r = await fetch(`${base}/v1/kinds/api_probe/procedures`, { method: 'POST', headers: headers(`s${i}`), body: JSON.stringify({ unit: 'KZ-BENCH', totalDeputies: 5 + i }) });
      const body = (await r.json()) as { id: string };
      if (r.status !== 201) throw new Error(`start ${r.status}: ${JSON.stringify(body)}`);
      ids[i] = body.id;
    });
    report('start a procedure', N, starts);
    const reads = await concurrently(READS, CONC, async (i) => ok(await fetch(`${base}/v1/procedures/${encodeURIComponent(ids[i % N]!)}`, { headers: headers() }), 200));
    report('read a procedure', READS, reads);
    const acts = await concurrently(N, CONC, async (i) =>
      ok(await fetch(`${base}/v1/procedures/${encodeURIComponent(ids[i]!)}/acts/initiate`, { method: 'POST', headers: headers(`a${i}`), body: JSON.stringify({ initiators: 5 + i }) }), 200));
    report('perform an act', N, acts);
    const replays = await concurrently(N, CONC, async (i) =>
      ok(await fetch(`${base}/v1/procedures/${encodeURIComponent(ids[i]!)}/acts/initiate`, { method: 'POST', headers: headers(`a${i}`), body: JSON.stringify({ initiators: 5 + i }) }), 200));
    report('retry an act (replay)', N, replays);
  } finally {
    await app.close();
    await connection.close();
    worker.shutdown();
    await workerDone.catch(() => {});
    await native.close();
    await pool.end();
    await running.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
