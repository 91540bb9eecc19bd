// A fresh, migrated database per call, on the shared test server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase } from '../../worker/db/embedded.js';
import { migrate } from '../../worker/db/migrate.js';

export interface FreshDatabase {
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function freshDatabase(opts: { migrate?: boolean } = {}): Promise<FreshDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  if (opts.migrate !== false) await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // pool.end() resolves before its clients have closed: the DROP … WITH (FORCE) below may cut one
  // still closing (57P01), which the pool re-emits; without a listener that is an uncaught error
  pool.on('error', () => {});
  return {
    url,
    pool,
    async close() {
      await pool.end();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
