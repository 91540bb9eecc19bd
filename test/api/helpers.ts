// The API under test: a real dev server, a real worker, a fresh database, Fastify on a loopback
// port, and one token per role and body.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { bundleWorkflowCode, type Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { devServerEnv } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { buildActivities } from '../../worker/activities.js';
import { buildServer } from '../../client/http/server.js';
import { createToken } from '../../client/http/tokens.js';
import { DEFINITIONS } from '../../workflows/definitions.js';
import { probeDefinition } from './fixtures/probe.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { randomUUID } from 'node:crypto';
import { Worker as W } from '@temporalio/worker';

export const DEFS = [...DEFINITIONS, probeDefinition];

export interface Stack {
  env: TestWorkflowEnvironment;
  db: FreshDatabase;
  worker: Worker;
  workerDone: Promise<void>;
  app: FastifyInstance;
  base: string;
  taskQueue: string;
  tokens: Record<'adminA' | 'adminB' | 'commissionA' | 'auditor' | 'revoked', string>;
  /** no worker polls the task queue until startWorker: Updates and queries wait */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** `mail`: an SMTP server the worker's e-mail channel sends to (statutory notices go out). */
export async function startStack(opts: { mail?: { host: string; port: number } } = {}): Promise<Stack> {
  const [env, db, bundle] = await Promise.all([
    devServerEnv(),
    freshDatabase(),
    bundleWorkflowCode({ workflowsPath: path.join(PROJECT_ROOT, 'test/api/fixtures/workflows.ts'), logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never }),
  ]);
  const taskQueue = `api-${randomUUID()}`;
  const newWorker = () => W.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle: bundle, activities: buildActivities(db.pool, opts.mail ? { mail: { ...opts.mail, from: 'tartip@test.example.kz', ignoreTLS: true } } : {}) });
  const worker = await newWorker();
  const workerDone = worker.run();
  let running = true;
  const app = await buildServer({ temporalClient: env.client, pool: db.pool, taskQueue, definitions: DEFS });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const mk = (role: 'administrator' | 'commission' | 'auditor', body: string | undefined, actorId: string, name: string) =>
    createToken(db.pool, { role, body, actorId, name }).then((t) => t.token);
  const tokens = {
    adminA: await mk('administrator', 'KZ-A', 'admin-a', 'Айгүл Серікова'),
    adminB: await mk('administrator', 'KZ-B', 'admin-b', 'Болат Нұрланов'),
    commissionA: await mk('commission', 'KZ-A', 'comm-a', 'Дана Ахметова'),
    auditor: await mk('auditor', undefined, 'audit-1', 'Ерлан Қасымов'),
    revoked: await mk('administrator', 'KZ-A', 'gone', 'Revoked Person'),
  };
  await db.pool.query(`UPDATE api_tokens SET revoked_at = now() WHERE actor_id = 'gone'`);
  const stack: Stack = {
    env, db, worker, workerDone, app, base, taskQueue, tokens,
    async stopWorker() {
      if (!running) return;
      running = false;
      stack.worker.shutdown();
      await stack.workerDone.catch(() => {});
    },
    async startWorker() {
      if (running) return;
      stack.worker = await newWorker();
      stack.workerDone = stack.worker.run();
      running = true;
    },
    async stop() {
      await app.close();
      await stack.stopWorker();
      await env.teardown();
      await db.close();
    },
  };
  return stack;
}

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export async function call(base: string, method: string, url: string, opts: { token?: string; body?: unknown; key?: string; lang?: string; raw?: string; contentType?: string } = {}): Promise<Res> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.key) headers['idempotency-key'] = opts.key;
  if (opts.lang) headers['accept-language'] = opts.lang;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const r = await fetch(`${base}${url}`, { method, headers, body });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed, headers: r.headers };
}

export interface CliRun { code: number; out: string; err: string }

/** The real `tartip` CLI as a separate process, pointed at the stack's Temporal, database and task queue. */
export function tartipOn(s: Stack, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'client/cli.ts'), ...args], {
      env: { ...process.env, TEMPORAL_ADDRESS: s.env.address, DATABASE_URL: s.db.url, TARTIP_TASK_QUEUE: s.taskQueue, TARTIP_LANG: '', TARTIP_TOKEN: '', ...env },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
