import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { startHttpReceiver, type TestHttpReceiver } from '../harness/http-receiver.js';
import { closeActivities, createActivities, type SendNoticeInput } from '../../activities/index.js';
import { IdempotencyConflictError, NoticeDeliveryError, RecordsInputError } from '../../activities/errors.js';
import { TEMPLATE_IDS, TEMPLATES, renderNotice, type NoticeLang } from '../../activities/templates/index.js';
import { CITE, registerProcedure } from './helpers.js';

const SECRET = 'test-shared-secret-Ω';
let db: FreshDatabase;
let smtp: TestSmtpServer;
let hooks: TestHttpReceiver;
let acts: ReturnType<typeof createActivities>;
const crash = { afterSend: new Set<string>(), beforeReturn: new Set<string>() };

beforeAll(async () => {
  [db, smtp] = await Promise.all([freshDatabase(), startSmtpServer()]);
  hooks = await startHttpReceiver(SECRET);
  acts = createActivities({
    pool: db.pool,
    role: 'tartip_worker',
    mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true },
    webhook: { secret: SECRET },
    faults: {
      afterSend: (key) => {
        if (crash.afterSend.delete(key)) throw new Error('simulated crash after send');
      },
      beforeReturn: (key) => {
        if (crash.beforeReturn.delete(key)) throw new Error('simulated crash before return');
      },
    },
  });
  await registerProcedure(db.pool, 'proc-n');
});
afterAll(async () => {
  await closeActivities(acts);
  await Promise.all([smtp?.close(), hooks?.close()]);
  await db?.close();
});

