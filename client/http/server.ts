// The HTTP API (issue 8): Fastify over the Temporal client and PostgreSQL. docs/api.md describes
// endpoints, roles, errors and idempotency; GET /openapi.json is the contract.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Client } from '@temporalio/client';
import type { Lang } from '../../statute/errors.js';
import type { ProcedureDefinition } from '../../workflows/procedure.js';
import { ApiError, BODY_LIMIT, LANGS, RETRY_AFTER_S, fromTemporal, hygiene, invalidInput, payloadTooLarge, zodIssues } from './errors.js';
import { checkHealth, healthResponse } from './health.js';
import { once, requestHash } from './idempotency.js';
import { Procedures } from './procedures.js';
import { importSignatures, signaturePaths } from './signatures.js';
import { exportRegister, importRegister, listRegisters, registerOf, registerPaths, showEntry } from './registers.js';
import { noticeRoutes } from './notices.js';
import { IdempotencyKey, openApiDocument } from './schemas.js';
import { authenticate, type Principal } from './tokens.js';

export interface ServerOptions {
  temporalClient: Client;
  pool: pg.Pool;
  /** the task queue the worker runs procedures on */
  taskQueue: string;
  definitions?: readonly ProcedureDefinition[];
  /** Fastify logger (default off) */
  logger?: boolean;
  stateTimeoutMs?: number;
  /** the state of the worker in this process, for /health (else it asks for pollers of the task queue) */
  workerState?: () => string;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    principal: Principal | null;
  }
}

/** The routes below, for 405 Method Not Allowed with an Allow header. */
const ROUTES: [RegExp, string][] = [
  [/^\/openapi\.json$/, 'GET'],
  [/^\/health$/, 'GET'],
  [/^\/v1\/kinds$/, 'GET'],
  [/^\/v1\/kinds\/[^/]+\/procedures$/, 'POST'],
  [/^\/v1\/procedures$/, 'GET'],
  [/^\/v1\/procedures\/[^/]+$/, 'GET'],
  [/^\/v1\/procedures\/[^/]+\/record$/, 'GET'],
  [/^\/v1\/procedures\/[^/]+\/acts\/[^/]+$/, 'POST'],
  [/^\/v1\/procedures\/[^/]+\/signatures$/, 'POST'],
  [/^\/v1\/registers$/, 'GET'],
  [/^\/v1\/registers\/[^/]+$/, 'GET'],
  [/^\/v1\/registers\/[^/]+$/, 'POST'],
  [/^\/v1\/registers\/[^/]+\/[^/]+$/, 'GET'],
  [/^\/v1\/notices$/, 'GET'],
  [/^\/v1\/procedures\/[^/]+\/notices$/, 'GET'],
];

