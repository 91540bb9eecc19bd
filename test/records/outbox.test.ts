// Notices that never vanish (issue 19), at the activity: with no channel a notice is kept (state
// queued, its message in the outbox folder, no attempt counted); a worker with SMTP sends it once
// with the same Message-ID; a 5xx for the address ends it failed with the reason.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { closeActivities, createActivities, type SendNoticeInput } from '../../activities/index.js';
import { NoticeQueuedError, NoticeRefusedError } from '../../activities/errors.js';
import { listNotices } from '../../activities/notifications.js';
import { CITE, registerProcedure } from './helpers.js';

let db: FreshDatabase;
let smtp: TestSmtpServer;
let dir: string;
let none: ReturnType<typeof createActivities>;
let mail: ReturnType<typeof createActivities>;

beforeAll(async () => {
  [db, smtp] = await Promise.all([freshDatabase(), startSmtpServer()]);
  dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-outbox-'));
  const outbox = { dir: path.join(dir, 'outbox'), from: 'tartip@maslikhat.example.kz' };
  // the same worker before and after TARTIP_SMTP_HOST is set
  none = createActivities({ pool: db.pool, role: 'tartip_worker', outbox });
  mail = createActivities({ pool: db.pool, role: 'tartip_worker', outbox, mail: { host: smtp.host, port: smtp.port, from: outbox.from, ignoreTLS: true } });
  await registerProcedure(db.pool, 'proc-o');
});
afterAll(async () => {
  await Promise.all([none && closeActivities(none), mail && closeActivities(mail)]);
  await smtp?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const notice = (key: string, address = 'tik@election.example.kz', extra: Partial<SendNoticeInput> = {}): SendNoticeInput => ({
  key,
  procedureId: 'proc-o',
  addressee: { name: 'Алматы облыстық сайлау комиссиясы', role: 'election_commission', address },
  channel: 'email',
  languages: ['kk', 'ru'],
  basis: CITE,
  deadline: '2026-03-05T19:00:00Z',
  templateId: 'deputy_mandate_terminated',
  params: {
    maslikhat: { kk: 'Алматы облыстық мәслихаты', ru: 'Алматинского областного маслихата', en: 'the Almaty regional maslikhat' },
    deputy: 'Иванова Анна',
    decisionDate: '2026-03-02',
    decisionNumber: '12-45',
    reason: { kk: 'өз еркімен отставкаға кетуі', ru: 'сложение полномочий по собственному желанию', en: 'resignation' },
  },
  ...extra,
});
const outboxFiles = () => readdirSync(path.join(dir, 'outbox')).filter((f) => !f.startsWith('.') && f !== 'sent');
const mailsWithKey = (key: string) => smtp.messages.filter((m) => m.header('x-tartip-notice-key') === key);

describe('a notice whose channel is not configured', () => {
  const key = 'proc-o/run-1/notice/session_decision/1';

  it('is kept: a retryable NoticeQueued, state queued with the reason, its message as an .eml, no attempt counted', async () => {
    const err = await none.sendNotice(notice(key)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoticeQueuedError);
    expect((err as NoticeQueuedError).nonRetryable).toBe(false);
    expect((err as Error).message).toMatch(/channel email not configured/);
    const rec = await none.getNotice({ key });
    expect(rec).toMatchObject({ status: 'queued', lastError: 'channel email not configured', attempts: [] });
    const files = outboxFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^proc-o_run-1_notice_session_decision_1-[0-9a-f]{12}\.eml$/);
    const eml = readFileSync(path.join(dir, 'outbox', files[0]!), 'utf8');
    expect(eml).toContain(`Message-ID: ${rec!.deliveryId}`);
    expect(eml).toContain('To: =?UTF-8?');
    expect(eml).toContain(`X-Tartip-Notice-Key: ${key}`);
    const listed = await listNotices({ pool: db.pool }, { procedureId: 'proc-o', limit: 10 });
    expect(listed.items).toMatchObject([{ key, state: 'queued', reason: { code: 'channel_not_configured', detail: 'email' }, attempts: 0, sentAt: null, outboxFile: path.join(dir, 'outbox', files[0]!) }]);
  });

  it('tried again while the channel is still missing: the same one file, nothing written twice', async () => {
    const file = path.join(dir, 'outbox', outboxFiles()[0]!);
    const before = readFileSync(file, 'utf8');
    await Promise.all([1, 2, 3].map(() => none.sendNotice(notice(key)).catch((e: unknown) => e)));
    expect(outboxFiles()).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await none.getNotice({ key }))?.attempts).toEqual([]);
  });

  it('goes out once SMTP is configured: one mail with the kept Message-ID, one act in the record, the file moved to sent/', async () => {
    const file = path.join(dir, 'outbox', outboxFiles()[0]!);
    const kept = /^Message-ID: (.+)$/m.exec(readFileSync(file, 'utf8'))![1]!.trim();
    const r = await mail.sendNotice(notice(key));
    expect(r).toMatchObject({ status: 'delivered', attempts: 1, replayed: false, deliveryId: kept });
    expect(mailsWithKey(key).map((m) => m.messageId)).toEqual([kept]);
    const again = await mail.sendNotice(notice(key));
    expect(again.replayed).toBe(true);
    expect(mailsWithKey(key)).toHaveLength(1);
    const acts = (await mail.readLedger({ procedureId: 'proc-o' })).filter((a) => a.key === `notice/${key}`);
    expect(acts.map((a) => a.actType)).toEqual(['notice_delivered']);
    expect(existsSync(file)).toBe(false);
    const sent = path.join(dir, 'outbox', 'sent', path.basename(file));
    expect(existsSync(sent)).toBe(true);
    const listed = await listNotices({ pool: db.pool }, { procedureId: 'proc-o', states: ['sent'], limit: 10 });
    expect(listed.items).toMatchObject([{ key, state: 'sent', reason: null, attempts: 1, outboxFile: sent }]);
  });

  it('a webhook notice with no secret configured is kept as its JSON body', async () => {
    const w = 'proc-o/run-1/notice/webhook/1';
    const err = await none.sendNotice(notice(w, 'https://receiver.example.kz/hook', { channel: 'webhook' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoticeQueuedError);
    const f = outboxFiles().find((x) => x.endsWith('.json'))!;
    expect(JSON.parse(readFileSync(path.join(dir, 'outbox', f), 'utf8'))).toMatchObject({ type: 'tartip.notice', key: w });
  });
});

describe('an outbox folder that cannot be written', () => {
  it('the notice is kept all the same (queued, the reason says why there is no file)', async () => {
    const { writeFileSync } = await import('node:fs');
    const notDir = path.join(dir, 'a-file');
    writeFileSync(notDir, 'x');
    const broken = createActivities({ pool: db.pool, role: 'tartip_worker', outbox: { dir: notDir, from: 'tartip@maslikhat.example.kz' } });
    try {
      const key = 'proc-o/run-1/notice/no-folder/1';
      expect(await broken.sendNotice(notice(key)).catch((e: unknown) => e)).toBeInstanceOf(NoticeQueuedError);
      const rec = await broken.getNotice({ key });
      expect(rec?.status).toBe('queued');
      expect(rec?.lastError).toMatch(/^channel email not configured; the outbox file could not be written: .*(ENOTDIR|EEXIST)/);
    } finally {
      await closeActivities(broken);
    }
  });
});

describe('a notice refused for good', () => {
  it('SMTP 550 for the address: NoticeRefused (not retried), state failed with the reason, no mail', async () => {
    smtp.refuseRecipient('gone@election.example.kz');
    const key = 'proc-o/run-1/notice/refused/1';
    const err = await mail.sendNotice(notice(key, 'gone@election.example.kz')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoticeRefusedError);
    expect((err as NoticeRefusedError).nonRetryable).toBe(true);
    expect((err as Error).message).toMatch(/550/);
    expect(await mail.getNotice({ key })).toMatchObject({ status: 'failed', attempts: [{ outcome: 'failed' }] });
    const listed = await listNotices({ pool: db.pool }, { states: ['failed'], limit: 10 });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ key, state: 'failed', reason: { code: 'refused' } });
    expect(listed.items[0]!.reason!.detail).toMatch(/550/);
    expect(mailsWithKey(key)).toHaveLength(0);
  });

  it('a 451 is not final: state retrying with the reason', async () => {
    smtp.failNext(1);
    const key = 'proc-o/run-1/notice/later/1';
    await mail.sendNotice(notice(key)).catch(() => undefined);
    const listed = await listNotices({ pool: db.pool }, { states: ['retrying'], limit: 10 });
    expect(listed.items.map((n) => [n.key, n.reason?.code])).toEqual([[key, 'delivery_failed']]);
    expect(listed.items[0]!.reason!.detail).toMatch(/451/);
  });
});

