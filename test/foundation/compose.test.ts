// docker-compose.yml is validated with compose-go (Docker Compose v2's own parser), not run:
// there is no Docker engine on these machines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const checker = path.join(PROJECT_ROOT, 'tools/compose-check');
function check(file: string, env: Record<string, string> = { POSTGRES_PASSWORD: 'secret' }) {
  const r = spawnSync('go', ['run', '.', file], { cwd: checker, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 600_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('docker-compose.yml (production shape)', () => {
  it('parses with compose-go and has every service of the production shape', () => {
    const r = check(path.join(PROJECT_ROOT, 'docker-compose.yml'));
    // a cold Go module cache prints `go: downloading …` on stderr: only the checker's own lines count
    expect(r.err.split('\n').filter((l) => l.trim() && !/^go: (downloading|finding|extracting) /.test(l))).toEqual([]);
    expect(r.status).toBe(0);
    const services = Object.fromEntries(r.out.trim().split('\n').map((l) => l.split('\t')));
    expect(services).toMatchObject({
      postgres: 'postgres:16',
      'temporal-admin-tools': expect.stringMatching(/^temporalio\/admin-tools:/),
      temporal: expect.stringMatching(/^temporalio\/server:/),
      'temporal-ui': expect.stringMatching(/^temporalio\/ui:/),
    });
    expect(Object.keys(services)).toContain('tartip-worker');
    // the worker is built from the project's Dockerfile
    expect(readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')).toMatch(/dockerfile: Dockerfile/);
  });

  it('refuses a file with a schema error, and one with a required variable missing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-'));
    const broken = path.join(dir, 'docker-compose.yml');
    writeFileSync(broken, readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8').replace('restart: unless-stopped', 'restart: [not, a, string]'));
    copyFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), path.join(dir, 'Dockerfile'));
    expect(check(broken).status).not.toBe(0);
    const noPassword = check(path.join(PROJECT_ROOT, 'docker-compose.yml'), { POSTGRES_PASSWORD: '' });
    expect(noPassword.status).not.toBe(0);
    expect(noPassword.err).toMatch(/POSTGRES_PASSWORD/);
  });
});