function methodNotAllowed(method: string, url: string): { allow: string; error: ApiError } | null {
  const path = url.split('?')[0]!;
  const allowed = ROUTES.filter(([re]) => re.test(path)).map(([, m]) => m);
  if (!allowed.length || allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'))) return null;
  const allow = [...new Set(allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
  return { allow, error: new ApiError(405, 'method_not_allowed', { params: { method: method.slice(0, 20), allowed: allow } }) };
}

/** Query parameters are closed: an unknown one is a 400 naming it. */
function checkQuery(query: unknown, allowed: readonly string[], lang: Lang): void {
  const keys = Object.keys((query ?? {}) as object).filter((k) => !allowed.includes(k));
  if (keys.length) throw invalidInput(zodIssues([{ code: 'unrecognized_keys', keys, path: [], message: '', input: query } as never], lang).map((i) => ({ ...i, field: 'query' })));
}

/** A procedure id in the path: 1–400 characters. */
function checkId(id: string, lang: Lang): void {
  if (id.length < 1 || id.length > 400) throw invalidInput(zodIssues([{ code: 'too_big', maximum: 400, origin: 'string', path: ['id'], message: '', input: id } as never], lang));
}

/** The path as the CLI names it too (`:` not `%3A`), so that both hash one request alike. */
function decodedPath(url: string): string {
  const p = url.split('?')[0]!;
  try {
    return p.split('/').map(decodeURIComponent).join('/');
  } catch {
    return p;
  }
}

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** ?lang= wins; else the first of kk/ru/en in Accept-Language by q; else en. */
export function requestLang(query: unknown, acceptLanguage: string | undefined): Lang | { invalid: string } {
  const q = (query as Record<string, unknown> | null)?.lang;
  if (q !== undefined) return isLang(q) ? q : { invalid: String(q) };
  if (acceptLanguage) {
    const tags = acceptLanguage.split(',').map((t, i) => {
      const [tag = '', ...ps] = t.trim().split(';');
      const qp = ps.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const w = qp ? Number(qp.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0], w: Number.isFinite(w) ? w : 0, i };
    });
    tags.sort((a, b) => b.w - a.w || a.i - b.i);
    for (const t of tags) if (t.w > 0 && isLang(t.lang)) return t.lang;
  }
  return 'en';
}

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: BODY_LIMIT.bytes, routerOptions: { maxParamLength: 4096 }, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' });
  const procedures = new Procedures({ client: o.temporalClient, pool: o.pool, taskQueue: o.taskQueue, definitions: o.definitions, stateTimeoutMs: o.stateTimeoutMs });
  const doc = openApiDocument(procedures.defs);
  Object.assign(doc.paths as object, registerPaths(), signaturePaths());

  // JSON only: a text/plain body is 415, not a string for the schemas to puzzle over
  app.removeContentTypeParser('text/plain');
  // a register file as it is (POST /v1/registers/:register), up to 32 MiB
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 32 << 20 }, (_req, body, done) => done(null, body));
  app.decorateRequest('lang', 'en');
  app.decorateRequest('principal', null);

  const send = (reply: FastifyReply, e: ApiError, lang: Lang) => {
    // 503: what to do is to retry, and when (RFC 9110 Retry-After, seconds)
    if (e.status === 503) reply.header('retry-after', String(RETRY_AFTER_S));
    if (e.code === 'idempotency_in_flight') reply.header('retry-after', String(e.extra.params?.retryAfter ?? RETRY_AFTER_S));
    return reply.code(e.status).type('application/json').send(e.body(lang));
  };

  app.addHook('onRequest', async (req, reply) => {
    const l = requestLang(req.query, req.headers['accept-language']);
    if (typeof l === 'string') req.lang = l;
    else return send(reply, new ApiError(400, 'invalid_input', { field: 'lang', rule: 'invalid_value', issues: [{ field: 'lang', rule: 'invalid_value', message: `lang: kk | ru | en` }] }), 'en');
    const notAllowed = methodNotAllowed(req.method, req.url);
    if (notAllowed) {
      reply.header('allow', notAllowed.allow);
      return send(reply, notAllowed.error, req.lang);
    }
    if (!req.url.startsWith('/v1/')) return;
    const h = req.headers.authorization;
    const m = typeof h === 'string' ? /^Bearer +(\S+)\s*$/i.exec(h) : null;
    const p = m ? await authenticate(o.pool, m[1]!) : null;
    if (!p) {
      reply.header('www-authenticate', 'Bearer');
      return send(reply, new ApiError(401, 'unauthenticated'), req.lang);
    }
    req.principal = p;
  });

  app.setErrorHandler((err, req, reply) => {
    const lang = req.lang ?? 'en';
    if (err instanceof ApiError) return send(reply, err, lang);
    const e = err as { code?: string; statusCode?: number; message?: string };
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, new ApiError(415, 'unsupported_media_type'), lang);
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, payloadTooLarge(), lang);
    if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      return send(reply, new ApiError(400, 'bad_json', { field: '(body)', rule: 'json' }), lang);
    }
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return send(reply, new ApiError(e.statusCode, 'invalid_input', { issues: [{ field: '(request)', rule: e.code ?? 'http', message: e.message ?? '' }] }), lang);
    }
    try {
      return send(reply, fromTemporal(err, { lang }), lang);
    } catch {
      const ref = randomUUID();
      req.log.error({ err, ref }, 'internal error');
      process.stderr.write(`tartip api: internal error ${ref}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      return send(reply, new ApiError(500, 'internal', { params: { ref } }), lang);
    }
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    return send(reply, new ApiError(404, 'not_found', { params: { method: req.method, url: path.slice(0, 200) } }), req.lang);
  });

  /** Runs a mutating handler once per Idempotency-Key; retries get the first response. */
  async function idempotent(req: FastifyRequest, reply: FastifyReply, run: () => Promise<{ status: number; body: unknown }>) {
    const principal = req.principal!;
    const raw = req.headers['idempotency-key'];
    const key = IdempotencyKey.safeParse(raw);
    if (!key.success) throw new ApiError(400, 'idempotency_key_required', { field: 'Idempotency-Key', rule: 'api.idempotency_key' });
    // before anything reads the body deeply (the request hash, the schemas)
    const bad = hygiene(req.body, req.lang);
    if (bad.length) throw invalidInput(bad);
    const hash = requestHash(req.method, decodedPath(req.url), req.body);
    const r = await once(o.pool, principal.tokenId, key.data, hash, run, (err) => {
      let mapped: ApiError | null;
      try {
        mapped = fromTemporal(err, { lang: req.lang });
      } catch {
        mapped = null;
      }
      return mapped && { status: mapped.status, body: mapped.body(req.lang) };
    }, (code, retryAfter) => {
      throw new ApiError(code === 'idempotency_mismatch' ? 422 : 409, code, { field: 'Idempotency-Key', rule: 'api.idempotency_key', params: retryAfter ? { retryAfter } : undefined });
    });
    if (r.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(r.status).type('application/json').send(r.body);
  }

  app.get('/openapi.json', async (req, reply) => {
    checkQuery(req.query, ['lang'], req.lang);
    return reply.type('application/json').send(doc);
  });
  app.get('/health', async (req, reply) => {
    checkQuery(req.query, ['lang'], req.lang);
    const h = healthResponse(await checkHealth({ client: o.temporalClient, pool: o.pool, taskQueue: o.taskQueue, workerState: o.workerState }), req.lang);
    if (h.status === 503) reply.header('retry-after', '2');
    return reply.code(h.status).type('application/json').send(h.body);
  });

  app.get('/v1/kinds', async (req) => {
    checkQuery(req.query, ['lang'], req.lang);
    return { kinds: procedures.kinds() };
  });

  app.post<{ Params: { kind: string } }>('/v1/kinds/:kind/procedures', async (req, reply) => {
    checkQuery(req.query, ['lang'], req.lang);
    procedures.definition(req.params.kind); // 404 before the key is spent
    return idempotent(req, reply, async () => {
      const r = await procedures.start(req.principal!, req.params.kind, req.body, req.lang, String(req.headers['idempotency-key']));
      return { status: r.status, body: r.view };
    });
  });

  app.post<{ Params: { id: string; act: string } }>('/v1/procedures/:id/acts/:act', async (req, reply) => {
    checkQuery(req.query, ['lang'], req.lang);
    checkId(req.params.id, req.lang);
    return idempotent(req, reply, async () => ({
      status: 200,
      body: await procedures.act(req.principal!, req.params.id, req.params.act, req.body, String(req.headers['idempotency-key']), req.lang),
    }));
  });

  app.get('/v1/procedures', async (req) => procedures.list(req.principal, req.query, req.lang));
  app.get<{ Params: { id: string } }>('/v1/procedures/:id', async (req) => {
    checkQuery(req.query, ['lang'], req.lang);
    checkId(req.params.id, req.lang);
    return procedures.read(req.principal, req.params.id, req.lang);
  });
  app.get<{ Params: { id: string } }>('/v1/procedures/:id/record', async (req) => {
    checkQuery(req.query, ['lang'], req.lang);
    checkId(req.params.id, req.lang);
    return procedures.record(req.principal, req.params.id, req.lang);
  });
  noticeRoutes(app, o.pool); // client/http/notices.ts

  // a Senate recall's signature sheets (client/http/signatures.ts)
  app.post<{ Params: { id: string } }>('/v1/procedures/:id/signatures', async (req, reply) => {
    checkQuery(req.query, ['lang'], req.lang);
    checkId(req.params.id, req.lang);
    return idempotent(req, reply, async () => ({ status: 200, body: await importSignatures(procedures, o.pool, req.principal!, req.params.id, req.body, req.lang) }));
  });

  // ---- registers (client/http/registers.ts) ----
  app.get('/v1/registers', async (req) => {
    checkQuery(req.query, ['lang'], req.lang);
    return listRegisters(o.pool);
  });
  app.post<{ Params: { register: string } }>('/v1/registers/:register', async (req, reply) => {
    checkQuery(req.query, ['lang'], req.lang);
    registerOf(req.params.register); // 404 before the key is spent
    return idempotent(req, reply, async () => ({ status: 200, body: await importRegister(o.pool, req.principal!, req.params.register, req.body, req.lang) }));
  });
  app.get<{ Params: { register: string }; Querystring: { unit?: string; format?: string } }>('/v1/registers/:register', async (req, reply) => {
    checkQuery(req.query, ['lang', 'unit', 'format'], req.lang);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw invalidInput([{ field: 'format', rule: 'invalid_value', message: 'format: json | csv' }]);
    const r = await exportRegister(o.pool, req.params.register, req.query);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${r.register}.csv"`).send(r.csv);
    return { register: r.register, unit: r.unit, rows: r.rows };
  });
  app.get<{ Params: { register: string; id: string } }>('/v1/registers/:register/:id', async (req) => {
    checkQuery(req.query, ['lang'], req.lang);
    return showEntry(o.pool, req.params.register, req.params.id);
  });

  return app;
}
