// The main command (`npm start`) run for real by a test: its own data folder and free ports, the
// API on a free port; stopped with Ctrl-C (SIGINT); killed in afterAll if a test left it running.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { freePort } from '../../worker/temporal-server.js';

export interface Ports { temporal: number; ui: number; pg: number }

export interface Main {
  child: ChildProcess;
  output(): string;
  /** the HTTP API's base URL, from the banner */
  apiUrl: string;
  /** the environment the CLI needs to reach this instance's servers */
  cliEnv: Record<string, string>;
}

export const freePorts = async (): Promise<Ports> => ({ temporal: await freePort(), ui: await freePort(), pg: await freePort() });

export function mainDataDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const started: ChildProcess[] = [];
/** Kills (SIGKILL) every main command a test started and left running. */
export function killStartedMains(): void {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

export async function startMain(dataDir: string, ports: Ports, env: Record<string, string> = {}): Promise<Main> {
  const cliEnv = {
    TEMPORAL_ADDRESS: '',
    DATABASE_URL: '',
    TARTIP_DATA_DIR: dataDir,
    TARTIP_TEMPORAL_PORT: String(ports.temporal),
    TARTIP_UI_PORT: String(ports.ui),
    TARTIP_PG_PORT: String(ports.pg),
    TARTIP_TASK_QUEUE: 'tartip',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...cliEnv, TARTIP_HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`main command not ready in 150 s:\n${out}`)), 150_000);
    const check = () => {
      if (out.includes('tartip is running.')) { clearTimeout(t); resolve(); }
      else if (child.exitCode !== null) { clearTimeout(t); reject(new Error(`main command exited ${child.exitCode}:\n${out}`)); }
      else setTimeout(check, 100);
    };
    check();
  });
  const apiUrl = /HTTP API:\s+(http:\/\/\S+)/.exec(out)?.[1] ?? '';
  return { child, output: () => out, apiUrl, cliEnv };
}

/** Ctrl-C, and the exit code. */
export function stopMain(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGINT');
  return exited;
}
