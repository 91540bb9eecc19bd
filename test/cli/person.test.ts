// A CLI that fits a person (issue 19), real `tartip` processes against a real Temporal dev
// server, worker and PostgreSQL: `show` of a failed or terminated procedure says so, when and
// why; "no worker running?" only when it runs and does not answer; messages in the CLI's words
// (--token, --key, --file, "try again in N s"), limits named; `list --cursor` pages; every
// enumeration option refused outside its values (exit 2, naming the option).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, tartipOn, type Stack } from '../api/helpers.js';
import { createToken } from '../../client/http/tokens.js';

let s: Stack;
let dir: string;
beforeAll(async () => {
  s = await startStack();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-person-'));
}, 240_000);
afterAll(async () => {
  await s?.stop();
});

const tartip = (args: string[], env: Record<string, string> = {}) => tartipOn(s, args, env);

let n = 0;
const file = (v: unknown) => {
  const f = path.join(dir, `f${++n}.json`);
  writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
  return f;
};
const key = () => `person-${process.pid}-${++n}`;
const admin = () => ({ TARTIP_TOKEN: s.tokens.adminA });
const wait = (anchor: string, rule = 'art24.p8.repeat_vote', unit = 'KZ-A') => ({ rule, anchor, unit });

async function until<T>(what: string, f: () => Promise<T>, ok: (t: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const t = await f();
    if (ok(t)) return t;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function started(body: unknown, token = s.tokens.adminA): Promise<string> {
  const r = await call(s.base, 'POST', '/v1/kinds/statutory_wait/procedures', { token, key: key(), body });
  expect([201, 202], JSON.stringify(r.body)).toContain(r.status);
  return r.body.id;
}

describe('show of a procedure that did not complete', () => {
  it('failed: says it failed, when, and the refusal in plain words (kk/ru/en); not "no worker running?"', async () => {
    const input = wait('2036-10-01', 'art24.p4.signature_collection');
    const refused = await tartip(['start', 'statutory_wait', '--file', file(input)], admin());
    expect(refused.code, refused.err).toBe(3);
    const id = 'statutory_wait:KZ-A:art24.p4.signature_collection:2036-10-01';
    const ru = await tartip(['show', id, '--lang', 'ru']);
    expect(ru.code, ru.err).toBe(0);
    expect(ru.out).toContain('Состояние: FAILED');
    expect(ru.out).toMatch(/! Завершилась сбоем \d{4}-\d\d-\d\dT[\d:.]+Z — причина: .*задаёт крайний срок, а не срок ожидания/);
    expect(ru.out).not.toContain('не запущен обработчик');
    const j = JSON.parse((await tartip(['show', id, '--json'])).out);
    expect(j.procedure).toMatchObject({ status: 'FAILED', failure: { status: 'FAILED', code: 'Refused:not_a_waiting_period', at: j.procedure.closedAt } });
    expect(j.procedure.failure.reason).toContain('is a deadline, not a waiting period');
    const kk = await tartip(['show', id, '--lang', 'kk']);
    expect(kk.out).toContain('! Сәтсіз аяқталды');
  });

  it('terminated: says it was stopped, when, and the operator\'s reason', async () => {
    const id = await started(wait('2036-10-02'));
    const reason = 'Решение суда № 2-77/2026 отменило первое голосование';
    await s.env.client.workflow.getHandle(id).terminate(reason);
    const en = await tartip(['show', id]);
    expect(en.code, en.err).toBe(0);
    expect(en.out).toContain('Status: TERMINATED');
    expect(en.out).toMatch(new RegExp(`! Stopped \\(terminated\\) on \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z — reason: ${reason}`));
    expect(en.out).not.toContain('no worker running?');
    const kk = await tartip(['show', id, '--lang', 'kk', '--json']);
    expect(JSON.parse(kk.out).procedure.failure).toMatchObject({ status: 'TERMINATED', reason, code: 'terminated' });
  });

  it('running with no worker to answer: then, and only then, "no worker running?"', async () => {
    const id = await started(wait('2036-10-03'));
    const ok = await tartip(['show', id]);
    expect(ok.out).not.toContain('no worker running?');
    await s.stopWorker();
    try {
      const r = await tartip(['show', id]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Status: RUNNING');
      expect(r.out).toContain('(the procedure did not answer: no worker running?)');
      expect(r.out).not.toContain('! ');
    } finally {
      await s.startWorker();
    }
  }, 120_000);
});

describe('tartip list --cursor', () => {
  let token: string;
  const ids: string[] = [];
  beforeAll(async () => {
    token = (await createToken(s.db.pool, { role: 'administrator', body: 'KZ-Q', actorId: 'admin-q', name: 'Мұрат Жақсыбеков' })).token;
    for (let i = 1; i <= 5; i++) ids.push(await started(wait(`2037-03-0${i}`, 'art24.p8.repeat_vote', 'KZ-Q'), token));
    await until('all five visible', () => call(s.base, 'GET', '/v1/procedures?limit=500', { token }), (r) => r.body.items?.length === 5);
  }, 120_000);

  it('pages of --limit 2: each procedure exactly once, the next page named as an option', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await tartip(['list', '--limit', '2', '--json', ...(cursor ? ['--cursor', cursor] : [])], { TARTIP_TOKEN: token });
      expect(r.code, r.err).toBe(0);
      const page = JSON.parse(r.out) as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      expect(++pages).toBeLessThan(8);
    } while (cursor);
    expect([...seen].sort()).toEqual([...ids].sort());
    const human = await tartip(['list', '--limit', '2', '--lang', 'ru'], { TARTIP_TOKEN: token });
    expect(human.out).toMatch(/^процедур: 2\n/);
    expect(human.out).toMatch(/\nследующая страница: --cursor [A-Za-z0-9_-]+\n$/);
  });

  it('a bad --cursor, --limit and --deadline-before are refused naming the option and the limit (exit 2)', async () => {
    const bad = await tartip(['list', '--cursor', 'bm90LWEtY3Vyc29y', '--json'], { TARTIP_TOKEN: token });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ code: 'invalid_input', field: '--cursor', rule: 'invalid_cursor' });
    const [limit, kk, before] = await Promise.all([
      tartip(['list', '--limit', '501']),
      tartip(['list', '--limit', '0', '--lang', 'kk']),
      tartip(['list', '--deadline-before', 'tomorrow']),
    ]);
    expect(limit.code).toBe(2);
    expect(limit.err).toContain('--limit: at most 500');
    expect(kk.err).toContain('--limit: кемінде 1');
    expect(before.code).toBe(2);
    expect(before.err).toMatch(/--deadline-before: invalid format/);
  });
});

