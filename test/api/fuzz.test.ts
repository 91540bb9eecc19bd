// The property-based API fuzzer (schemathesis, scripts/fuzz-api.sh) as a test: TARTIP_FUZZ=1 only,
// because it installs schemathesis from PyPI and starts a whole stack (several minutes).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

describe.runIf(process.env.TARTIP_FUZZ === '1')('schemathesis against /openapi.json', () => {
  it('finds no 5xx and no response that breaks the document', () => {
    const r = spawnSync(path.join(PROJECT_ROOT, 'scripts/fuzz-api.sh'), { encoding: 'utf8', timeout: 1_500_000 });
    expect(r.status, `${r.stdout.slice(-6000)}\n${r.stderr.slice(-3000)}`).toBe(0);
    expect(r.stdout).toMatch(/\d+ generated, \d+ passed/);
  }, 1_600_000);
});
