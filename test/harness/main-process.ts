// The real main command (`npm start`: node worker/main.ts) in a test: its own data folder and free
// ports, its output captured, and every process it leaves found by pid (its descendants, or any
// process whose command line names the test's folder) so a test can check none is left.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { freePort } from '../../worker/temporal-server.js';
import { identityOf, isAlive, type ProcIdentity } from '../../worker/pidfile.js';

export interface Ports { temporal: number; ui: number; pg: number; http: number }

export async function freePorts(): Promise<Ports> {
  return { temporal: await freePort(), ui: await freePort(), pg: await freePort(), http: await freePort() };
}

export function mainEnv(dataDir: string, ports: Ports, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TEMPORAL_ADDRESS: '',
    DATABASE_URL: '',
    TARTIP_DATA_DIR: dataDir,
    TARTIP_TEMPORAL_PORT: String(ports.temporal),
    TARTIP_UI_PORT: String(ports.ui),
    TARTIP_PG_PORT: String(ports.pg),
    TARTIP_HTTP_PORT: String(ports.http),
    TARTIP_TASK_QUEUE: 'tartip',
    ...extra,
  };
}

export interface MainProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** the exit code (null: killed by a signal) */
  exited: Promise<number | null>;
  /** resolves when the output matches; rejects when the process exits first or after `ms` */
  waitFor(what: string | RegExp, ms?: number): Promise<void>;
  /** sends `signal` and waits for the exit */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const spawned: ChildProcess[] = [];

/** `project`: run another copy of the project (a clone elsewhere) */
export function spawnMain(env: NodeJS.ProcessEnv, o: { project?: string } = {}): MainProcess {
  const root = o.project ?? PROJECT_ROOT;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'worker/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let done = false;
  void exited.then(() => (done = true));
  const m: MainProcess = {
    child,
    pid: child.pid!,
    output: () => out,
    exited,
    waitFor(what, ms = 150_000) {
      const hit = () => (typeof what === 'string' ? out.includes(what) : what.test(out));
      return new Promise<void>((resolve, reject) => {
        const until = Date.now() + ms;
        const check = () => {
          if (hit()) resolve();
          else if (done) reject(new Error(`main command exited (${child.exitCode}) before ${String(what)}:\n${out}`));
          else if (Date.now() > until) reject(new Error(`no ${String(what)} in ${ms} ms:\n${out}`));
          else setTimeout(check, 100);
        };
        check();
      });
    },
    async stop(signal = 'SIGINT') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
  return m;
}

/** Spawns the main command and waits for "tartip is running.". */
export async function startMain(env: NodeJS.ProcessEnv, o: { project?: string } = {}): Promise<MainProcess> {
  const m = spawnMain(env, o);
  await m.waitFor('tartip is running.');
  return m;
}

function ppidOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

const allPids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);

/** Every living descendant of `pid`, with its identity (so a pid reused later is not taken for it). */
export function descendants(pid: number): ProcIdentity[] {
  const children = new Map<number, number[]>();
  for (const p of allPids()) {
    const pp = ppidOf(p);
    if (pp !== null) children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const out: ProcIdentity[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      const id = identityOf(c);
      if (id) out.push(id);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Living processes whose command line contains `text` (a test's own temporary folder). */
export function processesMentioning(text: string): ProcIdentity[] {
  return allPids().map(identityOf).filter((id): id is ProcIdentity => id !== null && id.pid !== process.pid && id.cmd.includes(text));
}

export const stillAlive = (ids: readonly ProcIdentity[]) => ids.filter(isAlive);

/** Waits until none of `ids` lives (a process killed by its parent may take a moment). */
export async function gone(ids: readonly ProcIdentity[], ms = 20_000): Promise<ProcIdentity[]> {
  const until = Date.now() + ms;
  while (stillAlive(ids).length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return stillAlive(ids);
}

export function listening(port: number): Promise<boolean> {
  return new Promise((r) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); r(true); });
    s.once('error', () => { s.destroy(); r(false); });
  });
}

/** afterAll: SIGKILL every main command spawned here and every process naming one of `folders`. */
export function killEverything(folders: readonly string[]): void {
  for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const f of folders) for (const p of processesMentioning(f)) try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ }
}
