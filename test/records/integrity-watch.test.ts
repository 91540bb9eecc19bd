// The daily integrity watch (workflows/integrity-watch.ts): a row changed behind the worker's back
// is found at the next check and the auditors get an e-mail in kk/ru/en naming the procedure and
// the record; an intact record alerts nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import type { IntegrityWatchState } from '../../workflows/integrity-watch.js';

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let smtp: TestSmtpServer;
let acts: ReturnType<typeof buildActivities>;
beforeAll(async () => {
  [env, db, smtp] = await Promise.all([timeSkippingEnv(), freshDatabase(), startSmtpServer()]);
  acts = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@example.kz', ignoreTLS: true }, auditors: ['auditor@example.kz'] });
});
afterAll(async () => {
  if (acts) await closeBuiltActivities(acts);
  await env?.teardown();
  await smtp?.close();
  await db?.close();
});

async function procedureWithActs(id: string) {
  await acts.registerProcedure({ procedureId: id, kind: 'statutory_wait', editionId: 'kz-148@2018-07-12', calendarId: 'kz-official', startedBy: 'x', input: {} });
  for (const n of [1, 2, 3]) {
    await acts.appendAct({ procedureId: id, key: `${id}/act/${n}`, actType: 'appeal', legalAt: `2025-03-0${n}T10:00:00+05:00`, actor: { kind: 'official', id: 'secretary' }, payload: { votesFor: 10 + n }, citation: null, editionId: 'kz-148@2018-07-12' });
  }
}

async function firstCheck(workflowId: string): Promise<IntegrityWatchState> {
  const { worker, taskQueue } = await testWorker(env, acts);
  return worker.runUntil(async () => {
    const h = await env.client.workflow.start('integrityWatch', { workflowId, taskQueue, args: [{ everyHours: 24, rounds: 1 }] });
    for (let i = 0; i < 200; i++) {
      const s = (await h.query('state')) as IntegrityWatchState;
      if (s.checks > 0) {
        await h.terminate('test done');
        return s;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no check');
  });
}

describe('the integrity watch', () => {
  it('an intact record: checked, nobody alerted', async () => {
    await procedureWithActs('P-INTACT');
    const before = smtp.messages.length;
    const s = await firstCheck('watch-1');
    expect(s.last).toMatchObject({ breaks: [], alerted: [] });
    expect(s.last!.checked).toBeGreaterThanOrEqual(1);
    expect(smtp.messages.length).toBe(before);
  });

  it('a vote count changed by the superuser: found at its record, the auditor told in kk/ru/en', async () => {
    await procedureWithActs('P-TAMPERED');
    const c = await db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query(`UPDATE ledger SET payload = '{"votesFor": 99}' WHERE procedure_id = 'P-TAMPERED' AND seq = 2`);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const before = smtp.messages.length;
    const s = await firstCheck('watch-2');
    expect(s.last!.breaks).toEqual([expect.objectContaining({ procedureId: 'P-TAMPERED', seq: 2, problem: 'hash_mismatch' })]);
    expect(s.last!.alerted).toEqual(['auditor@example.kz']);
    const mail = smtp.messages.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toContain('auditor@example.kz');
    // the body is quoted-printable (RFC 2045): soft breaks joined, =XX decoded as UTF-8 bytes
    const raw = mail[0]!.raw.split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/=\r\n/g, '');
    const text = Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    for (const words of ['P-TAMPERED', 'запись № 2', 'record no. 2', '№ 2 жазба']) expect(text).toContain(words);
  });
});
