// Notices that never vanish (issue 19), end to end on the real dev server: a worker with no SMTP
// keeps an Art. 23-1 procedure's statutory notice (outbox file, state queued; the procedure runs on,
// its acts go on); `tartip notices list`, the API and `tartip show` say so; a worker started with
// SMTP sends it once (same Message-ID, one delivery in the record); an address refused with 550
// ends the notice failed with the reason, recorded as notice_failed.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { devServerEnv } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { buildServer } from '../../client/http/server.js';
import { createToken } from '../../client/http/tokens.js';
import { NoticesResponseSchema } from '../../client/http/schemas.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import type { ProcedureState } from '../../workflows/procedure.js';

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let smtp: TestSmtpServer;
let dir: string;
let api: FastifyInstance;
let base: string;
const tokens: Record<string, string> = {};
const taskQueue = `outbox-${randomUUID()}`;

beforeAll(async () => {
  [env, db, smtp] = await Promise.all([devServerEnv(), freshDatabase(), startSmtpServer()]);
  dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-outbox-e2e-'));
  api = await buildServer({ temporalClient: env.client, pool: db.pool, taskQueue });
  await api.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  tokens.own = (await createToken(db.pool, { role: 'administrator', body: 'KZ-TEST', actorId: 'a-own', name: 'Айгүл Серікова' })).token;
  tokens.other = (await createToken(db.pool, { role: 'administrator', body: 'KZ-OTHER', actorId: 'a-other', name: 'Болат Нұрланов' })).token;
  tokens.auditor = (await createToken(db.pool, { role: 'auditor', actorId: 'aud', name: 'Ерлан Қасымов' })).token;
});
afterAll(async () => {
  await api?.close();
  await env?.teardown();
  await smtp?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const outbox = () => ({ dir: path.join(dir, 'outbox'), from: 'tartip@maslikhat.example.kz' });
const mailCfg = () => ({ host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true });

/** A worker on the shared task queue: `mail` or not, the same outbox folder (TARTIP_DATA_DIR). */
async function withWorker<T>(mail: boolean, fn: () => Promise<T>): Promise<T> {
  const activities = buildActivities(db.pool, { outbox: outbox(), ...(mail ? { mail: mailCfg() } : {}) });
  const worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle: { codePath: inject('workflowBundlePath') }, activities });
  try {
    return await worker.runUntil(fn);
  } finally {
    await closeBuiltActivities(activities);
  }
}

/** Polls until `ok` (no fixed sleeps): the value, or a failure naming what was last seen. */
async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 150_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await get();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`${what}: not reached in ${ms} ms; last: ${JSON.stringify(v).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 200));
    v = await get();
  }
  return v;
}

function tartip(args: string[], extra: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'client/cli.ts'), ...args], {
      env: { ...process.env, TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, TARTIP_TASK_QUEUE: taskQueue, TARTIP_LANG: '', TARTIP_TOKEN: '', ...extra },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

async function call(url: string, token?: string) {
  const r = await fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: r.status, body: (await r.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const email = (post: string) => (role: string) => ({ name: role, role, address: `${role}-${post}@example.kz`, channel: 'email' });
const candidate = (personId: string) => ({ personId, fullName: `Кандидат ${personId}`, birthDate: '1975-05-05', biography: 'б', workHistory: [{ from: '2000-01-01', position: 'p', organisation: 'o' }] });
const consentInput = (post: string) => ({
  editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, unit: 'KZ-TEST', startedBy: clerk,
  post: { id: post, title: 'аким', level: 'region' }, maslikhatId: 'M', maslikhatName: 'M',
  appointing: email(post)('appointing'), superior: email(post)('superior'), president: email(post)('president'),
  submission: { at: at('2025-03-03'), candidate: candidate('C1') },
  roster: { seats: 30, deputies: Array.from({ length: 30 }, (_, i) => ({ id: `D${i + 1}` })) },
  simulation: { legalStart: at('2025-03-06', '12:00') },
});
const refusal = { actor: clerk, at: at('2025-03-06', '11:00'), session: { number: 'S', kind: 'regular' }, candidatePresent: true, present: 25, votesFor: 15 };
const noticesOf = async (id: string) => (await db.pool.query<{ key: string; status: string; outbox_file: string | null }>(`SELECT key, status, outbox_file FROM notices WHERE procedure_id = $1`, [id])).rows;
const actTypes = async (id: string) => (await db.pool.query<{ act_type: string; payload: { noticeKey?: string; reason?: string } }>(`SELECT act_type, payload FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [id])).rows;
const stateOf = (id: string) => env.client.workflow.getHandle(id).query<ProcedureState>('state');
const noticeStates = (s: ProcedureState) => (s.notices as { status: string; reason?: string }[]);

