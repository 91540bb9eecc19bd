// Issue 19, over real HTTP against a real worker, Temporal dev server and PostgreSQL:
// - an Idempotency-Key whose request died (a `tartip` process killed -9 mid-act / mid-start) is
//   taken over by a retry within seconds, not minutes, and the act is done once; a live long
//   request keeps its key (its lease is renewed) and a retry is told how long to wait;
// - GET /v1/procedures pages with an opaque cursor: more procedures than `limit` are each listed
//   exactly once; a bad cursor is a 400 naming `cursor`; limits are named in errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, type Res, type Stack } from './helpers.js';
import { createToken } from '../../client/http/tokens.js';
import { ErrorSchema, ListResponseSchema, RecordResponseSchema } from '../../client/http/schemas.js';
import { LEASE_S } from '../../client/http/idempotency.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

let s: Stack;
let dir: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  s = await startStack();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-lease-'));
}, 240_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await s?.stop();
});

let n = 0;
const key = () => `lease-${process.pid}-${++n}`;
const enc = encodeURIComponent;

async function until<T>(what: string, f: () => Promise<T>, ok: (t: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const t = await f();
    if (ok(t)) return t;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function expectError(r: Res, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const b = ErrorSchema.parse(r.body);
  expect(b.code).toBe(code);
  return b;
}

/** `tartip …` as a child process on the stack's servers. */
function tartip(args: string[]): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'client/cli.ts'), ...args], {
    env: { ...process.env, TEMPORAL_ADDRESS: s.env.address, DATABASE_URL: s.db.url, TARTIP_TASK_QUEUE: s.taskQueue, TARTIP_LANG: '', TARTIP_TOKEN: s.tokens.adminA },
    stdio: 'ignore',
  });
  children.push(child);
  return { child, exited: new Promise((r) => child.on('exit', () => r())) };
}

const row = async (k: string) => (await s.db.pool.query<{ status: number | null; owner: string | null; held: boolean; past: boolean }>(
  `SELECT status, lease_owner::text AS owner, lease_until > now() AS held, now() > created_at + make_interval(secs => $2) AS past
     FROM api_idempotency WHERE idem_key = $1`, [k, LEASE_S + 1])).rows[0];

