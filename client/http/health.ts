// GET /health: does each part answer now? Temporal (GetSystemInfo), PostgreSQL (SELECT 1) and the
// worker (the main command's own worker, else pollers on the task queue), each within ~1 s.
// 200 when all answer, else 503 with Retry-After, naming what is down.
import type pg from 'pg';
import type { Client } from '@temporalio/client';
import type { Lang } from '../../statute/errors.js';
import { API_MESSAGES } from './errors.js';
import { fill } from '../../statute/messages.js';

export interface Check {
  ok: boolean;
  /** how long the check took */
  ms: number;
  /** why it failed (the server's or the driver's own words) */
  error?: string;
  /** worker: its state (RUNNING, …) or the number of pollers seen */
  state?: string;
  pollers?: number;
}

export const PARTS = ['temporal', 'postgres', 'worker'] as const;
export type Part = (typeof PARTS)[number];

export interface Health {
  status: 'ok' | 'unavailable';
  checks: Record<Part, Check>;
}

export interface HealthOptions {
  client: Client;
  pool: pg.Pool;
  taskQueue: string;
  /** the state of the worker in this process (npm start); else pollers of the task queue are asked for */
  workerState?: () => string;
  timeoutMs?: number;
}

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

async function timed(run: () => Promise<Partial<Check> | void>, timeoutMs: number): Promise<Check> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const extra = await Promise.race([
      run(),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - t0), ...(extra ?? {}) };
  } catch (e) {
    return { ok: false, ms: Math.round(performance.now() - t0), error: short(e) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(o: HealthOptions): Promise<Health> {
  const t = o.timeoutMs ?? 1_000;
  const deadline = () => Date.now() + t;
  const [temporal, postgres, worker] = await Promise.all([
    timed(async () => { await o.client.connection.withDeadline(deadline(), () => o.client.workflowService.getSystemInfo({})); }, t),
    timed(async () => { await o.pool.query('SELECT 1'); }, t),
    o.workerState
      ? Promise.resolve(((state: string): Check => (state === 'RUNNING' ? { ok: true, ms: 0, state } : { ok: false, ms: 0, state, error: `the worker is ${state}` }))(o.workerState()))
      : timed(async () => {
          const r = await o.client.connection.withDeadline(deadline(), () =>
            o.client.workflowService.describeTaskQueue({ namespace: o.client.options.namespace, taskQueue: { name: o.taskQueue }, taskQueueType: 1 /* WORKFLOW */ }));
          const pollers = r.pollers?.length ?? 0;
          if (!pollers) throw new Error(`no worker polls task queue ${o.taskQueue}`);
          return { pollers };
        }, t),
  ]);
  const checks = { temporal, postgres, worker };
  return { status: PARTS.every((p) => checks[p].ok) ? 'ok' : 'unavailable', checks };
}

/** The HTTP answer: 200 with the checks, or 503 with a message for people naming what is down. */
export function healthResponse(h: Health, lang: Lang): { status: 200 | 503; body: Record<string, unknown> } {
  if (h.status === 'ok') return { status: 200, body: { ...h } };
  const down = PARTS.filter((p) => !h.checks[p].ok).join(', ');
  return { status: 503, body: { status: h.status, code: 'unavailable', message: fill(API_MESSAGES.health_unavailable![lang], { down }), lang, checks: h.checks } };
}
