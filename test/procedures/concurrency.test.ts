// Acts sent at once to one procedure (the engine's turnstile), on the real dev server: the
// time-skipping test server is not asked to take Updates in the middle of a task (see
// test/harness/scenarios.ts waitIdle), and this test is about exactly that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { devServerEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { refusalCode } from '../harness/scenarios.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import type { ProcedureState } from '../../workflows/procedure.js';

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let activities: ReturnType<typeof buildActivities>;
beforeAll(async () => {
  [env, db] = await Promise.all([devServerEnv(), freshDatabase()]);
  activities = buildActivities(db.pool);
});
afterAll(async () => {
  if (activities) await closeBuiltActivities(activities);
  await env?.teardown();
  await db?.close();
});

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const email = (role: string) => ({ name: role, role, address: `${role}@example.kz`, channel: 'email' });
const target = (role: string) => ({ name: role, role, address: `${role}@example.kz`, channel: 'webhook' });
const candidate = (personId: string) => ({ personId, fullName: `Кандидат ${personId}`, birthDate: '1975-05-05', biography: 'б', workHistory: [{ from: '2000-01-01', position: 'p', organisation: 'o' }] });

/** an Art. 23-1 start input on 06.03.2025, 12:00 legal time; `notify` makes the addressees */
const consentInput = (postId: string, notify: (role: string) => Record<string, string> = target) => ({
  editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, unit: 'KZ-TEST', startedBy: clerk,
  post: { id: postId, title: 'аким', level: 'region' }, maslikhatId: 'M', maslikhatName: 'M',
  appointing: notify('appointing'), superior: notify('superior'), president: notify('president'),
  submission: { at: at('2025-03-03'), candidate: candidate('C1') },
  roster: { seats: 30, deputies: Array.from({ length: 30 }, (_, i) => ({ id: `D${i + 1}` })) },
  simulation: { legalStart: at('2025-03-06', '12:00') },
});

describe('acts sent at once', () => {
  it('are performed one after another in arrival order: one accepted, the others meet the stage it left; none refused as busy, none interleaved', async () => {
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const input = consentInput('POST-RACE');
      const h = await env.client.workflow.start('akimConsent', { workflowId: `akim_consent:race-${Date.now()}`, taskQueue, args: [input] });
      const refused = await h.executeUpdate<ProcedureState, [unknown]>('recordSessionDecision', { args: [{ actor: clerk, at: at('2025-03-06', '11:00'), session: { number: 'S', kind: 'regular' }, candidatePresent: true, present: 25, votesFor: 15 }] });
      expect(refused.stage).toBe('awaiting_resubmission');
      const results = await Promise.all(['C2', 'C3', 'C4', 'C5'].map((c) =>
        h.executeUpdate<ProcedureState, [unknown]>('submitCandidate', { args: [{ actor: clerk, candidate: candidate(c), at: at('2025-03-06', '11:30') }] }).then((s) => s.stage, (e) => refusalCode(e)?.code ?? String(e))));
      expect(results.filter((x) => x === 'awaiting_session')).toHaveLength(1);
      expect(results.filter((x) => x !== 'awaiting_session')).toEqual(['wrong_stage', 'wrong_stage', 'wrong_stage']);
      const s = (await h.query('state')) as ProcedureState;
      expect((s.facts as { submissions: unknown[] }).submissions).toHaveLength(2);
      // the record has the act once, in order
      const rows = await db.pool.query(`SELECT act_type FROM ledger WHERE procedure_id = $1 AND act_type = 'consent_request'`, [h.workflowId]);
      expect(rows.rowCount).toBe(2);
      await h.terminate('test done');
    });
  });
});

describe('an act that arrives with the start', () => {
  it('(update-with-start: delivered in the first workflow task) waits for the start, then is performed', async () => {
    const { WithStartWorkflowOperation } = await import('@temporalio/client');
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const input = consentInput('POST-UWS');
      const op = new WithStartWorkflowOperation('akimConsent', { workflowId: `akim_consent:uws-${Date.now()}`, taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL' });
      const s = await env.client.workflow.executeUpdateWithStart<import('@temporalio/client').Workflow, ProcedureState, [unknown]>('recordSessionDecision', {
        args: [{ actor: clerk, at: at('2025-03-06', '11:00'), session: { number: 'S', kind: 'regular' }, candidatePresent: true, present: 25, votesFor: 16 }], startWorkflowOperation: op,
      });
      expect(s).toMatchObject({ stage: 'closed', outcome: 'consented' });
      const h = await op.workflowHandle();
      expect((await h.describe()).status.name).not.toBe('FAILED');
    });
  });
});

describe('an e-mail outage delays notices, never acts or the record (issue 13)', () => {
  it('with SMTP refusing every message, the act is in the record at once and the next act goes through; the notice goes out once SMTP accepts again', async () => {
    const { startSmtpServer } = await import('../harness/smtp.js');
    const smtp = await startSmtpServer();
    const mailActs = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@example.kz', ignoreTLS: true } });
    const { worker, taskQueue } = await testWorker(env, mailActs);
    try {
      await worker.runUntil(async () => {
        const input = consentInput('POST-SMTP', email);
        smtp.failNext(1_000_000);
        const h = await env.client.workflow.start('akimConsent', { workflowId: `akim_consent:smtp-${Date.now()}`, taskQueue, args: [input] });
        const s1 = await h.executeUpdate<ProcedureState, [unknown]>('recordSessionDecision', { args: [{ actor: clerk, at: at('2025-03-06', '11:00'), session: { number: 'S', kind: 'regular' }, candidatePresent: true, present: 25, votesFor: 15 }] });
        // the decision is recorded though its notice cannot be sent
        const rows = await db.pool.query(`SELECT act_type FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [h.workflowId]);
        expect(rows.rows.map((r) => r.act_type)).toContain('session_decision');
        expect((s1.notices as { status: string }[]).map((n) => n.status)).toEqual(['queued']);
        // and the next act is not held up by the notice
        const s2 = await h.executeUpdate<ProcedureState, [unknown]>('submitCandidate', { args: [{ actor: clerk, candidate: candidate('C2'), at: at('2025-03-06', '11:30') }] });
        expect(s2.stage).toBe('awaiting_session');
        expect(smtp.messages).toHaveLength(0);
        // SMTP accepts again: the queued notice goes out, once
        smtp.failNext(0);
        for (let i = 0; i < 600 && smtp.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(smtp.messages.filter((m) => m.to.includes('appointing@example.kz'))).toHaveLength(1);
        await h.terminate('test done');
      });
    } finally {
      await closeBuiltActivities(mailActs);
      await smtp.close();
    }
  }, 120_000);
});
