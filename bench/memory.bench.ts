// Open procedures in memory (issue 14): a worker process with N Art. 23-1 procedures started and
// waiting on their statutory timers, beside a worker process with N no-op workflows that register
// and wait six months (bench/fixtures/noop-workflows.ts noopTimer), on the same dev server and
// database. Prints each worker's RSS and how fast each tenth of the starts was taken up (a heap
// that fills shows as later tenths slowing down).
//   npm run bench -- memory [--json]      Options (env): MEMORY_OPEN (1000), MEMORY_CONCURRENCY (16)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startEmbeddedPostgres, ensureDatabase } from '../worker/db/embedded.js';
import { migrate } from '../worker/db/migrate.js';
import { freePort, startDevServer } from '../worker/temporal-server.js';
import { cachedWorkflowBundle } from '../worker/bundle-cache.js';
import { provide, PROJECT_ROOT } from '../worker/provision/temporal-binaries.js';
import { DEFAULT_EDITION_ID } from '../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../statute/calendar/index.js';

const JSON_OUT = process.argv.includes('--json');
const N = Number(process.env.MEMORY_OPEN ?? 1000);
const CONC = Number(process.env.MEMORY_CONCURRENCY ?? 16);
const say = (l: string) => void (JSON_OUT ? process.stderr : process.stdout).write(`${l}\n`);
const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

function workerProcess(address: string, taskQueue: string, url: string, bundle: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench/fixtures/worker-process.ts'), address, 'default', taskQueue, url, bundle], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker ready') && resolve(child));
    child.once('exit', (c) => reject(new Error(`worker exited ${c}`)));
  });
}

const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const email = (role: string) => ({ name: role, role, address: `${role}@example.kz`, channel: 'email' });
const candidate = { personId: 'C1', fullName: 'Кандидат', birthDate: '1975-05-05', biography: 'б', workHistory: [{ from: '2000-01-01', position: 'p', organisation: 'o' }] };
const now = new Date();
const consent = (i: number) => ({
  editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, unit: 'KZ-MEM', startedBy: clerk,
  post: { id: `POST-MEM-${i}`, title: 'аким', level: 'region' }, maslikhatId: 'M', maslikhatName: 'M',
  appointing: email('appointing'), superior: email('superior'), president: email('president'),
  submission: { at: new Date(now.getTime() - 3_600_000).toISOString(), candidate },
  roster: { seats: 30, deputies: Array.from({ length: 30 }, (_, d) => ({ id: `D${d + 1}` })) },
  // a roster in the input is for simulations: the legal clock starts now
  simulation: { legalStart: now.toISOString() },
});

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-memory-'));
  chmodSync(tmp, 0o755);
  const cli = (await provide('cli')).path;
  const dev = await startDevServer({ binary: cli, port: await freePort(), dbFile: path.join(tmp, 'temporal.db') });
  const pgs = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort() });
  const url = await ensureDatabase(pgs.adminUrl, 'tartip_memory');
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  const noop = await bundleWorkflowCode({ workflowsPath: path.join(PROJECT_ROOT, 'bench/fixtures/noop-workflows.ts'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never });
  const noopPath = path.join(tmp, 'noop.js');
  writeFileSync(noopPath, noop.code);
  const workers = {
    tartip: await workerProcess(dev.address, 'mem-tartip', url, (await cachedWorkflowBundle()).codePath),
    noop: await workerProcess(dev.address, 'mem-noop', url, noopPath),
  };
  const connection = await Connection.connect({ address: dev.address });
  const client = new Client({ connection });
  const result: Record<string, { rssStartMb: number; rssMb: number; tenthsSeconds: number[]; perSecond: number }> = {};
  try {
    say(`${N} open procedures per worker, starts at concurrency ${CONC}; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const count = async (kind: string) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM procedures WHERE kind = $1`, [kind])).rows[0]!.n);
    // interleaved: a tenth of each in turn, so both see the same machine
    const tenths = { tartip: [] as number[], noop: [] as number[] };
    const rss0 = { tartip: rssMb(workers.tartip.pid!), noop: rssMb(workers.noop.pid!) };
    const started = { tartip: 0, noop: 0 };
    for (let t = 0; t < 10; t++) {
      for (const which of ['tartip', 'noop'] as const) {
        const n = Math.round(((t + 1) * N) / 10) - Math.round((t * N) / 10);
        const t0 = performance.now();
        let next = 0;
        await Promise.all(Array.from({ length: CONC }, async () => {
          while (next < n) {
            const i = started[which] + next++;
            if (which === 'tartip') await client.workflow.start('akimConsent', { workflowId: `akim_consent:mem-${i}-${randomUUID().slice(0, 6)}`, taskQueue: 'mem-tartip', args: [consent(i)] });
            else await client.workflow.start('noopTimer', { workflowId: `noop-mem-${i}-${randomUUID().slice(0, 6)}`, taskQueue: 'mem-noop' });
          }
        }));
        started[which] += n;
        // taken up: registered by its worker (its first task and first activity done)
        const kind = which === 'tartip' ? 'akim_consent' : 'bench_noop';
        const giveUp = Date.now() + 300_000;
        while ((await count(kind)) < started[which]) {
          if (Date.now() > giveUp) throw new Error(`${which}: ${started[which] - (await count(kind))} of ${started[which]} not taken up in 5 minutes (failed workflows? temporal workflow list --address ${dev.address})`);
          await new Promise((r) => setTimeout(r, 100));
        }
        tenths[which].push(Number(((performance.now() - t0) / 1000).toFixed(2)));
      }
    }
    await new Promise((r) => setTimeout(r, 5000)); // settled: activities done, caches as they stay
    for (const which of ['tartip', 'noop'] as const) {
      const total = tenths[which].reduce((a, b) => a + b, 0);
      result[which] = { rssStartMb: rss0[which], rssMb: rssMb(workers[which].pid!), tenthsSeconds: tenths[which], perSecond: Number((N / total).toFixed(1)) };
      say(`${which.padEnd(6)} RSS ${result[which]!.rssStartMb} MB idle → ${result[which]!.rssMb} MB with ${N} open; ${result[which]!.perSecond} starts/s; each tenth in s: ${tenths[which].join(' ')}`);
    }
    const ratio = Number((result.tartip!.rssMb / result.noop!.rssMb).toFixed(2));
    const slowing = Number((median(tenths.tartip.slice(-3)) / median(tenths.tartip.slice(0, 3))).toFixed(2));
    say(`RSS ratio ${ratio}× the no-op worker; the last tenths of starts took ${slowing}× the first`);
    if (JSON_OUT) process.stdout.write(`${JSON.stringify({ open: N, load: os.loadavg(), ...result, rssRatio: ratio, lateOverEarlyStarts: slowing })}\n`);
  } finally {
    for (const w of Object.values(workers)) w.kill('SIGTERM');
    await connection.close();
    await pool.end();
    await dev.stop();
    await pgs.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
