// Each figure of issue 14 beside its baseline, measured in the same run on the same servers:
// interleaved rounds (tartip, baseline, tartip, …), the minimum and the median of each, the load
// average printed. The baselines are real Temporal work with no engine: bench/fixtures/noop-workflows.ts
// (registered like a procedure, one ledger write per Update, a six-month timer) and the SDK's own
// replayer with a bundle built beforehand.
//   npm run bench -- ratios            the table
//   npm run bench -- ratios --json     one JSON object: for each figure its value, baseline and ratio
// Options (env): RATIO_ROUNDS (3), RATIO_ACTS (60 per round and concurrency), RATIO_PROCEDURES (12 per round), RATIO_REPLAYS (8 copies of each stored history),
// RATIO_ONLY (comma-separated figure names: only those are measured).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { buildActivities } from '../worker/activities.js';
import { cachedWorkflowBundle } from '../worker/bundle-cache.js';
import { provide, PROJECT_ROOT } from '../worker/provision/temporal-binaries.js';
import { createToken } from '../client/http/tokens.js';
import { benchStack, concurrently, importMaslikhats, noConfidenceBody, pct } from './kit.js';
import { DEFINITIONS } from '../workflows/definitions.js';
import { DEFAULT_EDITION_ID } from '../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../statute/calendar/index.js';

const JSON_OUT = process.argv.includes('--json');
const ROUNDS = Number(process.env.RATIO_ROUNDS ?? 3);
const ACTS = Number(process.env.RATIO_ACTS ?? 60);
const PROCS = Number(process.env.RATIO_PROCEDURES ?? 12);
const REPLAYS = Number(process.env.RATIO_REPLAYS ?? 8);
const ONLY = process.env.RATIO_ONLY ? process.env.RATIO_ONLY.split(',') : null;
const HIST = path.join(PROJECT_ROOT, 'test/histories');
const SIX_MONTHS = path.join(PROJECT_ROOT, 'examples/statutory_wait/01-repeat-vote-six-months.json');
const say = (l: string) => void (JSON_OUT ? process.stderr : process.stdout).write(`${l}\n`);

Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } } });

const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 50);
const round2 = (x: number) => Number(x.toFixed(2));

interface Figure { what: string; unit: string; better: 'lower' | 'higher'; value: number; baseline: number; ratio: number; target: string; rounds: { value: number[]; baseline: number[] } }
const figures: Record<string, Figure> = {};
/** Interleaved rounds of a measure and its baseline; the figure is the median of each. */
async function figure(name: string, what: string, unit: string, better: 'lower' | 'higher', target: string, ours: () => Promise<number>, base: () => Promise<number>): Promise<void> {
  if (ONLY && !ONLY.includes(name)) return;
  const v: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    v.push(await ours());
    b.push(await base());
  }
  const value = median(v);
  const baseline = median(b);
  // a ratio above 1 is always worse than the baseline: time over time, or rate under rate
  const ratio = better === 'lower' ? value / baseline : baseline / value;
  figures[name] = { what, unit, better, value: round2(value), baseline: round2(baseline), ratio: round2(ratio), target, rounds: { value: v.map(round2), baseline: b.map(round2) } };
  say(`${name.padEnd(22)} ${what}: ${round2(value)} ${unit} (min ${round2(Math.min(...v))}) vs baseline ${round2(baseline)} (min ${round2(Math.min(...b))}): ${round2(ratio)}× (target ${target})`);
}

