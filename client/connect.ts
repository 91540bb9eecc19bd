// Connections for the CLI and the HTTP API: the same configuration as the main command
// (TEMPORAL_ADDRESS / DATABASE_URL, else the embedded servers the main command starts).
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, type Config } from '../worker/config.js';
import { temporalConnectionOptions } from './temporal-rpc.js';

export function temporalAddress(cfg: Config = loadConfig()): string {
  return cfg.TEMPORAL_ADDRESS || `127.0.0.1:${cfg.TARTIP_TEMPORAL_PORT}`;
}

/** The embedded PostgreSQL of the main command, unless DATABASE_URL is set. */
export function databaseUrl(cfg: Config = loadConfig()): string {
  return cfg.DATABASE_URL || `postgres://tartip:tartip@127.0.0.1:${cfg.TARTIP_PG_PORT}/tartip`;
}

export async function connectTemporal(cfg: Config = loadConfig()): Promise<{ client: Client; close(): Promise<void> }> {
  const address = temporalAddress(cfg);
  let connection: Connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: 5_000, ...temporalConnectionOptions() });
  } catch (e) {
    throw new Error(`cannot reach Temporal at ${address} (is \`npm start\` running? set TEMPORAL_ADDRESS otherwise): ${e instanceof Error ? e.message : String(e)}`);
  }
  return { client: new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE }), close: () => connection.close() };
}

export function connectDb(cfg: Config = loadConfig()): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl(cfg), max: 5 });
  // an idle connection cut by the server is dropped by the pool; the next query says what failed
  pool.on('error', () => {});
  return pool;
}
