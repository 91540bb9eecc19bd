// The HTTP API over real HTTP against a real worker, Temporal dev server and PostgreSQL:
// every endpoint, every role, idempotent retries, typed errors in kk/ru/en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { call, startStack, type Stack } from './helpers.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { ErrorSchema, ProcedureViewSchema, ListResponseSchema, RecordResponseSchema, ActResponseSchema, KindsResponseSchema, HealthSchema } from '../../client/http/schemas.js';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
}, 240_000);
afterAll(async () => {
  await s?.stop();
});

let n = 0;
const key = () => `k-${process.pid}-${++n}`;
const wait = (unit: string, anchor = '2036-03-17') => ({ rule: 'art24.p8.repeat_vote', anchor, unit });
const enc = encodeURIComponent;

function expectError(r: { status: number; body: unknown }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const b = ErrorSchema.parse(r.body);
  expect(b.code).toBe(code);
  expect(b.message.length).toBeGreaterThan(0);
  return b;
}

async function eventually<T>(f: () => Promise<T>, ok: (t: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const t = await f();
    if (ok(t) || Date.now() > until) return t;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('OpenAPI document', () => {
  it('is served without a token at /openapi.json and validates as OpenAPI 3.1', async () => {
    const r = await call(s.base, 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const v = new Validator();
    const res = await v.validate(r.body);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    // one start path per procedure kind, one act path per act, with the shared schemas
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/v1/kinds/statutory_wait/procedures', '/v1/kinds/api_probe/procedures', '/v1/procedures/{id}/acts/initiate', '/v1/procedures/{id}/acts/close', '/v1/procedures', '/v1/procedures/{id}', '/v1/procedures/{id}/record']));
    const startBody = r.body.paths['/v1/kinds/statutory_wait/procedures'].post.requestBody.content['application/json'].schema;
    expect(startBody.required).toEqual(expect.arrayContaining(['unit', 'rule', 'anchor']));
    expect(startBody.required).not.toContain('editionId');
    expect(Object.keys(startBody.properties)).not.toContain('startedBy');
    expect(Object.keys(startBody.properties)).not.toContain('simulation');
  });
});

describe('GET /health', () => {
  it('is 200 naming Temporal, PostgreSQL and the worker (here: pollers on the task queue), as the document says', async () => {
    const r = await eventually(() => call(s.base, 'GET', '/health'), (x) => x.status === 200);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const h = HealthSchema.parse(r.body);
    expect(h.checks.temporal.ok && h.checks.postgres.ok && h.checks.worker.ok).toBe(true);
    expect(h.checks.worker.pollers).toBeGreaterThan(0);
  });
});

describe('authentication', () => {
  const endpoints: [string, string][] = [
    ['GET', '/v1/kinds'],
    ['GET', '/v1/procedures'],
    ['GET', '/v1/procedures/x'],
    ['GET', '/v1/procedures/x/record'],
    ['POST', '/v1/kinds/statutory_wait/procedures'],
    ['POST', '/v1/procedures/x/acts/initiate'],
  ];
  it('refuses every /v1 endpoint without a token, with a revoked token and with an unknown one (401, typed)', async () => {
    for (const [m, u] of endpoints) {
      for (const token of [undefined, s.tokens.revoked, 'tt_nonsense', 'a b']) {
        const r = await call(s.base, m, u, { token, body: m === 'POST' ? {} : undefined, key: key() });
        expectError(r, 401, 'unauthenticated');
        expect(r.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
  });
  it('stores tokens hashed only', async () => {
    const rows = await s.db.pool.query('SELECT token_sha256 FROM api_tokens');
    for (const t of Object.values(s.tokens)) expect(rows.rows.map((r) => r.token_sha256)).not.toContain(t);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_sha256))).toBe(true);
  });
});

describe('start a procedure', () => {
  it('starts with the pins filled, the actor from the token, and answers with state, deadlines and citations', async () => {
    const r = await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: wait('KZ-A') });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const v = ProcedureViewSchema.parse(r.body);
    expect(v.id).toBe('statutory_wait:KZ-A:art24.p8.repeat_vote:2036-03-17');
    expect(v).toMatchObject({ kind: 'statutory_wait', procedure: 'P-17', status: 'RUNNING', unit: 'KZ-A', stage: 'waiting' });
    // every procedure's state has the same shape: the open deadline with its derivation
    const period = (v.state as unknown as { deadlines: { period: { date: string; citations: { article: string; paragraph: string }[] } }[] }).deadlines[0]!.period;
    // Art. 24(8) "по истечении шести месяцев": allowed from 18.09.2036
    expect(period.date).toBe('2036-09-18');
    expect(period.citations[0]).toMatchObject({ article: '24', paragraph: '8' });
    const row = await eventually(() => s.db.pool.query('SELECT edition_id, calendar_id, started_by FROM procedures WHERE procedure_id = $1', [v.id]), (q) => q.rows.length === 1);
    expect(row.rows[0]).toEqual({ edition_id: DEFAULT_EDITION_ID, calendar_id: `kz-official@${LATEST_OFFICIAL_VERSION}`, started_by: 'admin-a' });
  });

  it('a retried request (same Idempotency-Key, same body) returns the first response and starts nothing new', async () => {
    const k = key();
    const body = wait('KZ-A', '2036-04-01');
    const a = await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: k, body });
    const b = await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: k, body });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const runs = await s.env.client.workflow.list({ query: `WorkflowId = '${a.body.id}'` });
    let count = 0;
    for await (const _ of runs) count++;
    expect(count).toBe(1);
    // the same key with another body is refused; a key is required
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: k, body: wait('KZ-A', '2036-04-02') }), 422, 'idempotency_mismatch');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, body }), 400, 'idempotency_key_required');
  });

  it('a second start of a running procedure is 409 naming the one-open-procedure rule', async () => {
    const body = wait('KZ-A', '2036-05-05');
    expect((await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body })).status).toBe(201);
    const e = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body }), 409, 'already_running');
    expect(e.rule).toBe('one_open_procedure');
    expect(e.message).toContain('statutory_wait:KZ-A:art24.p8.repeat_vote:2036-05-05');
  });

  it('refuses bad input naming the field and rule, in the requested language, and starts nothing', async () => {
    const bad = { ...wait('KZ-A'), anchor: '17.03.2036' };
    const msgs: Record<string, string> = {};
    for (const lang of ['kk', 'ru', 'en']) {
      const e = expectError(await call(s.base, 'POST', `/v1/kinds/statutory_wait/procedures?lang=${lang}`, { token: s.tokens.adminA, key: key(), body: bad }), 400, 'invalid_input');
      expect(e).toMatchObject({ field: 'anchor', rule: 'invalid_format', lang });
      msgs[lang] = e.message;
    }
    expect(new Set(Object.values(msgs)).size).toBe(3);
    expect(msgs.ru).toContain('неверный формат');
    expect(msgs.kk).toContain('пішімі дұрыс емес');
    // Accept-Language picks the language when ?lang is absent
    const al = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: bad, lang: 'de, ru;q=0.8, en;q=0.5' }), 400, 'invalid_input');
    expect(al.lang).toBe('ru');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { ...wait('KZ-A'), extra: 1 } }), 400, 'invalid_input');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: [1] }), 400, 'invalid_input');
    const sim = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { ...wait('KZ-A', '2030-01-01'), simulation: { legalStart: '2030-01-01T00:00:00Z' } } }), 422, 'simulation_refused');
    expect(sim.field).toBe('simulation');
    const imp = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { ...wait('KZ-A', '2030-01-02'), startedBy: { kind: 'person', id: 'someone-else' } } }), 400, 'actor_from_token');
    expect(imp.field).toBe('startedBy');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { ...wait('KZ-A', '2030-01-03'), editionId: 'kz-148@1990-01-01' } }), 422, 'unknown_edition');
    const none = await s.db.pool.query(`SELECT count(*)::int AS n FROM procedures WHERE procedure_id LIKE '%2030-01-0%'`);
    expect(none.rows[0].n).toBe(0);
  });

  it('a legal refusal by the workflow at start is a 4xx with the rule (not a started procedure)', async () => {
    const e = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures?lang=ru', { token: s.tokens.adminA, key: key(), body: { ...wait('KZ-A'), rule: 'art24.p4.signature_collection' } }), 422, 'not_a_waiting_period');
    expect(e).toMatchObject({ rule: 'art24.p4.signature_collection', field: 'rule', lang: 'ru' });
    expect(e.message).toBe('Правило art24.p4.signature_collection задаёт крайний срок, а не срок ожидания.');
    const u = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { ...wait('KZ-A'), rule: 'art99.nothing' } }), 422, 'unknown_rule');
    expect(u.rule).toBe('art99.nothing');
  });

  it('bad HTTP is 4xx, never 5xx: unknown kind, broken JSON, wrong media type, huge body, unknown lang, unknown path', async () => {
    expectError(await call(s.base, 'POST', '/v1/kinds/nope/procedures', { token: s.tokens.adminA, key: key(), body: {} }), 404, 'unknown_kind');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), raw: '{"unit": ' }), 400, 'bad_json');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), raw: 'unit=KZ-A', contentType: 'text/plain' }), 415, 'unsupported_media_type');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), raw: JSON.stringify({ unit: 'x'.repeat(2 << 20) }) }), 413, 'payload_too_large');
    expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), raw: '{"__proto__": {"x": 1}}' }), 400, 'bad_json');
    expectError(await call(s.base, 'GET', '/v1/kinds?lang=fr', { token: s.tokens.adminA }), 400, 'invalid_input');
    expectError(await call(s.base, 'GET', '/nowhere', {}), 404, 'not_found');
    const m = expectError(await call(s.base, 'DELETE', '/v1/procedures/x', { token: s.tokens.auditor }), 405, 'method_not_allowed');
    expect(m.message).toContain('GET');
    expectError(await call(s.base, 'GET', '/v1/kinds?debug=1', { token: s.tokens.auditor }), 400, 'invalid_input');
    expectError(await call(s.base, 'GET', `/v1/procedures/${'x'.repeat(401)}`, { token: s.tokens.auditor }), 400, 'invalid_input');
    expectError(await call(s.base, 'GET', `/v1/procedures/${enc('no such id')}`, { token: s.tokens.auditor }), 404, 'procedure_not_found');
    expectError(await call(s.base, 'GET', `/v1/procedures/${enc('no such id')}/record`, { token: s.tokens.auditor }), 404, 'procedure_not_found');
  });
});

