// `npm start`: the main job. Ctrl-C (SIGINT), SIGTERM or SIGHUP stops every child process, also in
// the middle of start-up. An expected failure is one line `tartip: …` and exit 1, never a stack trace.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from './config.js';
import { startTartip, type RunningTartip } from './runtime.js';
import { stopChildren } from './children.js';
import { StartFailure, mainLang, startFailure } from './lifecycle.js';

// This process owns SIGINT/SIGTERM: it stops the worker, then the servers it started, in order.
// (The Temporal runtime would otherwise exit mid-way.)
Runtime.install({ shutdownSignals: [], logger: new DefaultLogger((process.env.TARTIP_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
const lang = mainLang();
const say = (l: string) => process.stdout.write(`${l}\n`);
const warn = (l: string) => process.stderr.write(`${l}\n`);
for (const s of [process.stdout, process.stderr]) s.on('error', () => {}); // a reader that went away

/** Exits once everything written so far has been handed to stdout and stderr. */
const exitAfterFlush = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

function text(e: unknown): string {
  if (e instanceof StartFailure) return e.text[lang];
  if (e instanceof ConfigError) return startFailure('badConfig', { issues: e.issues.join('; ') }).text[lang];
  return (e instanceof Error ? e.message : String(e)).replace(/^tartip: /, '');
}

let phase: 'starting' | 'running' | 'stopping' = 'starting';
let running: RunningTartip | null = null;

/** In order (API, worker, servers), bounded; then whatever child is left, by signal. */
async function stopEverything(): Promise<void> {
  if (running) {
    let t: NodeJS.Timeout | undefined;
    await Promise.race([running.stop(), new Promise((r) => (t = setTimeout(r, 30_000)))]).catch(() => {});
    clearTimeout(t);
  }
  await stopChildren();
}

function shutdown(sig: string): void {
  if (phase === 'stopping') return; // npm forwards the terminal's Ctrl-C: the same request twice
  const during = phase === 'starting';
  phase = 'stopping';
  say(`tartip: ${sig} received${during ? ' during start-up' : ''}, stopping…`);
  void stopEverything().then(() => {
    say('tartip: stopped.');
    exitAfterFlush(0);
  });
}

function fail(e: unknown): void {
  if (phase === 'stopping') return; // a start-up cut short by a signal fails as it stops: not news
  phase = 'stopping';
  warn(`tartip: ${text(e)}`);
  if (process.env.TARTIP_DEBUG && e instanceof Error && e.stack) warn(e.stack);
  void stopEverything().then(() => exitAfterFlush(1));
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(sig);
  process.on(sig, () => shutdown(sig));
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const redact = (u: string) => u.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
try {
  const cfg = loadConfig();
  const r = await startTartip(cfg, say);
  running = r;
  if (phase === 'starting') {
    phase = 'running';
    say(
      [
        'tartip is running.',
        `  Temporal:       ${r.temporalAddress} (namespace ${r.namespace})`,
        `  Temporal Web UI: ${r.uiUrl ?? '(external Temporal: use its own UI)'}`,
        `  PostgreSQL:     ${redact(r.databaseUrl)}`,
        `  Task queue:     ${cfg.TARTIP_TASK_QUEUE}`,
        `  HTTP API:       ${r.apiUrl}  (contract: ${r.apiUrl}/openapi.json; health: ${r.apiUrl}/health; tokens: tartip token create)`,
        '  Ctrl-C stops everything.',
      ].join('\n'),
    );
    r.done.then(
      () => fail(new Error('the worker stopped by itself; stopping everything')),
      (e: unknown) => {
        // while stopping, a worker that ends with an error (its server already gone) is part of the stop
        if (phase === 'stopping') warn(`tartip: worker ended while stopping: ${e instanceof Error ? e.message : String(e)}`);
        else fail(new Error(`the worker failed: ${e instanceof Error ? e.message : String(e)}`));
      },
    );
  }
} catch (e) {
  fail(e);
}