async function main() {
  const { running, pool, stop } = await benchStack('ratios');
  // this benchmark's own files: the no-op bundle, the copies of the histories
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-ratios-files-'));
  const noopBundle = await bundleWorkflowCode({ workflowsPath: path.join(PROJECT_ROOT, 'bench/fixtures/noop-workflows.ts'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never });
  const noopPath = path.join(tmp, 'noop-bundle.js');
  writeFileSync(noopPath, noopBundle.code);
  const native = await NativeConnection.connect({ address: running.temporalAddress });
  const noopWorker = await Worker.create({ connection: native, namespace: running.namespace, taskQueue: 'ratios-noop', workflowBundle: { codePath: noopPath }, activities: buildActivities(pool) });
  const noopRun = noopWorker.run();
  const connection = await Connection.connect({ address: running.temporalAddress });
  const client = new Client({ connection, namespace: running.namespace });
  try {
    say(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${os.cpus().length} cores; ${ROUNDS} interleaved rounds`);

    // ---- registers and procedures for the acts: Art. 24 no-confidence, one maslikhat each
    const deputies = ACTS * 2 * ROUNDS + 10;
    const total = PROCS * ROUNDS * 2 + 4;
    const ms = Array.from({ length: total }, (_, i) => `M-R-${i}`);
    await importMaslikhats(pool, 'KZ-R', ms, deputies);
    const { token } = await createToken(pool, { role: 'administrator', body: 'KZ-R', actorId: 'bench', name: 'Bench' });
    const actor = { kind: 'person', id: 'bench', name: 'Bench', role: 'administrator' };
    let keys = 0;
    const post = async (url: string, body: unknown) => {
      const r = await fetch(`${running.apiUrl}${url}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `r-${++keys}` }, body: JSON.stringify(body) });
      const text = await r.text();
      if (r.status >= 300) throw new Error(`${url}: ${r.status} ${text.slice(0, 500)}`);
      return JSON.parse(text) as { id: string };
    };
    let nextM = 0;
    const maslikhatOf = new Map<string, string>();
    const startNoConfidence = async () => {
      const i = nextM++;
      const id = (await post('/v1/kinds/no_confidence/procedures', noConfidenceBody('KZ-R', ms[i]!, i))).id;
      maslikhatOf.set(id, ms[i]!);
      return id;
    };
    // the engine's start, as the API makes it (client/http/procedures.ts parseStart) but without HTTP
    const ncDef = DEFINITIONS.find((d) => d.kind === 'no_confidence')!;
    const startNoConfidenceDirect = async () => {
      const i = nextM++;
      const input = ncDef.input.parse({ editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, startedBy: actor, ...noConfidenceBody('KZ-R', ms[i]!, i) });
      const id = ncDef.workflowId(input);
      await client.workflow.start(ncDef.workflowType, { workflowId: id, taskQueue: 'ratios', args: [input] });
      maslikhatOf.set(id, ms[i]!);
      return id;
    };
    const startNoop = async () => {
      const id = `noop-${randomUUID()}`;
      await client.workflow.start('noopProcedure', { workflowId: id, taskQueue: 'ratios-noop' });
      return id;
    };
    // the acts: each a signature sheet of one more deputy (tartip) or one ledger write (no-op)
    const own = [await startNoConfidence(), await startNoConfidence()];
    const noops = [await startNoop(), await startNoop()];
    const sheetOf = new Map<string, number>();
    const tartipUpdate = async (id: string) => {
      const d = (sheetOf.get(id) ?? 2) + 1;
      sheetOf.set(id, d);
      await client.workflow.getHandle(id).executeUpdate('submitSheet', { args: [{ actor, at: new Date().toISOString(), sheet: `S${d}`, signatures: [{ deputyId: `${maslikhatOf.get(id)}-D${d}` }] }] });
    };
    const tartipHttp = async (id: string) => {
      const d = (sheetOf.get(id) ?? 2) + 1;
      sheetOf.set(id, d);
      await post(`/v1/procedures/${encodeURIComponent(id)}/acts/submitSheet`, { sheet: `S${d}`, signatures: [{ deputyId: `${maslikhatOf.get(id)}-D${d}` }] });
    };
    let noopN = 0;
    const noopUpdate = async (id: string) => {
      await client.workflow.getHandle(id).executeUpdate('act', { args: [{ n: ++noopN, at: new Date().toISOString() }] });
    };
    await tartipUpdate(own[0]!); // warm: the bundle loaded, the connections open
    await noopUpdate(noops[0]!);

    for (const c of [1, 8]) {
      await figure(`act_p99_c${c}`, `act p99 at concurrency ${c} (Temporal Update)`, 'ms', 'lower', '≤ 1.5',
        async () => pct((await concurrently(ACTS, c, (i) => tartipUpdate(own[i % 2]!))).lat, 99),
        async () => pct((await concurrently(ACTS, c, (i) => noopUpdate(noops[i % 2]!))).lat, 99));
      await figure(`act_http_p99_c${c}`, `act p99 at concurrency ${c} (HTTP API)`, 'ms', 'lower', '≤ 1.5',
        async () => pct((await concurrently(ACTS, c, (i) => tartipHttp(own[i % 2]!))).lat, 99),
        async () => pct((await concurrently(ACTS, c, (i) => noopUpdate(noops[i % 2]!))).lat, 99));
    }

    // ---- start + 5 acts, concurrency 8: procedures per second
    await figure('start_5_acts', 'start + 5 acts at concurrency 8 (Temporal start and Updates)', 'procedures/s', 'higher', '≥ 0.8 (ratio ≤ 1.25)',
      async () => PROCS / (await concurrently(PROCS, 8, async () => {
        const id = await startNoConfidenceDirect();
        for (let k = 0; k < 5; k++) await tartipUpdate(id);
      })).seconds,
      async () => PROCS / (await concurrently(PROCS, 8, async () => {
        const id = await startNoop();
        for (let k = 0; k < 5; k++) await noopUpdate(id);
      })).seconds);

    // ---- replay: the CLI on a folder of histories vs the SDK's replayer with a bundle built beforehand
    const hdir = path.join(tmp, 'histories');
    mkdirSync(hdir);
    const stored = readdirSync(HIST).filter((f) => f.endsWith('.json'));
    for (let k = 0; k < REPLAYS; k++) for (const f of stored) cpSync(path.join(HIST, f), path.join(hdir, `${k}-${f}`));
    const items = readdirSync(hdir);
    const tartipBundle = (await cachedWorkflowBundle()).codePath;
    const cli = (args: string[]) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'client/bin/tartip.js'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, TARTIP_LANG: 'en' } });
      if (r.status !== 0) throw new Error(`tartip ${args.join(' ')}: exit ${r.status}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
      return (performance.now() - t0) / 1000;
    };
    await figure('replay', `tartip audit replay of a folder of ${items.length} histories (a process, the cached bundle) vs the SDK's replayer in-process with a bundle built beforehand`, 'histories/s', 'higher', '≥ 0.9 (ratio ≤ 1.11)',
      async () => items.length / cli(['audit', 'replay', hdir, '--json']),
      async () => {
        const t0 = performance.now();
        // the same files read and parsed, as the CLI does
        async function* gen() {
          for (const f of readdirSync(hdir)) yield { workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(path.join(hdir, f), 'utf8'))) };
        }
        for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: tartipBundle } }, gen())) if (r.error) throw r.error;
        return items.length / ((performance.now() - t0) / 1000);
      });

    // ---- the same replayer on tartip's stored histories vs no-op histories of the same event counts:
    // each a noopProcedure given Updates until its history is as long as the stored one
    const noopDir = path.join(tmp, 'noop-histories');
    mkdirSync(noopDir);
    for (const f of stored) {
      const events = (JSON.parse(readFileSync(path.join(HIST, f), 'utf8')) as { events: unknown[] }).events.length;
      const id = await startNoop();
      const h = client.workflow.getHandle(id);
      let history = await h.fetchHistory();
      while ((history.events?.length ?? 0) < events) {
        await noopUpdate(id);
        history = await h.fetchHistory();
      }
      await h.terminate('bench: its history is long enough');
      history = await h.fetchHistory();
      const json = historyToJSON(history);
      for (let k = 0; k < REPLAYS; k++) writeFileSync(path.join(noopDir, `${k}-${f}`), json);
    }
    const sdkReplay = async (dir: string, codePath: string) => {
      const t0 = performance.now();
      async function* gen() {
        for (const f of readdirSync(dir)) yield { workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))) };
      }
      for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath } }, gen())) if (r.error) throw r.error;
      return readdirSync(dir).length / ((performance.now() - t0) / 1000);
    };
    await figure('replay_vs_noop_histories', `the SDK's replayer on ${items.length} tartip histories vs as many no-op histories of the same event counts (each bundle built beforehand)`, 'histories/s', 'higher', '≥ 0.8 (ratio ≤ 1.25)',
      () => sdkReplay(hdir, tartipBundle),
      () => sdkReplay(noopDir, noopPath));

    // ---- a six-month simulation vs a no-op six-month workflow on the same test server, each a process
    const testServer = (await provide('testServer')).path;
    await figure('simulate_six_months', 'tartip simulate of a six-month procedure vs a six-month no-op workflow (each a process, time-skipping server)', 's', 'lower', '≤ 1.5, and < 3 s warm',
      async () => cli(['simulate', SIX_MONTHS]),
      async () => {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench/fixtures/noop-simulate.ts'), testServer, noopPath], { cwd: PROJECT_ROOT, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`noop simulate: ${r.stderr.slice(-2000)}`);
        return (performance.now() - t0) / 1000;
      });

    const out = { load: os.loadavg().map(round2), cores: os.cpus().length, rounds: ROUNDS, figures, notMeasuredHere: ['worker RSS with 10,000 open procedures: `npm run bench -- memory --json` (MEMORY_OPEN=10000)'] };
    if (JSON_OUT) process.stdout.write(`${JSON.stringify(out)}\n`);
    else say(`load average at the end: ${out.load.join(' ')}`);
  } finally {
    noopWorker.shutdown();
    await noopRun.catch(() => {});
    await native.close();
    await connection.close();
    await stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