describe('acts', () => {
  let id: string;
  beforeAll(async () => {
    const r = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: { unit: 'KZ-A', totalDeputies: 20 } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
  });

  it('a legal refusal says which rule, with its citation, in the requested language, and records nothing', async () => {
    // Art. 24(1): "не менее одной пятой от общего числа депутатов" — 1/5 of 20 is 4
    const e = expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate?lang=ru`, { token: s.tokens.adminA, key: key(), body: { initiators: 3, at: '2026-05-04T10:00:00+05:00' } }), 422, 'below_threshold');
    expect(e).toMatchObject({ rule: 'art24.p1.initiators_one_fifth', field: 'actual', params: { required: 4, actual: 3, base: 20 } });
    expect(e.citation).toMatchObject({ article: '24', paragraph: '1' });
    expect(e.message).toBe('Требуется не менее 4, фактически 3 (база: 20). (ст. 24 п. 1 Закона № 148-II)'.replace('148-II', e.citation!.law));
    const rec = await call(s.base, 'GET', `/v1/procedures/${enc(id)}/record`, { token: s.tokens.adminA });
    expect(rec.body.acts).toEqual([]);
  });

  it('refuses an actor in the body (the actor is the token holder) and bad act input, naming the field', async () => {
    const imp = expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: key(), body: { initiators: 4, actor: { kind: 'person', id: 'impostor' } } }), 400, 'actor_from_token');
    expect(imp.field).toBe('actor');
    const bad = expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate?lang=kk`, { token: s.tokens.adminA, key: key(), body: { initiators: 'four' } }), 400, 'invalid_input');
    expect(bad).toMatchObject({ field: 'initiators', rule: 'invalid_type', lang: 'kk' });
    expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/vote`, { token: s.tokens.adminA, key: key(), body: {} }), 404, 'unknown_act');
    expectError(await call(s.base, 'POST', `/v1/procedures/${enc('no-such')}/acts/initiate`, { token: s.tokens.adminA, key: key(), body: { initiators: 4 } }), 404, 'procedure_not_found');
  });

  it('performs an act once per Idempotency-Key, attributed to the authenticated actor in the record', async () => {
    const k = key();
    const body = { initiators: 4, at: '2026-05-04T10:00:00+05:00' };
    const a = await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: k, body });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const r = ActResponseSchema.parse(a.body);
    expect(r.actor).toEqual({ kind: 'person', id: 'admin-a', name: 'Айгүл Серікова', role: 'administrator' });
    expect(r.procedure.stage).toBe('initiated');
    expect((r.procedure.state as { thresholds: { rule: string; met: boolean }[] }).thresholds[0]).toMatchObject({ rule: 'art24.p1.initiators_one_fifth', met: true });
    const b = await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: k, body });
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    // even if the stored response were lost, Temporal dedups the Update by the key-derived update id
    await s.db.pool.query(`DELETE FROM api_idempotency WHERE idem_key = $1`, [k]);
    const c = await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: k, body });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.result).toEqual(a.body.result);
    const rec = await call(s.base, 'GET', `/v1/procedures/${enc(id)}/record`, { token: s.tokens.auditor });
    const acts = RecordResponseSchema.parse(rec.body).acts;
    expect(acts.map((x) => x.actType)).toEqual(['appeal']);
    expect(acts[0]!.actor).toEqual({ kind: 'person', id: 'admin-a', name: 'Айгүл Серікова', role: 'administrator' });
    // a second initiative is refused by the workflow's validator: wrong stage
    expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: key(), body }), 422, 'wrong_stage');
  });

  it('closes (commission act); an ended procedure takes no more acts (409) but stays readable', async () => {
    const r = await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/close`, { token: s.tokens.commissionA, key: key(), body: { note: 'done' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const v = await eventually(() => call(s.base, 'GET', `/v1/procedures/${enc(id)}`, { token: s.tokens.auditor }), (x) => x.body.status === 'COMPLETED');
    expect(v.body).toMatchObject({ status: 'COMPLETED', stage: 'closed' });
    expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/close`, { token: s.tokens.commissionA, key: key(), body: {} }), 409, 'procedure_closed');
    const rec = await call(s.base, 'GET', `/v1/procedures/${enc(id)}/record`, { token: s.tokens.commissionA });
    expect(rec.body.acts.map((x: { actType: string; actor: { id: string } }) => [x.actType, x.actor.id])).toEqual([['appeal', 'admin-a'], ['procedure_closed', 'comm-a']]);
  });
});

describe('listing', () => {
  it('lists by kind, unit, stage and next deadline; non-auditors see their own body; values cannot inject', async () => {
    await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminB, key: key(), body: wait('KZ-B', '2036-06-01') });
    const all = await eventually(() => call(s.base, 'GET', '/v1/procedures?kind=statutory_wait', { token: s.tokens.auditor }), (r) => r.body.items?.some((i: { unit: string }) => i.unit === 'KZ-B') && r.body.items.length >= 4);
    const list = ListResponseSchema.parse(all.body);
    expect(new Set(list.items.map((i) => i.unit))).toEqual(new Set(['KZ-A', 'KZ-B']));
    const dl = list.items.map((i) => i.nextDeadline);
    expect(dl).toEqual([...dl].sort());
    const b = await call(s.base, 'GET', '/v1/procedures', { token: s.tokens.adminB });
    expect(b.body.items.length).toBeGreaterThan(0);
    expect(b.body.items.every((i: { unit: string }) => i.unit === 'KZ-B')).toBe(true);
    expectError(await call(s.base, 'GET', '/v1/procedures?unit=KZ-A', { token: s.tokens.adminB }), 403, 'forbidden_body');
    const before = await call(s.base, 'GET', `/v1/procedures?kind=statutory_wait&deadlineBefore=${enc('2036-10-15T00:00:00Z')}&stage=waiting`, { token: s.tokens.auditor });
    expect(before.body.items.map((i: { id: string }) => i.id).sort()).toEqual(['statutory_wait:KZ-A:art24.p8.repeat_vote:2036-03-17', 'statutory_wait:KZ-A:art24.p8.repeat_vote:2036-04-01']);
    expectError(await call(s.base, 'GET', `/v1/procedures?unit=${enc("x' OR TartipUnit != '")}`, { token: s.tokens.auditor }), 400, 'invalid_input');
    expectError(await call(s.base, 'GET', '/v1/procedures?limit=0', { token: s.tokens.auditor }), 400, 'invalid_input');
    expectError(await call(s.base, 'GET', '/v1/procedures?kind=nope', { token: s.tokens.auditor }), 404, 'unknown_kind');
  });
});

describe('roles × endpoints', () => {
  it('allows and refuses exactly as the matrix says (docs/api.md)', async () => {
    const started = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: { unit: 'KZ-M', totalDeputies: 10 } });
    expect(started.status).toBe(403); // adminA is not of KZ-M
    // a procedure of KZ-A for the matrix
    const p = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: { unit: 'KZ-A', totalDeputies: 10 } });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const id = enc(p.body.id);
    type Role = 'administrator (own body)' | 'administrator (other body)' | 'commission (own body)' | 'auditor' | 'none';
    const tokenOf: Record<Role, string | undefined> = {
      'administrator (own body)': s.tokens.adminA,
      'administrator (other body)': s.tokens.adminB,
      'commission (own body)': s.tokens.commissionA,
      auditor: s.tokens.auditor,
      none: undefined,
    };
    // each row runs on a fresh procedure state where it matters: acts are checked for refusal only (initiators 1 < 2 → 422 when allowed)
    const endpoints: [string, string, string, unknown][] = [
      ['GET /v1/kinds', 'GET', '/v1/kinds', undefined],
      ['POST start (unit KZ-A)', 'POST', '/v1/kinds/statutory_wait/procedures', null],
      ['GET /v1/procedures', 'GET', '/v1/procedures', undefined],
      ['GET procedure', 'GET', `/v1/procedures/${id}`, undefined],
      ['GET record', 'GET', `/v1/procedures/${id}/record`, undefined],
      ['POST act initiate [administrator]', 'POST', `/v1/procedures/${id}/acts/initiate`, { initiators: 1 }],
      ['POST act close [commission]', 'POST', `/v1/procedures/${id}/acts/close`, { note: 'matrix', at: '2026-05-05T10:00:00+05:00' }],
    ];
    const expected: Record<Role, number[]> = {
      'administrator (own body)': [200, 201, 200, 200, 200, 422, 403],
      'administrator (other body)': [200, 403, 200, 403, 403, 403, 403],
      'commission (own body)': [200, 403, 200, 200, 200, 403, 200],
      auditor: [200, 403, 200, 200, 200, 403, 403],
      none: [401, 401, 401, 401, 401, 401, 401],
    };
    const matrix: Record<string, Record<string, number>> = {};
    let i = 0;
    for (const role of Object.keys(tokenOf) as Role[]) {
      matrix[role] = {};
      for (const [name, m, url, body] of endpoints) {
        const b = body === null ? wait('KZ-A', `2037-01-${String(++i).padStart(2, '0')}`) : body;
        const r = await call(s.base, m, url, { token: tokenOf[role], key: key(), body: m === 'POST' ? b : undefined });
        if (r.status >= 400) ErrorSchema.parse(r.body);
        matrix[role]![name] = r.status;
      }
    }
    console.table(matrix);
    for (const role of Object.keys(expected) as Role[]) expect(Object.values(matrix[role]!), role).toEqual(expected[role]);
    // KindsResponse and refusal codes: forbidden_role vs forbidden_body
    KindsResponseSchema.parse((await call(s.base, 'GET', '/v1/kinds', { token: s.tokens.auditor })).body);
    expectError(await call(s.base, 'POST', `/v1/procedures/${id}/acts/initiate`, { token: s.tokens.auditor, key: key(), body: { initiators: 5 } }), 403, 'forbidden_role');
    expectError(await call(s.base, 'POST', `/v1/procedures/${id}/acts/initiate`, { token: s.tokens.adminB, key: key(), body: { initiators: 5 } }), 403, 'forbidden_body');
  });
});

describe('hostile input (issue 13): a clear 4xx naming the field, nothing started, never a 5xx', () => {
  it('a NUL in a start body: 400 invalid_input naming the field, in the language asked; no workflow', async () => {
    const body = { ...wait('KZ-A', '2036-07-07'), unit: 'KZ-A\u0000' };
    const e = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures?lang=ru', { token: s.tokens.adminA, key: key(), body }), 400, 'invalid_input');
    expect(e).toMatchObject({ field: 'unit', rule: 'control_character', lang: 'ru' });
    expect(e.message).toMatch(/управляющий символ/);
    // the same body, clean, starts: nothing of the refused one stands in its way
    expect((await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { ...body, unit: 'KZ-A' } })).status).toBe(201);
  });

  it('JSON nested 3,000 deep (6 KB): 400 too_deep, not a stack overflow', async () => {
    const raw = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const e = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), raw }), 400, 'invalid_input');
    expect(e.rule).toBe('too_deep');
  });

  it('a NUL in an act: 400 naming the field, the procedure as it was', async () => {
    const started = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: { unit: 'KZ-A', totalDeputies: 30 } });
    if (started.status !== 201) return expect.fail(`probe start: ${JSON.stringify(started.body)}`);
    const id = (started.body as { id: string }).id;
    const before = await call(s.base, 'GET', `/v1/procedures/${enc(id)}`, { token: s.tokens.adminA });
    const e = expectError(await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/close`, { token: s.tokens.adminA, key: key(), body: { note: 'x\u0000' } }), 400, 'invalid_input');
    expect(e.field).toBe('note');
    const after = await call(s.base, 'GET', `/v1/procedures/${enc(id)}`, { token: s.tokens.adminA });
    expect(after.status).toBe(200);
    expect((after.body as { stage: string }).stage).toBe((before.body as { stage: string }).stage);
  });
});
