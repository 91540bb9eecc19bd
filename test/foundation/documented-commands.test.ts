// The documentation's commands, run as written against a real `npm start` (its own data folder and
// ports): the README's shell blocks (all but the two set-up commands, which CI itself runs) and the
// walk-through of docs/api.md, registers imported through the CLI, from a token to the outcome.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { freePorts, killEverything, mainEnv, startMain, type MainProcess } from '../harness/main-process.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tartip-docs-'));
chmodSync(dataDir, 0o755);
let main: MainProcess;
let env: NodeJS.ProcessEnv;
let apiUrl: string;
beforeAll(async () => {
  env = { ...mainEnv(dataDir, await freePorts()), TARTIP_SMTP_HOST: undefined, TARTIP_TOKEN: '', TARTIP_LANG: '' };
  main = await startMain(env);
  apiUrl = /HTTP API:\s+(http:\/\/\S+)/.exec(main.output())![1]!;
}, 200_000);
afterAll(async () => {
  await main?.stop('SIGINT');
  killEverything([dataDir]);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The ```sh blocks of a markdown text (between `from` and `to` when given). */
export function shellBlocks(md: string, from?: string, to?: string): string[] {
  const part = from ? md.slice(md.indexOf(from), to ? md.indexOf(to) : undefined) : md;
  return [...part.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

function bash(script: string, extra: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: PROJECT_ROOT, env: { ...env, ...extra } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe('the documented commands work as written', () => {
  it("docs/api.md's walk-through: token, registers by the CLI, start, act, outcome, record", async () => {
    const blocks = shellBlocks(readFileSync(path.join(PROJECT_ROOT, 'docs/api.md'), 'utf8'), '<!-- walkthrough -->', '<!-- /walkthrough -->');
    expect(blocks.length).toBe(3);
    const r = await bash(blocks.join('\n'), { API: apiUrl });
    expect(r.code, `${r.out.slice(-3000)}\n${r.err.slice(-3000)}`).toBe(0);
    expect(r.out).toContain('deputies: 30 entries imported');
    expect(r.out).toMatch(/"stage":"closed"/);
    expect(r.out).toMatch(/"outcome":"consented"/);
    expect(r.out).toContain('"actor":{"id":"secretary-1"');
  }, 300_000);

  it("the README's commands (administrators, auditors, statute)", async () => {
    const blocks = shellBlocks(readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8'));
    const runnable = blocks.filter((b) => !/\bnpm (ci|start|test)\b/.test(b));
    expect(runnable.length).toBe(blocks.length - 1);
    expect(runnable.some((b) => b.includes('tartip audit verify --live'))).toBe(true);
    const r = await bash(runnable.join('\n'));
    expect(r.code, `${r.out.slice(-3000)}\n${r.err.slice(-3000)}`).toBe(0);
    expect(r.out).toContain('2025-04-03');
  }, 600_000);
});
