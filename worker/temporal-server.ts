// Starts `temporal server start-dev` as a child process with its state in a SQLite file, so a
// second start finds the procedures of the first.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_FLAGS } from '../workflows/search-attributes.js';
import { track } from './children.js';
import { startFailure } from './lifecycle.js';

export interface DevServer {
  address: string;
  uiUrl: string | null;
  namespace: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  binary: string;
  /** SQLite file; omit for an in-memory server */
  dbFile?: string;
  port: number;
  uiPort?: number | null;
  namespace?: string;
  /** faster, less durable SQLite settings (tests) */
  fast?: boolean;
  log?: (l: string) => void;
  /** record the server's pid and identity here while it runs (a later start finds it after a crash) */
  pidFile?: string;
}

export function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, host);
      s.once('connect', () => { s.destroy(); resolve(); });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Resolves once the namespace answers DescribeNamespace. */
export async function waitForNamespace(address: string, namespace: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const c = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await c.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await c.close();
      }
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not serve namespace '${namespace}' within ${timeoutMs} ms: ${String(last)}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  const namespace = o.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(o.port), '--namespace', namespace, '--log-level', 'warn'];
  if (o.dbFile) {
    mkdirSync(path.dirname(o.dbFile), { recursive: true });
    args.push('--db-filename', o.dbFile);
  }
  if (o.uiPort) args.push('--ui-port', String(o.uiPort));
  else args.push('--headless');
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_FLAGS)) args.push('--search-attribute', `${name}=${type}`);
  // WAL: writers do not wait for readers (issue 14: the default journal serialises every act behind
  // the visibility reads). synchronous=NORMAL keeps a committed event through a crash of the process;
  // OFF (tests) also gives up the last events on a power loss.
  args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', `synchronous=${o.fast ? 'OFF' : 'NORMAL'}`);
  // its own process group: a Ctrl-C in the terminal reaches only the main command, which stops it in order
  const child = spawn(o.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  track(child, { name: 'Temporal dev server', pidFile: o.pidFile, ...(o.dbFile ? { dataDir: path.dirname(o.dbFile) } : {}) });
  const log = o.log ?? (() => {});
  let stopping = false; // its own shutdown chatter (pollers losing their connection) is not news
  let out = '';
  const relay = (d: Buffer) => {
    out = (out + d.toString()).slice(-4000);
    if (!stopping) for (const line of d.toString().split('\n')) if (line.trim()) log(line.trimEnd());
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  const exited = new Promise<void>((r) => {
    child.once('exit', () => r());
    child.once('error', (e) => { out += `\n${e.message}`; r(); });
  });
  const address = `127.0.0.1:${o.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    stopping = true;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(t);
  };
  try {
    await Promise.race([
      waitForNamespace(address, namespace),
      exited.then(() => {
        const lines = out.split('\n').map((l) => l.trim()).filter(Boolean).slice(-3).join(' | ') || '(no output)';
        throw startFailure('childExited', { what: 'Temporal dev server', code: child.exitCode ?? String(child.signalCode), tail: lines });
      }),
    ]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { address, uiUrl: o.uiPort ? `http://127.0.0.1:${o.uiPort}` : null, namespace, process: child, stop };
}
