// The API's operations in-process, for the CLI: the same Procedures (roles, bodies, typed errors)
// and the same idempotency table, over direct connections to Temporal and PostgreSQL.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { EXIT } from '../command.js';
import { UsageError } from '../commands/calendar.js';
import { connectDb, connectTemporal } from '../connect.js';
import { loadConfig } from '../../worker/config.js';
import type { Lang } from '../../statute/errors.js';
import { ApiError, fromTemporal } from './errors.js';
import { Procedures } from './procedures.js';
import { authenticate, type Principal } from './tokens.js';
import { once, requestHash } from './idempotency.js';

export interface Local {
  procedures: Procedures;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function openLocal(): Promise<Local> {
  const cfg = loadConfig();
  const pool = connectDb(cfg);
  let t: Awaited<ReturnType<typeof connectTemporal>>;
  try {
    t = await connectTemporal(cfg);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return {
    procedures: new Procedures({ client: t.client, pool, taskQueue: cfg.TARTIP_TASK_QUEUE }),
    pool,
    async close() {
      await t.close();
      await pool.end();
    },
  };
}

/** The caller's token: --token, else TARTIP_TOKEN. `required` for acts; reads work without (local operator). */
export async function principalOf(pool: pg.Pool, flag: string | boolean | undefined, required: boolean): Promise<Principal | null> {
  const token = typeof flag === 'string' ? flag : process.env.TARTIP_TOKEN;
  if (!token) {
    if (required) throw new ApiError(401, 'unauthenticated');
    return null;
  }
  const p = await authenticate(pool, token);
  if (!p) throw new ApiError(401, 'unauthenticated');
  return p;
}

export function readJson(file: string | boolean | undefined, flag = '--file'): { value: unknown; text: string } {
  if (typeof file !== 'string') throw new UsageError(`${flag} FILE is required (a JSON file; - for standard input)`);
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new UsageError(`${flag}: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch (e) {
    throw new UsageError(`${flag}: "${file}" is not JSON (${(e as Error).message})`);
  }
}

/** 2: bad usage or input (400, 401, 404, 413, 415); 3: refused (403, 409, 422: the law or the rules said no); 1: anything else. */
export function exitCodeOf(status: number): number {
  if ([400, 401, 404, 413, 415].includes(status)) return EXIT.usage;
  if ([403, 409, 422].includes(status)) return EXIT.refused;
  return EXIT.error;
}

/** Prints an error the API way (one line, or the typed body with --json) and returns the exit code. */
export function reportError(cmd: string, e: unknown, lang: Lang, json: boolean): number {
  if (e instanceof UsageError) {
    process.stderr.write(`tartip ${cmd}: ${e.message}\n`);
    return EXIT.usage;
  }
  let api: ApiError;
  try {
    api = e instanceof ApiError ? e : fromTemporal(e, { lang });
  } catch {
    process.stderr.write(`tartip ${cmd}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
  const body = api.body(lang);
  if (json) process.stdout.write(JSON.stringify({ error: body, status: api.status }) + '\n');
  else {
    process.stderr.write(`tartip ${cmd}: ${body.message}\n`);
    for (const i of body.issues ?? []) if (body.issues!.length > 1) process.stderr.write(`  - ${i.message}\n`);
    const tail = [body.rule && `rule: ${body.rule}`, body.date && `date: ${body.date}`, `code: ${body.code}`].filter(Boolean).join(', ');
    process.stderr.write(`  (${tail})\n`);
  }
  return exitCodeOf(api.status);
}

/** A mutating CLI command through the same idempotency table as the API (per token and key). */
export function onceLocal(local: Local, principal: Principal, key: string, path: string, body: unknown, lang: Lang, run: () => Promise<{ status: number; body: unknown }>) {
  return once(local.pool, principal.tokenId, key, requestHash('POST', path, body), run,
    (e) => {
      try {
        const a = fromTemporal(e, { lang });
        return { status: a.status, body: a.body(lang) };
      } catch {
        return null;
      }
    },
    (code) => {
      throw new ApiError(code === 'idempotency_mismatch' ? 422 : 409, code, { field: '--key', rule: 'api.idempotency_key' });
    });
}

/** A stored or fresh 4xx outcome, printed like reportError. */
export function reportOutcome(cmd: string, status: number, body: unknown, json: boolean): number {
  const b = body as { message: string; code: string; rule?: string; date?: string };
  if (json) process.stdout.write(JSON.stringify({ error: b, status }) + '\n');
  else process.stderr.write(`tartip ${cmd}: ${b.message}\n  (${[b.rule && `rule: ${b.rule}`, b.date && `date: ${b.date}`, `code: ${b.code}`].filter(Boolean).join(', ')})\n`);
  return exitCodeOf(status);
}
