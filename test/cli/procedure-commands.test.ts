// tartip start / act / show / list / token end to end: real processes against a real Temporal dev
// server, worker and PostgreSQL; exit codes tell success (0), error (1), bad usage or input (2) and
// refusal (3); human output in kk/ru/en, --json for scripts.
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, tartipOn, type Stack } from '../api/helpers.js';

let s: Stack;
let dir: string;
beforeAll(async () => {
  s = await startStack();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-cli-'));
}, 240_000);
afterAll(async () => {
  await s?.stop();
});

const tartip = (args: string[], env: Record<string, string> = {}) => tartipOn(s, args, env);

const file = (name: string, v: unknown) => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
  return f;
};

describe('tartip token', () => {
  it('creates a token printed once (stored hashed), lists and revokes it', async () => {
    const c = await tartip(['token', 'create', '--role', 'administrator', '--body', 'KZ-C', '--actor', 'cli-admin', '--name', 'Сәуле Омарова', '--json']);
    expect(c.code, c.err).toBe(0);
    const t = JSON.parse(c.out) as { token: string; tokenId: string };
    expect(t.token).toMatch(/^tt_/);
    const stored = await s.db.pool.query('SELECT count(*)::int AS n FROM api_tokens WHERE token_sha256 = $1 OR token_sha256 = $2', [t.token, 'x']);
    expect(stored.rows[0].n).toBe(0);
    const l = await tartip(['token', 'list']);
    expect(l.code).toBe(0);
    expect(l.out).toContain('cli-admin');
    expect((await tartip(['token', 'create', '--role', 'mayor', '--actor', 'x', '--name', 'X'])).code).toBe(2);
    expect((await tartip(['token', 'create', '--role', 'commission', '--actor', 'x', '--name', 'X'])).code).toBe(2); // no --body
    const r = await tartip(['token', 'revoke', t.tokenId]);
    expect(r.code).toBe(0);
    const after = await tartip(['start', 'statutory_wait', '--file', file('x.json', { unit: 'KZ-C', rule: 'art24.p8.repeat_vote', anchor: '2036-03-17' }), '--token', t.token]);
    expect(after.code).toBe(2);
    expect(after.err).toContain('credentials');
  });
});

describe('tartip start / act / show / list', () => {
  const input = { unit: 'KZ-A', rule: 'art24.p8.repeat_vote', anchor: '2036-07-01' };
  const id = 'statutory_wait:KZ-A:art24.p8.repeat_vote:2036-07-01';

  it('--help everywhere', async () => {
    for (const c of ['start', 'act', 'show', 'list', 'token']) {
      const r = await tartip([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.out).toMatch(/^Usage: tartip /);
    }
  });

  it('starts (exit 0), a re-run is a retry (same answer, one procedure), and a refusal by the law exits 3', async () => {
    const f = file('start.json', input);
    const a = await tartip(['start', 'statutory_wait', '--file', f, '--json'], { TARTIP_TOKEN: s.tokens.adminA });
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ id, stage: 'waiting', unit: 'KZ-A' });
    const b = await tartip(['start', 'statutory_wait', '--file', f, '--lang', 'ru'], { TARTIP_TOKEN: s.tokens.adminA });
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain('Процедура: Установленный законом срок ожидания');
    expect(b.out).toContain('допускается с 2037-01-02'); // six months after 01.07.2036, "по истечении"
    expect(b.out).toContain('уже выполнено');
    const runs = await s.db.pool.query('SELECT count(*)::int AS n FROM api_idempotency WHERE response->>\'id\' = $1', [id]);
    expect(runs.rows[0].n).toBe(1);
    const refused = await tartip(['start', 'statutory_wait', '--file', file('bad.json', { ...input, rule: 'art24.p4.signature_collection' }), '--lang', 'ru'], { TARTIP_TOKEN: s.tokens.adminA });
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('задаёт крайний срок, а не срок ожидания');
    // another body's unit: refused; bad input: 2; a missing file: 2; no token: 2
    expect((await tartip(['start', 'statutory_wait', '--file', f], { TARTIP_TOKEN: s.tokens.adminB })).code).toBe(3);
    const bad = await tartip(['start', 'statutory_wait', '--file', file('bad2.json', { ...input, anchor: 'soon' }), '--json'], { TARTIP_TOKEN: s.tokens.adminA });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ code: 'invalid_input', field: 'anchor' });
    expect((await tartip(['start', 'statutory_wait', '--file', path.join(dir, 'missing.json')], { TARTIP_TOKEN: s.tokens.adminA })).code).toBe(2);
    expect((await tartip(['start', 'statutory_wait', '--file', f])).code).toBe(2);
    expect((await tartip(['start', 'no_such_kind', '--file', f], { TARTIP_TOKEN: s.tokens.adminA })).code).toBe(2);
  });

  it('act: needs a token (2), an act of the procedure (2), an existing procedure (2), JSON (2); typed JSON errors', async () => {
    const f = file('act.json', { reason: 'x' });
    expect((await tartip(['act', id, 'withdraw', '--file', f])).code).toBe(2);
    const unknown = await tartip(['act', id, 'withdraw', '--file', f, '--json'], { TARTIP_TOKEN: s.tokens.adminA });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out).error).toMatchObject({ code: 'unknown_act', field: 'act' });
    const missing = await tartip(['act', 'statutory_wait:KZ-A:none', 'withdraw', '--file', f, '--lang', 'kk'], { TARTIP_TOKEN: s.tokens.adminA });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('рәсімі табылмады');
    expect((await tartip(['act', id, '--file', f], { TARTIP_TOKEN: s.tokens.adminA })).code).toBe(2);
    expect((await tartip(['act', id, 'withdraw', '--file', file('broken.json', '{')], { TARTIP_TOKEN: s.tokens.adminA })).code).toBe(2);
  });

  it('show and list, human and --json, in kk/ru/en; another body is refused (3)', async () => {
    const kk = await tartip(['show', id, '--lang', 'kk']);
    expect(kk.code, kk.err).toBe(0);
    expect(kk.out).toContain('Рәсім: Заңда белгіленген күту мерзімі');
    expect(kk.out).toContain('№ 148 Заңның 24-бабы, 8-тармағы');
    expect(kk.out).toContain('Әрекеттер тізілімі');
    const j = JSON.parse((await tartip(['show', id, '--json'])).out);
    expect(j.procedure).toMatchObject({ id, status: 'RUNNING' });
    expect(Array.isArray(j.record)).toBe(true);
    expect((await tartip(['show', id], { TARTIP_TOKEN: s.tokens.adminB })).code).toBe(3);
    expect((await tartip(['show', 'nope'])).code).toBe(2);
    const list = await tartip(['list', '--kind', 'statutory_wait', '--json']);
    expect(list.code, list.err).toBe(0);
    expect(JSON.parse(list.out).items.map((i: { id: string }) => i.id)).toContain(id);
    const ru = await tartip(['list', '--unit', 'KZ-A', '--lang', 'ru']);
    expect(ru.out).toMatch(/^процедур: \d+/);
    expect((await tartip(['list', '--unit', "x' OR 1=1"])).code).toBe(2);
    expect((await tartip(['list', '--unit', 'KZ-A'], { TARTIP_TOKEN: s.tokens.adminB })).code).toBe(3);
    expect((await tartip(['list', '--bogus'])).code).toBe(2);
  });
});
