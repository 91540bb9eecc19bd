// The API's operations in-process, for the CLI: the same Procedures (roles, bodies, typed errors)
// and the same idempotency table, over direct connections to Temporal and PostgreSQL.
import type pg from 'pg';
import { EXIT, exitForStatus } from '../command.js';
import { UsageError, oneLine } from '../cli-kit.js';
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

/** Prints an error the API way (one line, or the typed body with --json) and returns the exit code; `name`: `tartip start`. */
export function reportError(name: string, e: unknown, lang: Lang, json: boolean): number {
  if (e instanceof UsageError) {
    process.stderr.write(`${name}: ${oneLine(e.text[lang])}\n`);
    return EXIT.usage;
  }
  let api: ApiError;
  try {
    api = e instanceof ApiError ? e : fromTemporal(e, { lang });
  } catch {
    process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
  const body = api.body(lang);
  if (json) process.stdout.write(JSON.stringify({ error: body, status: api.status }) + '\n');
  else {
    process.stderr.write(`${name}: ${body.message}\n`);
    // each issue, unless the message already says it (a single invalid field)
    for (const i of body.issues ?? []) if (!body.message.includes(i.message)) process.stderr.write(`  - ${i.message}\n`);
    const tail = [body.rule && `rule: ${body.rule}`, body.date && `date: ${body.date}`, `code: ${body.code}`].filter(Boolean).join(', ');
    process.stderr.write(`  (${tail})\n`);
  }
  return exitForStatus(api.status, body.code);
}

/** A mutating CLI command through the same idempotency table as the API (per token and key). */
export function onceLocal(local: Pick<Local, 'pool'>, principal: Principal, key: string, path: string, body: unknown, lang: Lang, run: () => Promise<{ status: number; body: unknown }>) {
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
export function reportOutcome(name: string, status: number, body: unknown, json: boolean): number {
  const b = body as { message: string; code: string; rule?: string; date?: string };
  if (json) process.stdout.write(JSON.stringify({ error: b, status }) + '\n');
  else {
    process.stderr.write(`${name}: ${b.message}\n`);
    for (const i of (b as { issues?: { message: string }[] }).issues ?? []) if (!b.message.includes(i.message)) process.stderr.write(`  - ${i.message}\n`);
    process.stderr.write(`  (${[b.rule && `rule: ${b.rule}`, b.date && `date: ${b.date}`, `code: ${b.code}`].filter(Boolean).join(', ')})\n`);
  }
  return exitForStatus(status, b.code);
}