describe('with no SMTP configured, a statutory notice is kept; a worker with SMTP sends it once', () => {
  const id = `akim_consent:outbox-${Date.now()}`;
  let key = '';
  let file = '';

  it('no SMTP: the notice is queued in the outbox (an .eml), the procedure runs on and its next act goes through', async () => {
    await withWorker(false, async () => {
      const h = await env.client.workflow.start('akimConsent', { workflowId: id, taskQueue, args: [consentInput('POST-OUTBOX')] });
      const s1 = await h.executeUpdate<ProcedureState, [unknown]>('recordSessionDecision', { args: [refusal] });
      expect(s1.stage).toBe('awaiting_resubmission');
      // the answer comes once the decision and the notice it owes are committed together (one
      // transaction): both are there at once, before any delivery attempt
      expect((await actTypes(id)).map((a) => a.act_type)).toContain('session_decision');
      expect((await noticesOf(id)).map((n) => n.key)).toEqual([expect.stringContaining('/notice/')]);
      const [row] = await until('the notice kept', () => noticesOf(id), (r) => r.length === 1 && r[0]!.status === 'queued' && r[0]!.outbox_file !== null);
      key = row!.key;
      file = row!.outbox_file!;
      expect(path.dirname(file)).toBe(outbox().dir);
      const eml = readFileSync(file, 'utf8');
      expect(eml).toMatch(/^Message-ID: <[0-9a-f]{40}@maslikhat\.example\.kz>$/m);
      expect(eml).toContain('appointing-POST-OUTBOX@example.kz');
      // the decision is in the record, nothing failed; the next act is not held up
      const s2 = await h.executeUpdate<ProcedureState, [unknown]>('submitCandidate', { args: [{ actor: clerk, candidate: candidate('C2'), at: at('2025-03-06', '11:30') }] });
      expect(s2.stage).toBe('awaiting_session');
      expect(noticeStates(s2).map((n) => n.status)).toEqual(['queued']);
      expect((await h.describe()).status.name).toBe('RUNNING');
      const acts = (await actTypes(id)).map((a) => a.act_type);
      expect(acts).toContain('session_decision');
      expect(acts.filter((a) => a === 'consent_request')).toHaveLength(2);
      expect(acts).not.toContain('notice_failed');
      expect(acts).not.toContain('notice_delivered');
      // tartip show: the notice with its state and why
      const show = await tartip(['show', id, '--json']);
      expect(show.code, show.err).toBe(0);
      expect(JSON.parse(show.out).notices).toMatchObject([{ key, state: 'queued', reason: { code: 'channel_not_configured' }, outboxFile: file }]);
      const text = await tartip(['show', id, '--lang', 'ru']);
      expect(text.code, text.err).toBe(0);
      expect(text.out).toContain('Уведомления:');
      expect(text.out).toContain('[в очереди · queued] akim_consent_session_decision');
      expect(text.out).toContain('канал email не настроен (TARTIP_SMTP_HOST)');
    });
  }, 240_000);

  it('tartip notices list and the API show it queued, with the read checks of a procedure', async () => {
    const l = await tartip(['notices', 'list', '--procedure', id, '--json']);
    expect(l.code, l.err).toBe(0);
    const page = NoticesResponseSchema.parse(JSON.parse(l.out));
    expect(page).toMatchObject({ items: [{ key, state: 'queued', attempts: 0, sentAt: null, outboxFile: file }], next: null });
    const kk = await tartip(['notices', 'list', '--state', 'queued', '--lang', 'kk'], { TARTIP_TOKEN: tokens.own! });
    expect(kk.code, kk.err).toBe(0);
    expect(kk.out).toContain('хабарламалар саны: 1');
    expect(kk.out).toContain(`файл: ${file}`);
    expect((await tartip(['notices', 'list', '--state', 'lost'])).code).toBe(2);
    const bad = await tartip(['notices', 'list', '--after', 'not-a-cursor', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ code: 'invalid_input', field: 'after' });
    expect((await tartip(['notices', 'list', '--procedure', id], { TARTIP_TOKEN: tokens.other! })).code).toBe(3);
    expect((await tartip(['notices', 'list', '--procedure', 'akim_consent:no-such'])).code).toBe(2);

    for (const t of [tokens.own, tokens.auditor]) {
      const r = await call(`/v1/procedures/${encodeURIComponent(id)}/notices?lang=ru`, t);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(NoticesResponseSchema.parse(r.body).items).toMatchObject([{ key, state: 'queued', reason: { code: 'channel_not_configured', message: expect.stringContaining('TARTIP_SMTP_HOST') } }]);
    }
    expect((await call(`/v1/procedures/${encodeURIComponent(id)}/notices`, tokens.other)).body).toMatchObject({ code: 'forbidden_body' });
    expect((await call(`/v1/procedures/${encodeURIComponent(id)}/notices`)).status).toBe(401);
    // another body's token lists its own notices: none of these
    expect((await call('/v1/notices', tokens.other)).body).toMatchObject({ items: [], next: null });
    expect((await call('/v1/notices?state=queued', tokens.auditor)).body.items.map((n: { key: string }) => n.key)).toEqual([key]);
    const wrong = await call('/v1/notices?state=lost&lang=kk', tokens.auditor);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'invalid_input', field: 'state', lang: 'kk' });
    expect((await call('/v1/notices?colour=red', tokens.auditor)).body).toMatchObject({ code: 'invalid_input', issues: [{ rule: 'unrecognized_keys' }] });
    // a NUL never reaches PostgreSQL: 400 naming the field, in a query and inside a cursor
    expect((await call('/v1/notices?procedure=a%00b', tokens.auditor)).body).toMatchObject({ code: 'invalid_input', issues: [{ field: 'procedure', rule: 'control_character' }] });
    const nulCursor = Buffer.from('1.\u0000', 'utf8').toString('base64url');
    expect((await call(`/v1/notices?after=${nulCursor}`, tokens.auditor)).body).toMatchObject({ code: 'invalid_input', field: 'after' });
    expect((await call(`/v1/procedures/${encodeURIComponent('x\u0000')}/notices`, tokens.auditor)).status).toBe(400);
    const doc = await call('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/notices', '/v1/procedures/{id}/notices']));
  }, 120_000);

  it('a worker with SMTP configured sends it exactly once, with the kept Message-ID; sent in the record, the state and the list', async () => {
    const kept = /^Message-ID: (.+)$/m.exec(readFileSync(file, 'utf8'))![1]!.trim();
    await withWorker(true, async () => {
      const s = await until('the notice sent in the procedure', () => stateOf(id), (x) => noticeStates(x)[0]?.status === 'sent');
      expect(noticeStates(s).map((n) => n.status)).toEqual(['sent']);
      const mine = smtp.messages.filter((m) => m.header('x-tartip-notice-key') === key);
      expect(mine.map((m) => m.messageId)).toEqual([kept]);
      expect(mine[0]!.to).toEqual(['appointing-POST-OUTBOX@example.kz']);
      const delivered = (await actTypes(id)).filter((a) => a.act_type === 'notice_delivered');
      expect(delivered.map((a) => a.payload.noticeKey)).toEqual([key]);
      expect((await noticesOf(id))[0]!.status).toBe('delivered');
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(path.join(outbox().dir, 'sent'))).toContain(path.basename(file));
      const l = await tartip(['notices', 'list', '--procedure', id, '--json']);
      expect(JSON.parse(l.out).items).toMatchObject([{ key, state: 'sent', reason: null, attempts: 1 }]);
    });
    expect(smtp.messages.filter((m) => m.header('x-tartip-notice-key') === key)).toHaveLength(1);
  }, 240_000);
});

