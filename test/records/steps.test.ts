// A step written whole (activities/steps.ts, the transactional outbox): an act and the notices it
// owes commit together or not at all; a retried step writes nothing twice; the notice recorded with
// the act is the one delivery finds and sends, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { closeActivities, createActivities, type AppendActInput, type SendNoticeInput } from '../../activities/index.js';
import { IdempotencyConflictError, RecordsInputError } from '../../activities/errors.js';
import { listNotices } from '../../activities/notifications.js';
import { CITE, actor, registerProcedure } from './helpers.js';

let db: FreshDatabase;
let smtp: TestSmtpServer;
let acts: ReturnType<typeof createActivities>;
beforeAll(async () => {
  [db, smtp] = await Promise.all([freshDatabase(), startSmtpServer()]);
  acts = createActivities({ pool: db.pool, role: 'tartip_worker', mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
  for (const p of ['proc-s', 'proc-t', 'proc-u']) await registerProcedure(db.pool, p);
});
afterAll(async () => {
  if (acts) await closeActivities(acts);
  await smtp?.close();
  await db?.close();
});

const act = (procedureId: string, key: string, payload: unknown = { votesFor: 16 }): AppendActInput => ({
  procedureId, key, actType: 'session_decision', legalAt: '2026-03-02T10:00:00+05:00', actor, payload, citation: CITE, editionId: 'kz-148@2018-07-12',
});
const notice = (procedureId: string, key: string, deputy = 'Иванова Анна'): SendNoticeInput => ({
  key, procedureId,
  addressee: { name: 'Облыстық сайлау комиссиясы', role: 'election_commission', address: 'tik@election.example.kz' },
  channel: 'email', languages: ['kk', 'ru'], basis: CITE, deadline: '2026-03-05T19:00:00Z', templateId: 'deputy_mandate_terminated',
  params: {
    maslikhat: { kk: 'Алматы облыстық мәслихаты', ru: 'Алматинского областного маслихата', en: 'the Almaty regional maslikhat' },
    deputy, decisionDate: '2026-03-02', decisionNumber: '12-45',
    reason: { kk: 'өз еркімен отставкаға кетуі', ru: 'сложение полномочий по собственному желанию', en: 'resignation' },
  },
});
const ledgerOf = async (p: string) => (await db.pool.query<{ idem_key: string }>(`SELECT idem_key FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [p])).rows.map((r) => r.idem_key);
const noticesOf = async (p: string) => (await db.pool.query<{ key: string; status: string }>(`SELECT key, status FROM notices WHERE procedure_id = $1 ORDER BY key`, [p])).rows;

describe('a step: its records and its notices in one transaction', () => {
  it('records the act and its notice together; the notice waits (queued) until delivery, which sends it once', async () => {
    const r = await acts.recordStep({ procedureId: 'proc-s', acts: [act('proc-s', 'proc-s/r/decision/1'), act('proc-s', 'proc-s/r/deadlines/1', { opened: 1 })], notices: [notice('proc-s', 'proc-s/r/notice/decision/1')] });
    expect(r.acts.map((a) => [a.seq, a.replayed])).toEqual([[1, false], [2, false]]);
    expect(await ledgerOf('proc-s')).toEqual(['proc-s/r/decision/1', 'proc-s/r/deadlines/1']);
    expect(await noticesOf('proc-s')).toEqual([{ key: 'proc-s/r/notice/decision/1', status: 'pending' }]);
    // as people see it, before any attempt: queued, not yet sent
    const listed = await listNotices({ pool: db.pool }, { procedureId: 'proc-s', limit: 10 });
    expect(listed.items.map((n) => [n.state, n.attempts])).toEqual([['queued', 0]]);

    // retried (the worker died before the activity's answer): nothing twice
    const again = await acts.recordStep({ procedureId: 'proc-s', acts: [act('proc-s', 'proc-s/r/decision/1'), act('proc-s', 'proc-s/r/deadlines/1', { opened: 1 })], notices: [notice('proc-s', 'proc-s/r/notice/decision/1')] });
    expect(again.acts.map((a) => [a.seq, a.replayed])).toEqual([[1, true], [2, true]]);
    expect(await noticesOf('proc-s')).toHaveLength(1);

    // delivery finds the recorded notice: one message, then the delivery in the record
    const sent = await acts.sendNotice(notice('proc-s', 'proc-s/r/notice/decision/1'));
    expect(sent).toMatchObject({ status: 'delivered', replayed: false, attempts: 1 });
    expect(smtp.messages.filter((m) => m.header('x-tartip-notice-key') === 'proc-s/r/notice/decision/1')).toHaveLength(1);
    expect(await ledgerOf('proc-s')).toEqual(['proc-s/r/decision/1', 'proc-s/r/deadlines/1', 'notice/proc-s/r/notice/decision/1']);
  });

  it('a notice that cannot be recorded takes the act back with it: neither is written', async () => {
    await acts.recordStep({ procedureId: 'proc-t', acts: [act('proc-t', 'proc-t/r/a/1')], notices: [notice('proc-t', 'proc-t/r/notice/a/1')] });
    // the next step owes a notice whose key is taken by another content (a changed workflow)
    await expect(acts.recordStep({ procedureId: 'proc-t', acts: [act('proc-t', 'proc-t/r/a/2')], notices: [notice('proc-t', 'proc-t/r/notice/a/1', 'Басқа адам')] })).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await ledgerOf('proc-t')).toEqual(['proc-t/r/a/1']);
    expect(await noticesOf('proc-t')).toEqual([{ key: 'proc-t/r/notice/a/1', status: 'pending' }]);
  });

  it('an act that cannot be recorded takes its notices back with it', async () => {
    await acts.recordStep({ procedureId: 'proc-u', acts: [act('proc-u', 'proc-u/r/a/1')], notices: [] });
    // the same key with another payload: refused, and the step's notice is not kept either
    await expect(acts.recordStep({ procedureId: 'proc-u', acts: [act('proc-u', 'proc-u/r/b/1'), act('proc-u', 'proc-u/r/a/1', { votesFor: 1 })], notices: [notice('proc-u', 'proc-u/r/notice/b/1')] })).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await ledgerOf('proc-u')).toEqual(['proc-u/r/a/1']);
    expect(await noticesOf('proc-u')).toEqual([]);
  });

  it('a notice of another procedure is refused before anything is written; a notice that cannot be sent does not hold up its act', async () => {
    await expect(acts.recordStep({ procedureId: 'proc-u', acts: [act('proc-u', 'proc-u/r/c/1')], notices: [notice('proc-s', 'proc-s/r/notice/x/1')] })).rejects.toBeInstanceOf(RecordsInputError);
    expect(await ledgerOf('proc-u')).toEqual(['proc-u/r/a/1']);
    // an address that is not one (a start input's): the act is recorded, the notice left out and
    // named; its delivery then fails for good and is recorded as notice_failed
    const bad = { ...notice('proc-u', 'proc-u/r/notice/x/1'), addressee: { name: 'n', role: 'r', address: 'not-an-address' } };
    const r = await acts.recordStep({ procedureId: 'proc-u', acts: [act('proc-u', 'proc-u/r/c/1')], notices: [bad] });
    expect(r.refused).toEqual([{ key: 'proc-u/r/notice/x/1', reason: expect.stringContaining('addressee.address') }]);
    expect(await ledgerOf('proc-u')).toEqual(['proc-u/r/a/1', 'proc-u/r/c/1']);
    expect(await noticesOf('proc-u')).toEqual([]);
    await expect(acts.sendNotice(bad)).rejects.toBeInstanceOf(RecordsInputError);
  });
});
