// Acts under load through the HTTP API (issue 13): 2,000 `submitSheet` acts of Art. 24 at
// concurrency 50, spread over procedures on the main command's stack (dev Temporal, embedded
// PostgreSQL, worker, API). What must hold: no 5xx; every accepted act in the record once.
// Run: npx tsx bench/load.bench.ts   Options (env): LOAD_ACTS (2000), LOAD_CONCURRENCY (50), LOAD_PROCEDURES (60).
import os from 'node:os';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { createToken } from '../client/http/tokens.js';
import { benchStack, concurrently, importMaslikhats, noConfidenceBody, pct } from './kit.js';

const ACTS = Number(process.env.LOAD_ACTS ?? 2000);
const CONC = Number(process.env.LOAD_CONCURRENCY ?? 50);
const PROCS = Number(process.env.LOAD_PROCEDURES ?? 60);
const DEPUTIES = Math.ceil(ACTS / PROCS) + 2;

Runtime.install({ logger: new DefaultLogger('ERROR') });

async function main() {
  const { running, pool, stop } = await benchStack('load');
  try {
    // the registers the procedures count against: one district maslikhat per procedure
    const ms = Array.from({ length: PROCS }, (_, i) => `M-LOAD-${i}`);
    await importMaslikhats(pool, 'KZ-LOAD', ms, DEPUTIES);
    const { token } = await createToken(pool, { role: 'administrator', body: 'KZ-LOAD', actorId: 'load', name: 'Load' });
    let n = 0;
    const post = (url: string, body: unknown) => fetch(`${running.apiUrl}${url}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `load-${++n}` }, body: JSON.stringify(body) });
    const ids: string[] = [];
    for (const m of ms) {
      const r = await post('/v1/kinds/no_confidence/procedures', noConfidenceBody('KZ-LOAD', m, 0));
      if (r.status !== 201 && r.status !== 202) throw new Error(`start ${m}: ${r.status} ${await r.text()}`);
      ids.push(((await r.json()) as { id: string }).id);
    }
    const statuses = new Map<number, number>();
    const { lat, seconds } = await concurrently(ACTS, CONC, async (i) => {
      const p = i % PROCS;
      const d = Math.floor(i / PROCS);
      const r = await post(`/v1/procedures/${encodeURIComponent(ids[p]!)}/acts/submitSheet`, { sheet: `S${d}`, signatures: [{ deputyId: `${ms[p]}-D${d}` }] });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    });
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
    await stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
