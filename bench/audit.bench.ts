// Auditors' tools: histories replayed per second (one replay worker, today's workflow bundle)
// and the time to verify a bundle offline. Run: npx tsx bench/audit.bench.ts
// Input: the stored histories in test/histories/ (each replayed BENCH_REPLAYS times, default 40).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { buildBundle, partsFromHistory, verifyBundle } from '../client/audit/bundle.js';
import type { HistoryJson } from '../client/audit/history.js';
import { replayHistories, summarise } from '../client/audit/replay.js';
import { PROJECT_ROOT } from '../worker/provision/temporal-binaries.js';
import { bundleWorkflows } from '../worker/worker.js';

Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } } });

const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 40);
const VERIFIES = Number(process.env.BENCH_VERIFIES ?? 200);
const DIR = path.join(PROJECT_ROOT, 'test/histories');

async function main() {
  const histories = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: f, history: JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as HistoryJson }));
  const t0 = performance.now();
  const code = await bundleWorkflows();
  console.log(`workflow bundle built in ${((performance.now() - t0) / 1000).toFixed(2)} s (once per replay run)`);

  const items = Array.from({ length: REPLAYS }, (_, i) => histories.map((h) => ({ workflowId: `${h.file}#${i}`, history: h.history }))).flat();
  await replayHistories(code, items.slice(0, histories.length)); // warm-up
  const t1 = performance.now();
  const results = await replayHistories(code, items);
  const s = (performance.now() - t1) / 1000;
  const sum = summarise(results);
  if (sum.deterministic !== sum.total) throw new Error(`replay: ${JSON.stringify(sum)}`);
  const events = items.reduce((n, i) => n + i.history.events.length, 0);
  console.log(`replay: ${Math.round(items.length / s)} histories/s (${items.length} histories of ${histories.length} stored kinds, ${events} events, in ${s.toFixed(2)} s)`);

  for (const h of histories) {
    const bundle = buildBundle(partsFromHistory(h.history, h.file));
    const bytes = Buffer.byteLength(JSON.stringify(bundle));
    const first = verifyBundle(bundle);
    // from a history alone the record lacks the acts notices wrote (their rows are only in PostgreSQL)
    const note = first.ok ? 'verified' : `not complete without the database: ${first.findings[0]!.message}`;
    const t2 = performance.now();
    for (let i = 0; i < VERIFIES; i++) verifyBundle(bundle);
    const ms = (performance.now() - t2) / VERIFIES;
    console.log(`verify ${h.file}: ${ms.toFixed(2)} ms per bundle (${(bytes / 1024).toFixed(0)} KiB, ${first.counts.events} events, ${first.counts.acts} acts, ${first.counts.periods} deadlines, ${first.counts.thresholds} thresholds; mean of ${VERIFIES}) — ${note}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
