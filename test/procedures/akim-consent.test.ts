// Art. 23-1 (P-15) under time skipping: consent, refusal and re-submission within two working
// days, the refused person submitted again, the cap of three, the third refusal at each level.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { refusalCode, runScenario } from '../harness/scenarios.js';
const refusalCodeOf = (e: unknown) => refusalCode(e)?.code ?? String(e);
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { akimConsentDefinition } from '../../workflows/akim-consent.js';
import type { ProcedureState } from '../../workflows/procedure.js';
import type { Scenario } from '../../workflows/scenario.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const calendarRef = `kz-official@${LATEST_OFFICIAL_VERSION}`;

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let smtp: TestSmtpServer;
let activities: ReturnType<typeof buildActivities>;

beforeAll(async () => {
  [db, smtp] = await Promise.all([freshDatabase(), startSmtpServer()]);
  activities = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
});
// a fresh time-skipping server per test: one long-lived connection to the test server was seen
// to stall after its keepalive pings were refused ("excess pings")
beforeEach(async () => {
  env = await timeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});
afterAll(async () => {
  if (activities) await closeBuiltActivities(activities);
  await smtp?.close();
  await db?.close();
});

// 30 seats: majority of the total = 16; quorum (two thirds) = 20.
const at = (date: string, time = '10:00'): string => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const candidate = (personId: string) => ({
  personId, fullName: `Кандидат ${personId}`, birthDate: '1975-05-05', biography: 'Родился в 1975 году.',
  workHistory: [{ from: '2000-01-01', position: 'заместитель акима', organisation: 'Акимат' }], stateAwards: [{ title: 'Құрмет' }],
});

function input(level: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unit: 'KZ-TEST',
    startedBy: { kind: 'official', id: 'appointing', role: 'appointing_person' },
    post: { id: `POST-${level}`, title: `аким (${level})`, level },
    maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
    appointing: { name: 'Лицо, назначающее акима', role: 'appointing_person', address: 'appointing@example.kz' },
    superior: { name: 'Вышестоящее лицо', role: 'superior', address: 'superior@example.kz' },
    president: { name: 'Президент Республики Казахстан', role: 'president', address: 'president@akorda.example.kz' },
    submission: { at: at('2025-03-03'), candidate: candidate('C1') },
    roster: { seats: 30, deputies: Array.from({ length: 30 }, (_, i) => ({ id: `D${i + 1}` })) },
    ...over,
  };
}
function scenario(level: string, acts: Scenario['acts'], extra: Partial<Scenario> = {}, over: Record<string, unknown> = {}): Scenario {
  return { format: 'tartip-scenario/1', procedure: 'akim_consent', title: 't', start: { at: at('2025-03-03', '12:00'), input: input(level, over) }, acts, ...extra };
}
const session = (date: string, votesFor: number, o: { present?: number; kind?: 'regular' | 'extraordinary'; candidatePresent?: boolean; refusal?: string } = {}) => ({
  at: at(date), act: 'recordSessionDecision',
  input: { actor: clerk, session: { number: 'S', kind: o.kind ?? 'regular' }, candidatePresent: o.candidatePresent ?? true, present: o.present ?? 25, votesFor },
  ...(o.refusal ? { expectRefusal: o.refusal } : {}),
});
const resubmit = (date: string, personId: string, refusal?: string) => ({ at: at(date), act: 'submitCandidate', input: { actor: clerk, candidate: candidate(personId) }, ...(refusal ? { expectRefusal: refusal } : {}) });
// three refusals in a row: sessions 06.03, 13.03, 27.03
const THREE_REFUSALS = [session('2025-03-06', 15), resubmit('2025-03-07', 'C2'), session('2025-03-13', 10), resubmit('2025-03-14', 'C3'), session('2025-03-27', 0)];

async function run(s: Scenario) {
  const r = await runScenario(env, activities, s);
  expect(r.mismatches).toEqual([]);
  return r;
}
const facts = (s: ProcedureState) => s.facts as Record<string, any>;

