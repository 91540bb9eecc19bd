// Transactions for the records activities.
import type pg from 'pg';

export interface DbContext {
  pool: pg.Pool;
  /**
   * Role assumed for each transaction (SET LOCAL ROLE), e.g. 'tartip_worker', when the pool
   * connects as a login role that is a member of it. Leave unset when the pool's own login
   * role already is the worker role.
   */
  role?: string;
}

const ROLE_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A connection taken from the pool, with an 'error' listener while it is out: pg-pool listens only
 * to idle connections, and PostgreSQL ending a session between two queries (a restart, an
 * administrator) would otherwise be an unhandled 'error' event that ends the worker's process.
 * The query under way, or the next one, fails instead, and the activity is retried.
 */
export async function checkout(pool: pg.Pool): Promise<{ client: pg.PoolClient; release(broken?: Error): void }> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (e: Error) => {
    lost = e;
  };
  client.on('error', onError);
  return {
    client,
    release(broken?: Error) {
      client.off('error', onError);
      // a connection that broke (or whose ROLLBACK failed) is destroyed rather than reused
      client.release(broken ?? lost);
    },
  };
}

export async function inTransaction<T>(db: DbContext, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { client, release } = await checkout(db.pool);
  let broken: Error | undefined;
  try {
    return await transactionOn(client, db.role, fn);
  } catch (e) {
    if (e instanceof BrokenConnection) broken = e;
    throw e instanceof BrokenConnection ? e.original : e;
  } finally {
    release(broken);
  }
}

export class BrokenConnection extends Error {
  constructor(readonly original: unknown) {
    super('connection broken during rollback');
  }
}

/** A transaction on a client the caller holds (and releases). */
export async function transactionOn<T>(
  client: pg.PoolClient,
  role: string | undefined,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  {
    if (role !== undefined) {
      if (!ROLE_RE.test(role)) throw new Error(`bad role name ${role}`);
      await client.query(`BEGIN; SET LOCAL ROLE ${role}`);
    } else {
      await client.query('BEGIN');
    }
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        throw new BrokenConnection(e);
      }
      throw e;
    }
  }
}
