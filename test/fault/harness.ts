// The machinery of the fault-injection suite: a worker in a child process (to kill -9), a Temporal
// dev server of the suite's own with its state in a file (to restart), a PostgreSQL of its own (to
// restart), and the lockstep run: every procedure of the script table started, then step by step
// each one's next act, with a fault injected after each step in turn. Nothing here asserts; the
// test compares what a run returns with the calm run's.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { importRegisterCsv } from '../../activities/registers.js';
import { registersIn } from '../../client/simulate.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPg } from '../../worker/db/embedded.js';
import { migrate } from '../../worker/db/migrate.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { freePort, startDevServer, type DevServer } from '../../worker/temporal-server.js';
import type { TestSmtpServer } from '../harness/smtp.js';
import { REGISTER_FOLDERS, type Script } from './scripts.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const message = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Retries `fn` on any error until it succeeds or `timeoutMs` passes (then the last error). */
export async function retrying<T>(fn: () => Promise<T>, timeoutMs = 180_000, pauseMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > until) throw e;
      await sleep(pauseMs);
    }
  }
}

/** An error of the connection to PostgreSQL (the server is stopped or starting), not of the data. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(08|57)/.test(code) || /^E[A-Z]+$/.test(code))) return true;
  return /ECONNREFUSED|ECONNRESET|Connection terminated|connection.*(closed|ended)|terminating connection|starting up|shutting down/i.test(message(e));
}

// ---- Temporal -------------------------------------------------------------------------------------

export interface TemporalSide {
  address: string;
  namespace: string;
  client: Client;
  /** Stops the server (SIGTERM: a clean stop; SIGKILL: a crash) and starts it again on the same port and file. */
  restart?(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  close(): Promise<void>;
}

/** The shared dev server of a test file (TestWorkflowEnvironment.createLocal). */
export function sharedTemporal(env: { address: string; namespace?: string; client: Client }): TemporalSide {
  return { address: env.address, namespace: env.namespace ?? 'default', client: env.client, close: async () => {} };
}

