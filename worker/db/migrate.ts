// Versioned SQL migrations (migrations/NNNN_name.sql, `-- Up Migration` / `-- Down Migration`)
// applied by node-pg-migrate in one transaction, under an advisory lock.
import path from 'node:path';
import { runner } from 'node-pg-migrate';
import { PROJECT_ROOT } from '../provision/temporal-binaries.js';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

export async function migrate(databaseUrl: string, log: (l: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    singleTransaction: true,
    checkOrder: true,
    log,
    logger: { debug: () => {}, info: log, warn: log, error: log },
  });
  return applied.map((m) => m.name);
}