describe('the list of notices', () => {
  it('pages oldest first: every notice once over the pages, then next null', async () => {
    for (let i = 0; i < 5; i++) await none.sendNotice(notice(`proc-o/run-2/notice/page/${i}`)).catch(() => undefined);
    const all = (await listNotices({ pool: db.pool }, { limit: 500 })).items.map((n) => n.key);
    const seen: string[] = [];
    let after: Awaited<ReturnType<typeof listNotices>>['next'] | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await listNotices({ pool: db.pool }, { limit: 2, ...(after ? { after } : {}) });
      seen.push(...r.items.map((n) => n.key));
      if (!r.next) break;
      after = r.next;
    }
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(9);
  });

  it('by unit: only the notices of that unit\'s procedures', async () => {
    await db.pool.query(`INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ('proc-u', 'test', 'e', 'c', 't', '{"unit":"KZ-U"}')`);
    await none.sendNotice(notice('proc-u/run/notice/x', undefined, { procedureId: 'proc-u' })).catch(() => undefined);
    expect((await listNotices({ pool: db.pool }, { unit: 'KZ-U', limit: 100 })).items.map((n) => n.key)).toEqual(['proc-u/run/notice/x']);
    expect((await listNotices({ pool: db.pool }, { unit: 'KZ-OTHER', limit: 100 })).items).toEqual([]);
  });
});

describe('npm start says where notices are kept when e-mail is not configured', () => {
  it('one line, in TARTIP_LANG, naming the folder and TARTIP_SMTP_HOST; none once SMTP is set', async () => {
    const { channelLines, loadConfig } = await import('../../worker/config.js');
    const cfg = loadConfig({ TARTIP_DATA_DIR: '/srv/tartip' });
    expect(channelLines(cfg, {})).toEqual(['tartip: e-mail is not configured: notices are kept in /srv/tartip/outbox (state queued: tartip notices list) and go out when TARTIP_SMTP_HOST is set.']);
    expect(channelLines(cfg, { TARTIP_LANG: 'ru' })[0]).toMatch(/^tartip: электронная почта не настроена: уведомления сохраняются в \/srv\/tartip\/outbox .*TARTIP_SMTP_HOST/);
    expect(channelLines(cfg, { TARTIP_LANG: 'kk' })[0]).toMatch(/^tartip: электрондық пошта бапталмаған: хабарламалар \/srv\/tartip\/outbox .*TARTIP_SMTP_HOST/);
    expect(channelLines(loadConfig({ TARTIP_DATA_DIR: '/srv/tartip', TARTIP_SMTP_HOST: 'mail.example.kz' }), {})).toEqual([]);
  });
});
