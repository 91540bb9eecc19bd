// The workflow bundle kept on disk (worker/bundle-cache.ts): built once, found again while the
// sources it was built from are unchanged, built anew when one of them changes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedWorkflowBundle, keyOf, sourcesOf } from '../../worker/bundle-cache.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-bundles-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the workflow bundle cache', () => {
  it('builds once, then finds the same file; lists the sources it was built from', async () => {
    const dir = path.join(tmp, 'cache');
    const first = await cachedWorkflowBundle({ dir });
    expect(first.cached).toBe(false);
    const second = await cachedWorkflowBundle({ dir });
    expect(second).toEqual({ ...first, cached: true });
    const sources = sourcesOf(readFileSync(first.codePath, 'utf8'));
    expect(sources).toEqual(expect.arrayContaining(['workflows/engine/interpreter.ts', 'statute/calendar/kz-official.ts', 'statute/editions/kz-148-2018.ts']));
    expect(sources.some((s) => s.includes('node_modules'))).toBe(false);
    // a manifest that is not JSON is passed over, not trusted
    writeFileSync(path.join(dir, 'broken.manifest.json'), '{');
    expect((await cachedWorkflowBundle({ dir })).cached).toBe(true);
  }, 120_000);

  it('the key changes with any source, with the lock file, and is gone with a missing file', () => {
    const root = path.join(tmp, 'root');
    mkdirSync(path.join(root, 'workflows'), { recursive: true });
    for (const f of ['workflows/statutory-wait.ts', 'workflows/procedure.ts', 'package-lock.json']) cpSync(path.join(PROJECT_ROOT, f), path.join(root, f));
    const srcs = ['workflows/statutory-wait.ts', 'workflows/procedure.ts'];
    const k = keyOf(srcs, root);
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf([...srcs].reverse(), root)).toBe(k);
    writeFileSync(path.join(root, 'workflows/procedure.ts'), readFileSync(path.join(root, 'workflows/procedure.ts'), 'utf8') + '\n// changed\n');
    const k2 = keyOf(srcs, root);
    expect(k2).not.toBe(k);
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    expect(keyOf(srcs, root)).not.toBe(k2);
    expect(keyOf([...srcs, 'workflows/gone.ts'], root)).toBeNull();
  });
});