describe('messages in the CLI\'s words', () => {
  const clock = { reason: 'Суд приостановил течение срока', basis: 'определение суда', document: 'Определение № 2-80/2026' };

  it('no token: --token or TARTIP_TOKEN, not an HTTP header', async () => {
    const id = await started(wait('2036-10-04'));
    const [en, ru] = await Promise.all([
      tartip(['act', id, 'suspendClock', '--file', file(clock)]),
      tartip(['act', id, 'suspendClock', '--file', file(clock), '--lang', 'ru']),
    ]);
    expect(en.code).toBe(2);
    expect(en.err).toContain('give --token TOKEN or set TARTIP_TOKEN');
    expect(en.err).not.toContain('Authorization');
    expect(ru.err).toContain('укажите --token ТОКЕН или задайте TARTIP_TOKEN');
  });

  it('--key: its alphabet, a key used for another input, a key still running (try again in N s)', async () => {
    const id = await started(wait('2036-10-05'));
    const k = key();
    const badKey = await tartip(['act', id, 'suspendClock', '--file', file(clock), '--key', 'a b'], admin());
    expect(badKey.code).toBe(2);
    expect(badKey.err).toContain('--key: 1–200 visible ASCII characters');
    const first = await tartip(['act', id, 'suspendClock', '--file', file(clock), '--key', k], admin());
    expect(first.code, first.err).toBe(0);
    const other = await tartip(['act', id, 'suspendClock', '--file', file({ ...clock, document: 'другое' }), '--key', k, '--json'], admin());
    expect(other.code).toBe(3);
    const e = JSON.parse(other.out).error;
    expect(e).toMatchObject({ code: 'idempotency_mismatch', field: '--key' });
    expect(e.message).toBe(`--key ${k} was used for another command or input; give another --key (or none: it is then derived from the command and the file).`);
    expect(other.out).not.toContain('Idempotency-Key');

    // the same act through the API, in flight (no worker), then the same command: told to wait
    const id2 = await started(wait('2036-10-06'));
    const k2 = key();
    await s.stopWorker();
    try {
      const pending = call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id2)}/acts/resumeClock`, { token: s.tokens.adminA, key: k2, body: { document: 'Определение № 2-81/2026' } });
      await until('the request in flight', async () => (await s.db.pool.query('SELECT 1 FROM api_idempotency WHERE idem_key = $1', [k2])).rowCount, (c) => c === 1);
      const busy = await tartip(['act', id2, 'resumeClock', '--file', file({ document: 'Определение № 2-81/2026' }), '--key', k2, '--lang', 'ru'], admin());
      expect(busy.code, busy.err).toBe(3);
      expect(busy.err).toMatch(new RegExp(`Та же команда \\(--key ${k2}\\) ещё выполняется; повторите через [1-6] с\\.`));
      await s.startWorker();
      const done = await pending;
      expect(done.status, JSON.stringify(done.body)).toBe(422); // the clock was not suspended: the law's refusal, stored
      expect(done.body.code).toBe('clock_not_suspended');
    } finally {
      await s.startWorker();
    }
  }, 120_000);

  it('--file: the actor is the token\'s, and the size limit is named', async () => {
    const id = await started(wait('2036-10-07'));
    const [actor, big] = await Promise.all([
      tartip(['act', id, 'suspendClock', '--file', file({ ...clock, actor: { kind: 'person', id: 'someone' } })], admin()),
      tartip(['act', id, 'suspendClock', '--file', file({ ...clock, reason: 'x'.repeat(1_100_000) })], admin()),
    ]);
    expect(actor.code).toBe(2);
    expect(actor.err).toContain('Do not put "actor" in --file: it is the holder of the token (--token or TARTIP_TOKEN).');
    expect(big.code).toBe(2);
    expect(big.err).toContain('--file: the input is larger than the limit of 1 MiB.');
  });
});

describe('every enumeration option of the CLI is checked', () => {
  it.each([
    [['list', '--kind', 'bogus'], '--kind'],
    [['list', '--status', 'running'], '--status'],
    [['list', '--stage', 'nowhere'], '--stage'],
    [['list', '--kind', 'statutory_wait', '--stage', 'collecting'], '--stage (statutory_wait)'],
    [['show', 'x', '--lang', 'fr'], '--lang'],
    [['start', 'bogus', '--file', 'x.json'], 'procedure: "bogus" is not one of statutory_wait,'],
    [['act', 'x', 'bogus', '--file', 'x.json'], 'act: "bogus" is not one of '],
    [['token', 'create', '--role', 'mayor', '--actor', 'a', '--name', 'n'], '--role'],
    [['deadline', '--from', '2025-01-01', '--days', '3', '--region', 'mars'], '--region'],
    [['rules', '--procedure', 'bogus'], '--procedure: Unknown procedure: bogus'],
  ])('%j: exit 2 naming %s', async (args, named) => {
    const r = await tartip(args as string[]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(named);
  });
});
