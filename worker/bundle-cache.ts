// The workflow bundle, built once and kept on disk: the worker, `tartip simulate`, `tartip audit
// replay` and the tests load the same file instead of running webpack again (4–6 s each time).
// The key is a hash of what the bundle was built from: each of our source files it contains (listed
// by its source map), the lock file (the SDK and every other package) and the Node version. A change
// to any of them builds a new bundle; an import added to a file changes that file, and so the key.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './provision/temporal-binaries.js';
import { bundleWorkflows } from './worker.js';

export interface CachedBundle {
  codePath: string;
  /** true when it was found on disk, false when it was built now */
  cached: boolean;
  key: string;
}

interface Manifest {
  key: string;
  /** our source files, relative to the project root */
  sources: string[];
  builtAt: string;
}

const KEEP = 4;

export function bundleDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.TARTIP_TOOLS_DIR ?? path.join(PROJECT_ROOT, '.tools'), 'bundles');
}

/** The key of a bundle built from `sources` (relative paths), or null when one of them is gone. */
export function keyOf(sources: readonly string[], root = PROJECT_ROOT): string | null {
  const h = createHash('sha256').update(`node ${process.version}\n`);
  const lock = path.join(root, 'package-lock.json');
  h.update(existsSync(lock) ? readFileSync(lock) : 'no lock file');
  for (const s of [...sources].sort()) {
    const f = path.join(root, s);
    if (!existsSync(f)) return null;
    h.update(`\n${s}\n`).update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 32);
}

/** Our files a bundle contains, from its inline source map (node_modules are covered by the lock file). */
export function sourcesOf(code: string, root = PROJECT_ROOT): string[] {
  const m = /sourceMappingURL=data:application\/json;[^,]*base64,([A-Za-z0-9+/=]+)/.exec(code);
  if (!m) throw new Error('the workflow bundle has no inline source map: cannot tell what it was built from');
  const map = JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8')) as { sources: string[] };
  return map.sources
    .filter((s) => path.isAbsolute(s) && s.startsWith(root + path.sep) && !s.includes(`${path.sep}node_modules${path.sep}`) && existsSync(s))
    .map((s) => path.relative(root, s))
    .sort();
}

function manifests(dir: string): { file: string; m: Manifest; mtime: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.manifest.json'))
    .flatMap((f) => {
      try {
        const file = path.join(dir, f);
        return [{ file, m: JSON.parse(readFileSync(file, 'utf8')) as Manifest, mtime: statSync(file).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.mtime - a.mtime);
}

/** The bundle of today's workflow sources: from disk when it is there, else built now and kept. */
export async function cachedWorkflowBundle(opts: { dir?: string; log?: (line: string) => void } = {}): Promise<CachedBundle> {
  const dir = opts.dir ?? bundleDir();
  for (const { m } of manifests(dir)) {
    const codePath = path.join(dir, `${m.key}.js`);
    if (keyOf(m.sources) === m.key && existsSync(codePath)) return { codePath, cached: true, key: m.key };
  }
  const t0 = Date.now();
  const { code } = await bundleWorkflows();
  const sources = sourcesOf(code);
  const key = keyOf(sources)!;
  mkdirSync(dir, { recursive: true });
  const codePath = path.join(dir, `${key}.js`);
  // written whole, then renamed: a reader never sees half a bundle, two writers leave one
  const tmp = path.join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, code);
  renameSync(tmp, codePath);
  const manifest: Manifest = { key, sources, builtAt: new Date().toISOString() };
  writeFileSync(tmp, JSON.stringify(manifest, null, 1) + '\n');
  renameSync(tmp, path.join(dir, `${key}.manifest.json`));
  opts.log?.(`tartip: workflow bundle built in ${((Date.now() - t0) / 1000).toFixed(1)} s and kept (${path.relative(process.cwd(), codePath) || codePath})`);
  // the oldest go
  for (const old of manifests(dir).slice(KEEP)) {
    for (const f of [old.file, path.join(dir, `${old.m.key}.js`)]) {
      try {
        unlinkSync(f);
      } catch {
        /* another process removed it */
      }
    }
  }
  return { codePath, cached: false, key };
}