/** A dev server of our own, its state in a SQLite file, that can be stopped and started again. */
export async function ownTemporal(binary: string, log: (l: string) => void): Promise<TemporalSide> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-fault-temporal-'));
  const port = await freePort();
  // the search attributes (worker/temporal-server.ts) and the test pragmas (test/harness/temporal.ts devServerEnv)
  const opts = { binary, dbFile: path.join(dir, 'temporal.db'), port, fast: true, log: (l: string) => log(`temporal: ${l}`) };
  let server: DevServer = await startDevServer(opts);
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: server.namespace });
  return {
    address: server.address,
    namespace: server.namespace,
    client,
    async restart(signal) {
      if (signal === 'SIGKILL') {
        const gone = new Promise<void>((r) => server.process.once('exit', () => r()));
        server.process.kill('SIGKILL');
        await gone;
      } else await server.stop();
      server = await startDevServer(opts);
    },
    async close() {
      await connection.close().catch(() => {});
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- PostgreSQL -----------------------------------------------------------------------------------

export interface PgSide {
  url: string;
  /** the test's own connections: reads of the ledger, imports */
  pool: pg.Pool;
  /** Stops the server (a fast shutdown: sessions are cut) and starts it again on the same data and port. */
  stop?(): Promise<void>;
  start?(): Promise<void>;
  close(): Promise<void>;
}

async function seeded(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {}); // an idle connection cut by a restart: the next query opens another
  for (const dir of REGISTER_FOLDERS) for (const r of registersIn(path.join(PROJECT_ROOT, dir))) await importRegisterCsv({ pool }, r.register, r.csv);
  return pool;
}

/** A fresh database on the shared test server (test/harness/postgres.ts), migrated, with the registers. */
export async function sharedPg(db: { url: string; close(): Promise<void> }): Promise<PgSide> {
  const pool = await seeded(db.url);
  return { url: db.url, pool, close: async () => { await pool.end().catch(() => {}); await db.close(); } };
}

/** A PostgreSQL of our own (worker/db/embedded.ts): stopping it disturbs no other test. */
export async function ownPg(log: (l: string) => void): Promise<PgSide> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-fault-pg-'));
  chmodSync(dir, 0o755); // as root it runs as 'postgres' (test/harness/global-setup.ts)
  const opts = { dataDir: path.join(dir, 'pg'), port: await freePort(), notice: (l: string) => log(`postgres: ${l}`) };
  let server: EmbeddedPg | null = await startEmbeddedPostgres(opts);
  const url = await ensureDatabase(server.adminUrl, 'tartip_fault');
  await migrate(url);
  const pool = await seeded(url);
  return {
    url,
    pool,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server = await startEmbeddedPostgres(opts);
    },
    async close() {
      await pool.end().catch(() => {});
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- the worker -----------------------------------------------------------------------------------

export interface WorkerSpec {
  temporal: TemporalSide;
  pg: PgSide;
  taskQueue: string;
  bundlePath: string;
  smtp: TestSmtpServer;
}

/** test/fault/worker-child.ts in a process of its own. `exited` tells an exit we did not cause. */
export class WorkerProcess {
  private killing = false;
  private constructor(readonly child: ChildProcess, private out: () => string, readonly onOwnExit: Promise<string>) {}

  static start(w: WorkerSpec): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test/fault/worker-child.ts'), w.temporal.address, w.temporal.namespace, w.taskQueue, w.pg.url, w.bundlePath, String(w.smtp.port)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const add = (d: Buffer) => (out = (out + d.toString()).slice(-8000));
    return new Promise((resolve, reject) => {
      let proc: WorkerProcess | null = null;
      const onOwnExit = new Promise<string>((r) => child.once('exit', (code, signal) => {
        if (!proc) reject(new Error(`worker exited (${code ?? signal}) before it was ready: ${out.slice(-2000)}`));
        else if (!proc.killing) r(`worker exited by itself (${code ?? signal}): ${out.slice(-2000)}`);
      }));
      child.stdout!.on('data', (d: Buffer) => {
        add(d);
        if (!proc && out.includes('worker ready')) resolve((proc = new WorkerProcess(child, () => out, onOwnExit)));
      });
      child.stderr!.on('data', add);
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
  output(): string {
    return this.out();
  }
  kill9(): Promise<void> {
    this.killing = true;
    if (!this.alive) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}

// ---- the lockstep run -----------------------------------------------------------------------------

export interface Stack {
  temporal: TemporalSide;
  pg: PgSide;
  bundlePath: string;
  smtp: TestSmtpServer;
}

/** What a fault may do after step k of every procedure (0: the start). */
export interface RunControl {
  readonly stack: Stack;
  log(line: string): void;
  /** every procedure settled: no task or activity in flight, no notice queued */
  settle(): Promise<void>;
  /** kill -9 of the worker (if it still runs), and a new one */
  restartWorker(): Promise<void>;
  worker(): WorkerProcess;
  /** something the fault still does while the next step runs (a server coming back); awaited before the next fault and at the end */
  background: Promise<void> | null;
}

export interface Fault {
  name: string;
  /** after step k (0: the start) of every procedure, once its act returned (nothing settled yet) */
  after(run: RunControl, k: number): Promise<void>;
}

/** No fault: each step settles before the next, as a person would see it. */
export const CALM: Fault = { name: 'calm', after: (run) => run.settle() };

export interface KindRun {
  kind: string;
  id: string;
  /** a step that failed, or a state that could not be read */
  error: string | null;
  state: { stage: string | null; outcome: string | null } | null;
  /** the ledger's act types in order */
  acts: string[];
  idemKeys: string[];
  /** SMTP messages per notice step (the key after `/notice/`) */
  notices: Record<string, number>;
  /** notice steps whose notice_delivered says resentAfterUnknownOutcome */
  resent: string[];
}

export interface RunResult {
  fault: string;
  /** the worker's exits that the run did not cause, with its last output */
  crashes: string[];
  kinds: Record<string, KindRun>;
  log: string[];
  seconds: number;
}

interface Proc {
  script: Script;
  id: string;
  handle: WorkflowHandle | null;
  error: string | null;
}

/** Idle (no workflow task, no activity, not even one waiting to be retried) and no notice queued; or closed. */
async function settled(h: WorkflowHandle): Promise<boolean> {
  const d = await h.describe();
  if (d.status.name !== 'RUNNING') return true;
  const raw = d.raw as { pendingActivities?: unknown[]; pendingWorkflowTask?: unknown };
  if ((raw.pendingActivities?.length ?? 0) > 0 || raw.pendingWorkflowTask) return false;
  const st = (await h.query('state')) as { notices?: { status: string }[] };
  return !(st.notices ?? []).some((n) => n.status === 'queued');
}

/** Waits until the procedure is settled (or closed); throws after `timeoutMs`. Errors meanwhile (a server coming back) are waited out. */
export async function settle(h: WorkflowHandle, timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await settled(h)) return;
    } catch {
      /* the server or the worker is coming back */
    }
    if (Date.now() > until) throw new Error(`not settled within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

export const noticeStep = (key: string) => key.slice(key.indexOf('/notice/') + '/notice/'.length);

/**
 * Runs every script at once, step by step: the start, then each procedure's next act (those with
 * fewer acts wait), with `fault.after` after each step. Then the record, the notices and the state.
 */
export async function lockstep(stack: Stack, scripts: readonly Script[], fault: Fault, tag: string, settleTimeoutMs = 240_000): Promise<RunResult> {
  const t0 = Date.now();
  const log: string[] = [];
  const note = (l: string) => log.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${l}`);
  const taskQueue = `fault-${fault.name}-${randomUUID()}`;
  const spec: WorkerSpec = { ...stack, taskQueue };
  const crashes: string[] = [];
  let worker = await WorkerProcess.start(spec);
  // a worker that dies by itself is a finding: said, and replaced so the run goes on
  const watch = (w: WorkerProcess) => void w.onOwnExit.then(async (m) => {
    crashes.push(m);
    note(m);
    if (w !== worker) return;
    const next = await retrying(() => WorkerProcess.start(spec)).catch((e: unknown) => (note(`no new worker: ${message(e)}`), null));
    if (!next || w !== worker) return void next?.kill9();
    worker = next;
    watch(worker);
    note('a new worker started');
  });
  watch(worker);
  const procs: Proc[] = scripts.map((script) => ({ script, id: `${script.kind}:fault-${tag}-${randomUUID().slice(0, 8)}`, handle: null, error: null }));
  const fail = (p: Proc, what: string, e: unknown) => {
    p.error ??= `${what}: ${message(e)}`;
    note(`${p.script.kind}: ${p.error}`);
  };

  const settleOne = async (p: Proc) => {
    if (p.handle && !p.error) await settle(p.handle, settleTimeoutMs).catch((e: unknown) => fail(p, 'settle', e));
  };
  const run: RunControl = {
    stack,
    log: note,
    background: null,
    settle: async () => {
      await Promise.all(procs.map(settleOne));
    },
    restartWorker: async () => {
      await worker.kill9();
      worker = await WorkerProcess.start(spec);
      watch(worker);
    },
    worker: () => worker,
  };

  const act = async (p: Proc, k: number) => {
    const step = p.script.steps[k];
    if (!step || !p.handle || p.error) return;
    try {
      const extra = step.prepare ? await retrying(() => step.prepare!({ id: p.id, pool: stack.pg.pool })) : {};
      await p.handle.executeUpdate(step.act, { args: [{ ...step.input, ...extra }] });
    } catch (e) {
      fail(p, `step ${k + 1} (${step.act})`, e);
    }
  };

  const steps = Math.max(...scripts.map((s) => s.steps.length));
  try {
    for (let k = 0; k <= steps; k++) {
      if (k === 0) {
        await Promise.all(procs.map(async (p) => {
          try {
            p.handle = await stack.temporal.client.workflow.start(p.script.workflowType, { workflowId: p.id, taskQueue, args: [p.script.input(tag)] });
          } catch (e) {
            fail(p, 'start', e);
          }
        }));
      } else await Promise.all(procs.map((p) => act(p, k - 1)));
      if (run.background) {
        await run.background;
        run.background = null;
      }
      await fault.after(run, k);
      note(`step ${k} done`);
    }
    if (run.background) await run.background;
    await run.settle();

    const kinds: Record<string, KindRun> = {};
    for (const p of procs) {
      const r: KindRun = { kind: p.script.kind, id: p.id, error: p.error, state: null, acts: [], idemKeys: [], notices: {}, resent: [] };
      kinds[p.script.kind] = r;
      if (p.handle) {
        try {
          const st = (p.script.completes
            ? await Promise.race([p.handle.result(), sleep(settleTimeoutMs).then(() => { throw new Error(`did not complete within ${settleTimeoutMs / 1000} s`); })])
            : await retrying(() => p.handle!.query('state'))) as { stage?: string; outcome?: string | null };
          r.state = { stage: st.stage ?? null, outcome: st.outcome ?? null };
        } catch (e) {
          r.error ??= `state: ${message(e)}`;
        }
      }
      const rows = await retrying(() => stack.pg.pool.query<{ act_type: string; idem_key: string; payload: { noticeKey?: string; resentAfterUnknownOutcome?: boolean } }>(
        'SELECT act_type, idem_key, payload FROM ledger WHERE procedure_id = $1 ORDER BY seq', [p.id]));
      r.acts = rows.rows.map((x) => x.act_type);
      if (process.env.TARTIP_FAULT_DEBUG) {
        note(`${p.script.kind}: ${r.acts.join(' ')}`);
        if (p.handle && p.script.kind === process.env.TARTIP_FAULT_DEBUG) {
          const hist = await p.handle.fetchHistory();
          const t1 = Number(hist.events![0]!.eventTime!.seconds);
          for (const e of hist.events ?? []) {
            const a = e.activityTaskScheduledEventAttributes;
            note(`  ${Number(e.eventTime!.seconds) - t1}s ${e.eventId} ${e.eventType} ${a ? a.activityType!.name : ''}${e.workflowExecutionUpdateAcceptedEventAttributes ? e.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest!.input!.name : ''}`);
          }
        }
      }
      r.idemKeys = rows.rows.map((x) => x.idem_key);
      r.resent = rows.rows.filter((x) => x.act_type === 'notice_delivered' && x.payload.resentAfterUnknownOutcome).map((x) => noticeStep(x.payload.noticeKey!));
      for (const m of stack.smtp.messages.filter((m) => m.header('x-tartip-procedure') === p.id)) {
        const s = noticeStep(m.header('x-tartip-notice-key') ?? '?');
        r.notices[s] = (r.notices[s] ?? 0) + 1;
      }
      // an appeal period or the next milestone keeps it open: nothing more to see
      if (p.handle && !p.script.completes) await p.handle.terminate('fault suite: run compared').catch(() => {});
    }
    return { fault: fault.name, crashes, kinds, log, seconds: Math.round((Date.now() - t0) / 1000) };
  } finally {
    await worker.kill9();
  }
}