describe('an address refused for good (SMTP 550)', () => {
  it('ends the notice failed with the reason: notice_failed in the record, failed in the state and the list; the procedure runs on', async () => {
    const id = `akim_consent:refused-${Date.now()}`;
    smtp.refuseRecipient('appointing-POST-550@example.kz');
    await withWorker(true, async () => {
      const h = await env.client.workflow.start('akimConsent', { workflowId: id, taskQueue, args: [consentInput('POST-550')] });
      await h.executeUpdate('recordSessionDecision', { args: [refusal] });
      const s = await until('the notice failed in the procedure', () => stateOf(id), (x) => noticeStates(x)[0]?.status === 'failed');
      expect(noticeStates(s)[0]!.reason).toMatch(/NoticeRefused: .*550/);
      const failed = (await actTypes(id)).filter((a) => a.act_type === 'notice_failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.payload.reason).toMatch(/550/);
      expect((await h.describe()).status.name).toBe('RUNNING');
      const l = await tartip(['notices', 'list', '--procedure', id, '--state', 'failed', '--json']);
      expect(l.code, l.err).toBe(0);
      const [n] = JSON.parse(l.out).items;
      expect(n).toMatchObject({ state: 'failed', reason: { code: 'refused' }, attempts: 1 });
      expect(n.reason.detail).toMatch(/550/);
      expect(smtp.messages.filter((m) => m.to.includes('appointing-POST-550@example.kz'))).toHaveLength(0);
      await h.terminate('test done');
    });
  }, 240_000);
});