describe('idempotency keys of requests that died (issue 19)', () => {
  it('a dead request\'s key is taken over by a retry within seconds and the act is done once; a live request keeps its key', async () => {
    const started = async (kind: string, b: unknown) => {
      const r = await call(s.base, 'POST', `/v1/kinds/${kind}/procedures`, { token: s.tokens.adminA, key: key(), body: b });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    // the CLI knows the real procedures only: the dead command suspends the clock of a waiting period
    const dead = await started('statutory_wait', { rule: 'art24.p8.repeat_vote', anchor: '2036-08-01', unit: 'KZ-A' });
    const live = await started('api_probe', { unit: 'KZ-A', totalDeputies: 25 });
    const suspend = { reason: 'Суд приостановил течение срока', basis: 'определение суда', document: 'Определение № 2-77/2026' };
    const body = { initiators: 5, at: '2026-05-04T10:00:00+05:00' };
    const f = path.join(dir, 'suspend.json');
    writeFileSync(f, JSON.stringify(suspend));
    const startFile = path.join(dir, 'start.json');
    const startBody = { rule: 'art24.p8.repeat_vote', anchor: '2036-09-01', unit: 'KZ-A' };
    writeFileSync(startFile, JSON.stringify(startBody));
    const startId = 'statutory_wait:KZ-A:art24.p8.repeat_vote:2036-09-01';
    const kAct = key();
    const kStart = key();
    const kLive = key();

    /** retries until one is not told to wait; once it takes the key over, it waits for a worker */
    const retry = async (url: string, k: string, b: unknown) => {
      for (;;) {
        const r = await call(s.base, 'POST', url, { token: s.tokens.adminA, key: k, body: b });
        if (r.status !== 409 || r.body.code !== 'idempotency_in_flight') return r;
        await new Promise((res) => setTimeout(res, 250));
      }
    };

    // no worker: acts wait for one, starts wait for their first answer
    await s.stopWorker();
    let answers: Res[];
    try {
      const cliAct = tartip(['act', dead, 'suspendClock', '--file', f, '--key', kAct]);
      const cliStart = tartip(['start', 'statutory_wait', '--file', startFile, '--key', kStart]);
      const liveCall = call(s.base, 'POST', `/v1/procedures/${enc(live)}/acts/initiate`, { token: s.tokens.adminA, key: kLive, body });

      // both commands are in flight (the start has reached Temporal); then they die
      const actOwner = (await until('the act in flight', () => row(kAct), (r) => r?.status === null))!.owner;
      await until('the start in flight', async () => (await row(kStart)) !== undefined && (await s.env.client.workflow.getHandle(startId).describe().then(() => true, () => false)), Boolean);
      cliAct.child.kill('SIGKILL');
      cliStart.child.kill('SIGKILL');
      await Promise.all([cliAct.exited, cliStart.exited]);

      const actRetry = retry(`/v1/procedures/${enc(dead)}/acts/suspendClock`, kAct, suspend);
      const startRetry = retry('/v1/kinds/statutory_wait/procedures', kStart, startBody);
      // taken over: well before the two minutes an abandoned key used to be held
      await Promise.race([
        until('the act key taken over', () => row(kAct), (r) => r?.owner !== actOwner, 60_000),
        actRetry.then((x) => { throw new Error(`the retry was answered before it took the key over: ${x.status} ${JSON.stringify(x.body)}`); }),
      ]);

      // the live request has held its key past its first lease (renewed), and keeps it
      const held = await until('the live key past its first lease', () => row(kLive), (r) => r?.past === true);
      expect(held).toMatchObject({ status: null, held: true });
      // a retry meanwhile is told to wait, and for how long
      const r = await call(s.base, 'POST', `/v1/procedures/${enc(live)}/acts/initiate?lang=ru`, { token: s.tokens.adminA, key: kLive, body });
      const e = expectError(r, 409, 'idempotency_in_flight');
      const wait = Number(r.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(LEASE_S);
      expect(e.params?.retryAfter).toBe(wait);
      expect(e.message).toBe(`Запрос с этим ключом ещё выполняется; повторите через ${wait} с.`);

      await s.startWorker();
      answers = await Promise.all([actRetry, startRetry, liveCall]);
    } finally {
      await s.startWorker();
    }
    const [a, st, l] = answers as [Res, Res, Res];
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(l.status, JSON.stringify(l.body)).toBe(200);
    // the start found its own procedure (started by the dead command), not "already running"
    expect([201, 202], JSON.stringify(st.body)).toContain(st.status);
    expect(st.body.id).toBe(startId);

    // done once each, and the stored answers are replayed
    for (const [id, act, k, b, first, type] of [[dead, 'suspendClock', kAct, suspend, a, 'clock_suspended'], [live, 'initiate', kLive, body, l, 'appeal']] as const) {
      const rec = RecordResponseSchema.parse((await call(s.base, 'GET', `/v1/procedures/${enc(id)}/record`, { token: s.tokens.auditor })).body);
      expect(rec.acts.filter((x) => x.actType === type), id).toHaveLength(1);
      const again = await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/${act}`, { token: s.tokens.adminA, key: k, body: b });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    }
    let runs = 0;
    for await (const _ of s.env.client.workflow.list({ query: `WorkflowId = '${startId}'` })) runs++;
    expect(runs).toBe(1);
  }, 240_000);
});

describe('listing page by page (issue 19)', () => {
  let token: string;
  const ids: string[] = [];
  beforeAll(async () => {
    token = (await createToken(s.db.pool, { role: 'administrator', body: 'KZ-P', actorId: 'admin-p', name: 'Гүлнар Әлиева' })).token;
    for (let i = 1; i <= 7; i++) {
      const r = await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token, key: key(), body: { rule: 'art24.p8.repeat_vote', anchor: `2037-02-0${i}`, unit: 'KZ-P' } });
      expect([201, 202], JSON.stringify(r.body)).toContain(r.status);
      ids.push(r.body.id);
    }
    await until('all seven visible', () => call(s.base, 'GET', '/v1/procedures?limit=500', { token }), (r) => r.body.items?.length === 7);
  }, 120_000);

  it('more procedures than limit: each is listed exactly once over the pages, then nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await call(s.base, 'GET', `/v1/procedures?limit=3${cursor ? `&cursor=${enc(cursor)}` : ''}`, { token });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const page = ListResponseSchema.parse(r.body);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      expect(++pages).toBeLessThan(10);
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('a bad cursor is a 400 naming cursor: garbage, one of another query, characters outside its alphabet', async () => {
    const garbage = expectError(await call(s.base, 'GET', '/v1/procedures?limit=3&cursor=bm90LWEtY3Vyc29y', { token }), 400, 'invalid_input');
    expect(garbage).toMatchObject({ field: 'cursor', rule: 'invalid_cursor' });
    const first = await call(s.base, 'GET', '/v1/procedures?limit=3', { token });
    const other = expectError(await call(s.base, 'GET', `/v1/procedures?limit=3&stage=waiting&cursor=${enc(first.body.nextCursor)}`, { token, lang: 'ru' }), 400, 'invalid_input');
    expect(other).toMatchObject({ field: 'cursor', rule: 'invalid_cursor', lang: 'ru' });
    expect(other.message).toContain('nextCursor');
    expect(expectError(await call(s.base, 'GET', `/v1/procedures?cursor=${enc('a b')}`, { token }), 400, 'invalid_input').field).toBe('cursor');
    // cut short (a copy and paste), or its page token changed: still a 400, not a 500
    const cut = first.body.nextCursor.slice(0, -6);
    const mark = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...mark, t: Buffer.from('{"not":"a token"').toString('base64') })).toString('base64url');
    for (const c of [cut, forged]) expect(expectError(await call(s.base, 'GET', `/v1/procedures?limit=3&cursor=${c}`, { token }), 400, 'invalid_input')).toMatchObject({ field: 'cursor', rule: 'invalid_cursor' });
  });

  it('limits are named in errors, in kk/ru/en', async () => {
    const en = expectError(await call(s.base, 'GET', '/v1/procedures?limit=501', { token }), 400, 'invalid_input');
    expect(en.issues![0]).toMatchObject({ field: 'limit', rule: 'too_big', message: 'limit: at most 500' });
    const ru = expectError(await call(s.base, 'GET', '/v1/procedures?limit=0&lang=ru', { token }), 400, 'invalid_input');
    expect(ru.issues![0]!.message).toBe('limit: не менее 1');
    const kk = expectError(await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures?lang=kk', { token, key: key(), raw: JSON.stringify({ unit: 'x'.repeat(2 << 20) }) }), 413, 'payload_too_large');
    expect(kk.message).toContain('1 MiB');
  });
});

describe('acts and the run they reach (issues 13, 14)', () => {
  it('is answered 409 procedure_closed, not 404: the procedure exists, it has ended', async () => {
    const r0 = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: { unit: 'KZ-A', totalDeputies: 27 } });
    expect(r0.status, JSON.stringify(r0.body)).toBe(201);
    const id = r0.body.id as string;
    const k = key();
    // no worker: the API has described the procedure (running) and its Update waits
    await s.stopWorker();
    let answer: Promise<Res>;
    try {
      answer = call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: k, body: { initiators: 5, at: '2026-05-04T10:00:00+05:00' } });
      await until('the act in flight', () => row(k), (r) => r?.status === null);
      await new Promise((r) => setTimeout(r, 500)); // past the describe, into the Update
      // the run ends meanwhile (here by an operator; a last act or timer does the same)
      await s.env.client.workflow.getHandle(id).terminate('ended while an act was in flight');
    } finally {
      await s.startWorker();
    }
    const r = await answer;
    expectError(r, 409, 'procedure_closed');
    expect(r.body.params).toMatchObject({ id, status: 'TERMINATED' });
  }, 120_000);

  it('a remembered run that ended is closed (409); a new run under the same id takes the next act', async () => {
    const startBody = { unit: 'KZ-A', totalDeputies: 28 };
    const r0 = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: startBody });
    expect(r0.status, JSON.stringify(r0.body)).toBe(201);
    const id = r0.body.id as string;
    const act = () => call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/initiate`, { token: s.tokens.adminA, key: key(), body: { initiators: 6, at: '2026-05-04T10:00:00+05:00' } });
    const first = await act();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.procedure).toMatchObject({ status: 'RUNNING', stage: 'initiated', unit: 'KZ-A', closedAt: null });
    await s.env.client.workflow.getHandle(id).terminate('ended between two acts');
    expectError(await act(), 409, 'procedure_closed');
    const again = await call(s.base, 'POST', '/v1/kinds/api_probe/procedures', { token: s.tokens.adminA, key: key(), body: startBody });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const second = await act();
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.procedure).toMatchObject({ status: 'RUNNING', stage: 'initiated' });
    expect(second.body.procedure.startedAt).not.toBe(first.body.procedure.startedAt);
  }, 120_000);

  it('the view an act returns shows the stage and next deadline the workflow publishes (as a read of the procedure)', async () => {
    const r0 = await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token: s.tokens.adminA, key: key(), body: { rule: 'art24.p8.repeat_vote', anchor: '2026-03-02', unit: 'KZ-A' } });
    expect(r0.status, JSON.stringify(r0.body)).toBe(201);
    const id = r0.body.id as string;
    const read = async () => (await call(s.base, 'GET', `/v1/procedures/${enc(id)}`, { token: s.tokens.adminA })).body;
    const before = await read();
    expect(before.nextDeadline).not.toBeNull();
    const steps: [string, Record<string, unknown>][] = [
      ['suspendClock', { reason: 'Суд приостановил течение срока', basis: 'определение суда', document: 'Определение № 2-78/2026' }],
      ['resumeClock', { document: 'Определение № 2-79/2026' }],
    ];
    for (const [act, body] of steps) {
      const r = await call(s.base, 'POST', `/v1/procedures/${enc(id)}/acts/${act}`, { token: s.tokens.adminA, key: key(), body: { ...body, at: new Date().toISOString() } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const now = await read();
      expect(r.body.procedure.nextDeadline, act).toBe(now.nextDeadline);
      expect(r.body.procedure.stage, act).toBe(now.stage);
      expect(r.body.procedure.startedAt, act).toBe(now.startedAt);
      if (act === 'suspendClock') expect(now.nextDeadline).toBeNull();
    }
    expect((await read()).nextDeadline).not.toBeNull();
  }, 120_000);
});
