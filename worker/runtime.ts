// Brings up everything the main command runs: Temporal (dev server unless TEMPORAL_ADDRESS),
// PostgreSQL (embedded unless DATABASE_URL), migrations, and the worker.
import path from 'node:path';
import pg from 'pg';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Config } from './config.js';
import { provide } from './provision/temporal-binaries.js';
import { startDevServer, waitForNamespace, type DevServer } from './temporal-server.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPg } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createWorker } from './worker.js';
import { cachedWorkflowBundle } from './bundle-cache.js';
import { buildActivities, closeBuiltActivities } from './activities.js';
import { channelLines, channelsOf } from './config.js';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { buildServer } from '../client/http/server.js';
import { temporalConnectionOptions } from '../client/temporal-rpc.js';
import type { AddressInfo } from 'node:net';
import { acquireLock, checkPorts, stopOrphans } from './lifecycle.js';

export interface RunningTartip {
  temporalAddress: string;
  namespace: string;
  uiUrl: string | null;
  databaseUrl: string;
  /** the HTTP API's base URL (issue 8) */
  apiUrl: string;
  /** resolves when the worker stops (after stop() or a fatal error) */
  done: Promise<void>;
  stop(): Promise<void>;
}

export async function startTartip(cfg: Config, log: (l: string) => void = console.log): Promise<RunningTartip> {
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`tartip: error while stopping: ${String(e)}`));
    stops.length = 0;
  };
  /** a server of ours that stops by itself: said once; /health reports it from then on */
  const watch = (name: string, child: { once(e: 'exit', l: (code: number | null, sig: string | null) => void): unknown }) =>
    child.once('exit', (code, sig) => {
      if (!stopping) log(`tartip: the ${name} stopped by itself (${code ?? sig}); /health reports it; stop tartip (Ctrl-C) and start it again`);
    });
  try {
    // One tartip per data folder; children an earlier run left behind are stopped; the ports must be free.
    const ownServers = !cfg.TEMPORAL_ADDRESS || !cfg.DATABASE_URL;
    if (ownServers) {
      const lock = acquireLock(cfg.TARTIP_DATA_DIR);
      stops.push(async () => lock.release());
      await stopOrphans(cfg.TARTIP_DATA_DIR, log);
    }
    await checkPorts([
      ...(cfg.TEMPORAL_ADDRESS ? [] : [{ port: cfg.TARTIP_TEMPORAL_PORT, variable: 'TARTIP_TEMPORAL_PORT' }, { port: cfg.TARTIP_UI_PORT, variable: 'TARTIP_UI_PORT' }]),
      ...(cfg.DATABASE_URL ? [] : [{ port: cfg.TARTIP_PG_PORT, variable: 'TARTIP_PG_PORT' }]),
      { port: cfg.TARTIP_HTTP_PORT, variable: 'TARTIP_HTTP_PORT' },
    ]);

    // Temporal
    let dev: DevServer | null = null;
    let temporalAddress = cfg.TEMPORAL_ADDRESS;
    if (!temporalAddress) {
      const cli = await provide('cli', { log });
      dev = await startDevServer({
        binary: cli.path,
        dbFile: path.join(cfg.TARTIP_DATA_DIR, 'temporal.sqlite'),
        port: cfg.TARTIP_TEMPORAL_PORT,
        uiPort: cfg.TARTIP_UI_PORT,
        namespace: cfg.TEMPORAL_NAMESPACE,
        log: (l) => log(`temporal: ${l}`),
        pidFile: path.join(cfg.TARTIP_DATA_DIR, 'temporal.pid'),
      });
      stops.push(() => dev!.stop());
      watch('Temporal dev server', dev.process);
      temporalAddress = dev.address;
    } else {
      await waitForNamespace(temporalAddress, cfg.TEMPORAL_NAMESPACE, 30_000);
    }

    // PostgreSQL
    let databaseUrl = cfg.DATABASE_URL;
    if (!databaseUrl) {
      const epg: EmbeddedPg = await startEmbeddedPostgres({ dataDir: path.join(cfg.TARTIP_DATA_DIR, 'postgres'), port: cfg.TARTIP_PG_PORT, pidFile: path.join(cfg.TARTIP_DATA_DIR, 'postgres.pid'), notice: log });
      stops.push(() => epg.stop());
      watch('PostgreSQL server', epg.process);
      databaseUrl = await ensureDatabase(epg.adminUrl, 'tartip');
    }
    const applied = await migrate(databaseUrl);
    if (applied.length) log(`tartip: applied migrations ${applied.join(', ')}`);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    pool.on('error', () => {}); // an idle connection cut by a stopped server: /health reports the server
    stops.push(() => pool.end());

    // Worker
    const connection = await NativeConnection.connect({ address: temporalAddress });
    stops.push(() => connection.close());
    const activities = buildActivities(pool, channelsOf(cfg));
    for (const l of channelLines(cfg)) log(l);
    stops.push(() => closeBuiltActivities(activities));
    const { codePath } = await cachedWorkflowBundle({ log });
    const worker: Worker = await createWorker({ connection, namespace: cfg.TEMPORAL_NAMESPACE, taskQueue: cfg.TARTIP_TASK_QUEUE, activities, workflowBundle: { codePath } });
    const done = worker.run();
    stops.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => {});
    });

    // ---- HTTP API (issue 8, client/http/server.ts) -------------------------------------------
    const apiConnection = await Connection.connect({ address: temporalAddress, ...temporalConnectionOptions() });
    stops.push(() => apiConnection.close());
    const temporalClient = new Client({ connection: apiConnection, namespace: cfg.TEMPORAL_NAMESPACE });
    // the daily integrity watch (workflows/integrity-watch.ts): one per deployment, found again on restart
    await temporalClient.workflow.start('integrityWatch', { workflowId: 'tartip:integrity-watch', taskQueue: cfg.TARTIP_TASK_QUEUE, args: [{}] }).catch((e: unknown) => {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    });
    if (cfg.TARTIP_AUDITORS.length === 0) log('tartip: TARTIP_AUDITORS is not set: the daily integrity watch will find breaks but tell nobody by e-mail');
    // the API's own connections: requests never wait behind the activities' writes (issue 14)
    const apiPool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
    apiPool.on('error', () => {});
    stops.push(() => apiPool.end());
    const api = await buildServer({ temporalClient, pool: apiPool, taskQueue: cfg.TARTIP_TASK_QUEUE, workerState: () => worker.getState() });
    await api.listen({ host: '127.0.0.1', port: cfg.TARTIP_HTTP_PORT });
    stops.push(() => api.close());
    const apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    // ---- end HTTP API -------------------------------------------------------------------------

    const running: RunningTartip = {
      temporalAddress,
      namespace: cfg.TEMPORAL_NAMESPACE,
      uiUrl: dev?.uiUrl ?? null,
      databaseUrl,
      apiUrl,
      done: done.then(() => {}),
      stop: stopAll,
    };
    return running;
  } catch (e) {
    await stopAll();
    throw e;
  }
}