describe('Art. 23-1: consent to the appointment of an akim', () => {
  it('consent by a majority of the total number of deputies', async () => {
    const r = await run(scenario('region', [session('2025-03-06', 16)], { expect: { stage: 'closed', outcome: 'consented' } }));
    expect(r.state.thresholds[0]).toMatchObject({ rule: 'art23_1.p3.consent_majority', required: 16, actual: 16, met: true, baseValue: 30 });
    const ledger = await db.pool.query(`SELECT act_type FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [r.workflowId]);
    expect(ledger.rows.map((x) => x.act_type)).toEqual(expect.arrayContaining(['consent_request', 'session_decision', 'notice_delivered']));
  });

  it('15 of 25 present is a majority of those present, not of the total: refusal; another candidate within 2 working days', async () => {
    const r = await run(scenario('region', [session('2025-03-06', 15)], { expect: { stage: 'awaiting_resubmission', deadlines: { 'art23_1.p3.resubmission': '2025-03-11' } } }));
    // received 06.03: 07.03 (1), 8 holiday, 9 Sunday, 10 carry-over, 11.03 (2)
    expect(r.state.thresholds[0]).toMatchObject({ required: 16, actual: 15, met: false });
    expect(facts(r.state).decisionReceived).toBe('2025-03-06');
  });

  it('the refused candidate cannot be submitted again; a different one can', async () => {
    const r = await run(scenario('region', [session('2025-03-06', 15), resubmit('2025-03-07', 'C1', 'same_candidate'), resubmit('2025-03-07', 'C2')], { expect: { stage: 'awaiting_session' } }));
    expect(facts(r.state).submissions.map((s: { personId: string }) => s.personId)).toEqual(['C1', 'C2']);
    expect(r.acts[1]!.message).toMatch(/candidate\.personId/);
  });

  it('the 2-working-day timer: an overdue notice to the superior (named interpretation); the cycle stays open', async () => {
    const before = smtp.messages.length;
    const r = await run(scenario('district', [session('2025-03-06', 15)], { runUntil: at('2025-03-12'), expect: { stage: 'awaiting_resubmission' } }));
    expect(facts(r.state).overdue).toEqual(['art23_1.p3.resubmission']);
    expect(r.state.interpretations).toContainEqual({ id: 'art23_1.p3.resubmission_overdue', chosen: 'overdue_notice_to_superior' });
    expect(smtp.messages.slice(before).some((m) => m.to.includes('superior@example.kz'))).toBe(true);
    // on the last day (11.03) it has not fired
    const inTime = await run(scenario('district', [session('2025-03-06', 15)], { runUntil: at('2025-03-11', '23:00') }));
    expect(facts(inTime.state).overdue).toEqual([]);
    // with cycle_ends chosen, the cycle lapses
    const ends = await run(scenario('district', [session('2025-03-06', 15)], { runUntil: at('2025-03-12'), expect: { stage: 'closed', outcome: 'lapsed' } }, { interpretations: [{ id: 'art23_1.p3.resubmission_overdue', chosen: 'cycle_ends' }] }));
    expect(ends.state.interpretations).toContainEqual({ id: 'art23_1.p3.resubmission_overdue', chosen: 'cycle_ends' });
  });

  it('extraordinary session without the candidate is refused; quorum below two thirds is refused', async () => {
    await run(scenario('region', [
      session('2025-03-06', 20, { kind: 'extraordinary', candidatePresent: false, refusal: 'candidate_absent' }),
      session('2025-03-06', 19, { present: 19, refusal: 'below_threshold' }),
      session('2025-03-06', 20, { kind: 'extraordinary' }),
    ], { expect: { outcome: 'consented' } }));
  });

  it('third refusal, region: the President may terminate the maslikhat (23-1(4)(1)); a fourth submission is refused', async () => {
    const before = smtp.messages.length;
    const r = await run(scenario('region', [...THREE_REFUSALS, resubmit('2025-03-28', 'C4', 'above_cap')], { expect: { stage: 'third_refusal' } }));
    expect(facts(r.state).thirdRefusal).toMatchObject({ branch: 'president_may_terminate', basis: { article: '23-1', paragraph: '4', subparagraph: '1' } });
    expect(smtp.messages.slice(before).some((m) => m.to.includes('president@akorda.example.kz'))).toBe(true);
  });

  it('third refusal, district and city of regional significance: the regional akim notifies the President (23-1(4)(2)); acting akim; new maslikhat resets the count', async () => {
    for (const level of ['district', 'city_regional']) {
      const r = await run(scenario(level, [
        ...THREE_REFUSALS,
        { at: at('2025-03-31'), act: 'appointActingAkim', input: { actor: clerk, person: { personId: 'X', fullName: 'Врио' }, act: { number: '5' } } },
        { at: at('2025-04-01'), act: 'newMaslikhat', input: { actor: clerk, maslikhatId: 'M-TEST', firstSession: '2025-04-01' }, expectRefusal: 'same_maslikhat' },
        { at: at('2025-06-02'), act: 'newMaslikhat', input: { actor: clerk, maslikhatId: 'M-NEW', firstSession: '2025-06-01' } },
      ], { expect: { stage: 'closed', outcome: 'new_maslikhat' } }));
      expect(facts(r.state).thirdRefusal).toMatchObject({ branch: 'regional_akim_notifies', basis: { subparagraph: '2' } });
      expect(facts(r.state).actingAkim).toMatchObject({ personId: 'X' });
    }
  });

  it('third refusal, district of a city: the law has no rule (named interpretation, default no_rule)', async () => {
    const r = await run(scenario('city_district', THREE_REFUSALS, { expect: { stage: 'third_refusal' } }));
    expect(facts(r.state).thirdRefusal).toMatchObject({ branch: 'no_rule' });
    expect(r.state.interpretations).toContainEqual({ id: 'art23_1.p4.city_district_third_refusal', chosen: 'no_rule' });
  });

  it('one open consent cycle per akim post: a second start is refused by Temporal', async () => {
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const i = { ...input('region', { post: { id: 'POST-ONE', title: 'аким', level: 'region' } }), editionId: DEFAULT_EDITION_ID, calendarRef, simulation: { legalStart: at('2025-03-03', '12:00') } };
      const workflowId = akimConsentDefinition.workflowId(i);
      expect(workflowId).toBe('akim_consent:POST-ONE');
      const h = await env.client.workflow.start('akimConsent', { workflowId, taskQueue, args: [i] });
      await expect(env.client.workflow.start('akimConsent', { workflowId, taskQueue, args: [{ ...i, submission: { at: at('2025-03-03'), candidate: candidate('OTHER') } }] })).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const s = (await h.query('state')) as ProcedureState;
      expect(facts(s).submissions[0].personId).toBe('C1');
      await h.terminate('test done');
    });
  });

  it('a suspended clock: no timer fires while a court has stopped it; on resumption the deadline moves (14.03) and fires after it', async () => {
    const suspend = { at: at('2025-03-07'), act: 'suspendClock', input: { actor: clerk, reason: 'иск об оспаривании решения сессии', basis: 'определение суда', document: '2-123/2025' } };
    // stopped 07.03, before either working day (07.03, 11.03) had run: nothing fires by 12.03
    const held = await run(scenario('district', [session('2025-03-06', 15), suspend], { runUntil: at('2025-03-12', '09:00'), expect: { stage: 'awaiting_resubmission' } }));
    expect(facts(held.state).overdue).toEqual([]);
    // resumed 12.03, running again from 13.03: 13.03 (1), 14.03 (2); overdue on 15.03, not before
    const resume = { at: at('2025-03-12'), act: 'resumeClock', input: { actor: clerk, document: '2-124/2025' } };
    const moved = await run(scenario('district', [session('2025-03-06', 15), suspend, resume], { runUntil: at('2025-03-14', '23:00'), expect: { deadlines: { 'art23_1.p3.resubmission': '2025-03-14' } } }));
    expect(facts(moved.state).overdue).toEqual([]);
    const fired = await run(scenario('district', [session('2025-03-06', 15), suspend, resume], { runUntil: at('2025-03-15', '09:00') }));
    expect(facts(fired.state).overdue).toEqual(['art23_1.p3.resubmission']);
    const ledger = await db.pool.query(`SELECT act_type, payload FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [fired.workflowId]);
    const types = ledger.rows.map((x) => x.act_type);
    expect(types).toEqual(expect.arrayContaining(['clock_suspended', 'clock_resumed', 'timer_expiry']));
    const expiry = ledger.rows.find((x) => x.act_type === 'timer_expiry')!.payload;
    expect(expiry.period).toMatchObject({ date: '2025-03-14', suspensions: [{ suspendedFrom: '2025-03-07', resumedOn: '2025-03-12', runsAgainFrom: '2025-03-13', originalDate: '2025-03-11', newDate: '2025-03-14' }] });
  });

  it('a NUL sent straight to the workflow: the act is refused by its validator, the procedure runs on; a start with one fails at once, typed, and frees the post', async () => {
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const i = { ...input('region', { post: { id: 'POST-NUL', title: 'аким', level: 'region' } }), editionId: DEFAULT_EDITION_ID, calendarRef, simulation: { legalStart: at('2025-03-06', '12:00') } };
      const bad = { ...i, maslikhatName: 'Маслихат\u0000' };
      const failed = await env.client.workflow.execute('akimConsent', { workflowId: 'akim_consent:POST-NUL', taskQueue, args: [bad] }).catch((e: unknown) => e);
      expect(refusalCodeOf((failed as { cause?: unknown }).cause)).toBe('invalid_input');
      // the post is free: the same start, clean, runs
      const h = await env.client.workflow.start('akimConsent', { workflowId: 'akim_consent:POST-NUL', taskQueue, args: [i] });
      const refused = await h.executeUpdate('recordSessionDecision', { args: [{ ...session('2025-03-06', 16).input, session: { number: 'S\u0000', kind: 'regular' }, at: at('2025-03-06', '11:00') }] }).catch((e: unknown) => e);
      expect(refusalCodeOf(refused)).toBe('invalid_input');
      expect((await h.describe()).status.name).toBe('RUNNING');
      expect(((await h.query('state')) as ProcedureState).stage).toBe('awaiting_session');
      await h.terminate('test done');
    });
  });

  // every example runs as it says: test/cli/examples-simulate.test.ts (the simulator, no flags)
});

describe('Art. 23-1: replay', () => {
  it('records a history (three refusals, acting akim) and replays it', async () => {
    const r = await runScenario(env, activities, scenario('district', [
      session('2025-03-06', 15), resubmit('2025-03-07', 'C2'), session('2025-03-13', 10), resubmit('2025-03-14', 'C3'), session('2025-03-27', 0),
      { at: at('2025-03-31'), act: 'appointActingAkim', input: { actor: clerk, person: { personId: 'X', fullName: 'Врио' }, act: { number: '5' } } },
    ]), { keepRunning: true });
    const history = await env.client.workflow.getHandle(r.workflowId).fetchHistory();
    await env.client.workflow.getHandle(r.workflowId).terminate('recorded');
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'akim_consent-third-refusal.json'), historyToJSON(history));
    const c = await runScenario(env, activities, scenario('region', [session('2025-03-06', 15)], { runUntil: at('2025-03-12') }), { keepRunning: true });
    const h2 = await env.client.workflow.getHandle(c.workflowId).fetchHistory();
    await env.client.workflow.getHandle(c.workflowId).terminate('recorded');
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'akim_consent-resubmission-overdue.json'), historyToJSON(h2));
  });

  it("replays every stored akim_consent history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('akim_consent-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