const notice = (key: string, extra: Partial<SendNoticeInput> = {}): SendNoticeInput => ({
  key,
  procedureId: 'proc-n',
  addressee: { name: 'Алматы облыстық сайлау комиссиясы', role: 'election_commission', address: 'tik@election.example.kz' },
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

const mailsWithKey = (key: string) => smtp.messages.filter((m) => m.header('x-tartip-notice-key') === key);

describe('notices', () => {
  it('sends an e-mail in Kazakh and Russian, records it and writes the act', async () => {
    const r = await acts.sendNotice(notice('n-1'));
    expect(r).toMatchObject({ status: 'delivered', replayed: false, attempts: 1, resentAfterUnknownOutcome: false });
    const mails = mailsWithKey('n-1');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toBe(r.deliveryId);
    expect(mails[0]!.to).toEqual(['tik@election.example.kz']);
    const raw = mails[0]!.raw;
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8');
    const rec = await acts.getNotice({ key: 'n-1' });
    expect(rec).toMatchObject({ status: 'delivered', channel: 'email', attempts: [{ attemptNo: 1, outcome: 'delivered' }] });
    const ledger = await acts.readLedger({ procedureId: 'proc-n' });
    const a = ledger.find((x) => x.key === 'notice/n-1')!;
    expect(a).toMatchObject({ actType: 'notice_delivered', seq: r.act!.seq, hash: r.act!.hash, citation: CITE });
    expect((await acts.verifyLedger({ procedureId: 'proc-n' })).ok).toBe(true);
  });

  it('a retry after delivery sends nothing', async () => {
    const r = await acts.sendNotice(notice('n-1'));
    expect(r).toMatchObject({ replayed: true, attempts: 1 });
    expect(mailsWithKey('n-1')).toHaveLength(1);
  });

  it('delivered, then crashed before returning: the retry does not send a second mail', async () => {
    crash.beforeReturn.add('n-crash');
    await expect(acts.sendNotice(notice('n-crash'))).rejects.toThrow(/simulated crash before return/);
    expect(mailsWithKey('n-crash')).toHaveLength(1);
    const r = await acts.sendNotice(notice('n-crash'));
    expect(r.replayed).toBe(true);
    expect(mailsWithKey('n-crash')).toHaveLength(1);
  });

  it('crash between the SMTP 250 and the mark (the at-least-once edge): resent with the same Message-ID', async () => {
    crash.afterSend.add('n-window');
    await expect(acts.sendNotice(notice('n-window'))).rejects.toThrow(/simulated crash after send/);
    expect((await acts.getNotice({ key: 'n-window' }))?.status).toBe('in_flight');
    const r = await acts.sendNotice(notice('n-window'));
    expect(r).toMatchObject({ resentAfterUnknownOutcome: true, attempts: 2, replayed: false });
    const mails = mailsWithKey('n-window');
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set([r.deliveryId]));
    // the record says so: the addressee may have it twice
    const act = await db.pool.query(`SELECT payload FROM ledger WHERE procedure_id = 'proc-n' AND idem_key = 'notice/n-window'`);
    expect(act.rows[0]?.payload).toMatchObject({ resentAfterUnknownOutcome: true, noticeKey: 'n-window' });
  });

  it('two executions of one notice at the same time send it once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => acts.sendNotice(notice('n-race'))));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(mailsWithKey('n-race')).toHaveLength(1);
  });

  it('a failed delivery throws a retryable error; the retry delivers', async () => {
    smtp.failNext(1);
    const err = await acts.sendNotice(notice('n-fail')).catch((e) => e);
    expect(err).toBeInstanceOf(NoticeDeliveryError);
    expect(err.nonRetryable).toBe(false);
    expect(err.message).toMatch(/451/);
    expect((await acts.getNotice({ key: 'n-fail' }))).toMatchObject({ status: 'retrying', attempts: [{ outcome: 'failed' }] });
    const r = await acts.sendNotice(notice('n-fail'));
    expect(r).toMatchObject({ attempts: 2, replayed: false });
    expect(mailsWithKey('n-fail')).toHaveLength(1);
  });

  it('the same key with another content is refused', async () => {
    const err = await acts.sendNotice(notice('n-1', { deadline: '2026-03-06T19:00:00Z' })).catch((e) => e);
    expect(err).toBeInstanceOf(IdempotencyConflictError);
  });

  it('refuses a bad notice before recording it', async () => {
    await expect(acts.sendNotice(notice('n-bad', { params: { deputy: 'x' } }))).rejects.toBeInstanceOf(RecordsInputError);
    await expect(acts.sendNotice(notice('n-bad', { addressee: { name: 'x', role: 'y', address: 'not-mail' } }))).rejects.toThrow(
      /e-mail/,
    );
    expect(await acts.getNotice({ key: 'n-bad' })).toBeNull();
  });

  it('sends a signed webhook once; the receiver verifies the HMAC', async () => {
    const input = notice('w-1', {
      channel: 'webhook',
      addressee: { name: 'Аппарат Президента', role: 'president', address: hooks.url },
      languages: ['kk', 'ru', 'en'],
      templateId: 'no_confidence_in_akim',
      params: {
        maslikhat: { kk: 'Алматы облыстық мәслихаты', ru: 'Алматинский областной маслихат', en: 'The Almaty regional maslikhat' },
        sessionDate: '2026-03-02',
        akim: 'Сұлтанғазиев М.',
        votesFor: 30,
        totalDeputies: 44,
      },
    });
    const r = await acts.sendNotice(input);
    expect(hooks.received).toHaveLength(1);
    const hook = hooks.received[0]!;
    expect(hook).toMatchObject({ idempotencyKey: 'w-1', deliveryId: r.deliveryId, duplicate: false });
    expect(hook.body).toMatchObject({ key: 'w-1', languages: ['kk', 'ru', 'en'] });
    expect(JSON.stringify(hook.body)).toContain('сенімсіздік білдіру');
    await acts.sendNotice(input);
    expect(hooks.received).toHaveLength(1);
    expect(hooks.rejected).toBe(0);
  });

  it('a webhook with a wrong secret is refused by the receiver and retried', async () => {
    const wrong = createActivities({ pool: db.pool, role: 'tartip_worker', webhook: { secret: 'wrong' } });
    const input = notice('w-wrong', {
      channel: 'webhook',
      procedureId: null,
      addressee: { name: 'Жоғары тұрған әкім', role: 'superior_akim', address: hooks.url },
    });
    await expect(wrong.sendNotice(input)).rejects.toThrow(/HTTP 401/);
    expect(hooks.rejected).toBe(1);
    const r = await acts.sendNotice(input);
    expect(r).toMatchObject({ attempts: 2, act: null });
  });

  it('reports notices past their statutory deadline and not delivered', async () => {
    smtp.failNext(1);
    await acts.sendNotice(notice('n-late', { deadline: '2026-01-10T19:00:00Z' })).catch(() => undefined);
    const overdue = await acts.overdueNotices({ now: '2026-03-10T00:00:00Z' });
    expect(overdue.map((o) => o.key)).toEqual(['n-late']);
    expect(overdue[0]).toMatchObject({ status: 'retrying', attempts: 1, channel: 'email' });
    expect(overdue[0]!.overdueSeconds).toBeGreaterThan(86400 * 50);
    expect(await acts.overdueNotices({ now: '2026-01-01T00:00:00Z' })).toEqual([]);
    const r = await acts.sendNotice(notice('n-late', { deadline: '2026-01-10T19:00:00Z' }));
    expect(r.late).toBe(true);
    expect(await acts.overdueNotices({ now: '2026-03-10T00:00:00Z' })).toEqual([]);
  });
});

describe('templates', () => {
  const sample: Record<string, string> = {};
  it('every template renders in kk, ru and en with no placeholder left', () => {
    for (const id of TEMPLATE_IDS) {
      const params = Object.fromEntries(TEMPLATES.get(id)!.params.map((p) => [p, sample[p] ?? `⟨${p}⟩`]));
      const langs: NoticeLang[] = ['kk', 'ru', 'en'];
      const out = renderNotice(id, params, langs, CITE, '2026-03-05T19:00:00Z');
      for (const l of langs) {
        expect(out[l].subject + out[l].body).not.toMatch(/\{[A-Za-z]+\}/);
        expect(out[l].body).toContain('2026-03-06 00:00');
      }
      expect(out.kk.body).toContain('Заңының 24-1-бабының 2-тармағы');
      expect(out.ru.body).toContain('пункт 2 статьи 24-1 Закона Республики Казахстан');
      expect(out.en.body).toContain('Article 24-1(2)');
    }
  });
});
