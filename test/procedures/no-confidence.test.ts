// Art. 24 (P-17) under time skipping: every branch and every timer, on the official 2025
// calendar (Наурыз, 8 March carry-over). Expected dates are counted by hand in the comments.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { runScenario } from '../harness/scenarios.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { importRegisterCsv } from '../../activities/registers.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { noConfidenceDefinition } from '../../workflows/no-confidence.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from '../../workflows/search-attributes.js';
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

// 25 seats: one fifth = 5, majority of the total = 13, quorum (two thirds) = 17.
const DEPUTIES = Array.from({ length: 25 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
const at = (date: string, time = '10:00'): string => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };

function input(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unit: 'KZ-TEST-R',
    startedBy: { kind: 'official', id: 'secretary-1', role: 'secretary' },
    maslikhatId: 'M-TEST',
    akim: { postId: 'A-TEST', personId: 'P-AKIM', name: 'Серікбаев Серік' },
    superior: { name: 'Президент Республики Казахстан', role: 'president', address: 'president@akorda.example.kz' },
    maslikhat: { name: 'Тестовый областной маслихат', role: 'maslikhat', address: 'maslikhat@example.kz' },
    ground: { nonApprovals: [{ decision: '12/1', date: '2024-06-20', report: 'budget 2023' }, { decision: '18/2', date: '2025-01-15', report: 'budget 2024' }] },
    appeal: { at: at('2025-03-03'), initiators: ['D01', 'D02'] },
    roster: { seats: 25, deputies: DEPUTIES.map((id) => ({ id })) },
    ...over,
  };
}

function scenario(acts: Scenario['acts'], extra: Partial<Scenario> = {}, over: Record<string, unknown> = {}): Scenario {
  return { format: 'tartip-scenario/1', procedure: 'no_confidence', title: 't', start: { at: at('2025-03-03', '12:00'), input: input(over) }, acts, ...extra };
}
const sheet = (date: string, n: string, ids: string[], time?: string) => ({ at: at(date, time), act: 'submitSheet', input: { actor: clerk, sheet: n, signatures: ids.map((deputyId) => ({ deputyId })) } });
const handIn = (date: string) => ({ at: at(date), act: 'handInSheets', input: { actor: clerk } });
const protocol = (date: string, invalid: string[] = []) => ({ at: at(date), act: 'recordProtocol', input: { actor: clerk, protocol: { number: 'P-1' }, invalid: invalid.map((deputyId) => ({ deputyId, reason: 'signature not authentic' })) } });
const vote = (date: string, present: number, votesFor: number, expectRefusal?: string) => ({ at: at(date), act: 'recordVote', input: { actor: clerk, session: { number: 'XX', kind: 'extraordinary' }, present, votesFor }, ...(expectRefusal ? { expectRefusal } : {}) });
const decide = (date: string, decision: 'terminate' | 'keep', expectRefusal?: string) => ({ at: at(date), act: 'recordSuperiorDecision', input: { actor: { kind: 'official', id: 'president' }, decision, act: { number: 'Указ 1' } }, ...(expectRefusal ? { expectRefusal } : {}) });
const FIVE = ['D01', 'D02', 'D03', 'D04', 'D05'];
// appeal 03.03 → sheets 05.03 → handed in 06.03 → protocol 11.03 → vote 10.04
const TO_VOTE = [sheet('2025-03-05', 'S1', FIVE), handIn('2025-03-06'), protocol('2025-03-11')];

async function run(s: Scenario) {
  const r = await runScenario(env, activities, s);
  expect(r.mismatches).toEqual([]);
  return r;
}
const facts = (s: ProcedureState) => s.facts as Record<string, any>;

describe('Art. 24: vote of no confidence', () => {
  it('happy path: 1/5 signatures, protocol, majority of the total, the decision sent at once, dismissal', async () => {
    const before = smtp.messages.length;
    const r = await run(scenario([...TO_VOTE, vote('2025-04-10', 20, 13), decide('2025-04-15', 'terminate')]));
    expect(r.state).toMatchObject({ stage: 'closed', outcome: 'dismissed', procedure: 'P-17', editionId: DEFAULT_EDITION_ID });
    // 24(4): 10 working days from 03.03: 4–7 (4), 8 holiday, 9 Sunday, 10 carry-over, 11–14 (8), 17, 18 → 18.03
    expect(r.state.thresholds.map((t) => [t.rule, t.required, t.actual, t.met])).toEqual([
      ['art24.p1.initiators_one_fifth', 5, 5, true],
      ['art24.p5.vote_majority', 13, 13, true],
    ]);
    const periods = facts(r.state).periods as { rule: string; date: string }[];
    expect(periods.map((p) => [p.rule, p.date])).toEqual([
      ['art24.p4.signature_collection', '2025-03-18'],
      // 5 working days from the hand-in on 06.03: 7, 11, 12, 13, 14 (8–10 off) → 14.03
      ['art24.p4.signature_verification', '2025-03-14'],
      // one month from the protocol of 11.03 → 11.04
      ['art24.p5.session', '2025-04-11'],
      // 10 working days from receipt on 10.04: 11, 14–18, 21–24 → 24.04
      ['art24.p7.superior_decision', '2025-04-24'],
    ]);
    expect(r.state.interpretations).toEqual(expect.arrayContaining([
      { id: 'total_deputies.base', chosen: 'seats_fixed' },
      { id: 'art24.p7.superior_silence', chosen: 'overdue_notice' },
      { id: 'art24.p4.insufficient_signatures', chosen: 'initiative_ends' },
    ]));
    // the decision went "в незамедлительном порядке" to the President, in three languages
    const mail = smtp.messages.slice(before).find((m) => m.to.includes('president@akorda.example.kz'));
    expect(mail?.raw).toBeDefined();
    const ledger = await db.pool.query(`SELECT act_type FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [r.workflowId]);
    expect(ledger.rows.map((x) => x.act_type)).toEqual(expect.arrayContaining(['appeal', 'signature_sheet', 'sheets_handed_in', 'protocol', 'session_decision', 'superior_decision', 'notice_delivered']));
  });

  it('exactly one fifth of the total passes; one fewer ends the initiative (named interpretation)', async () => {
    const ok = await run(scenario(TO_VOTE, { expect: { stage: 'session_due', outcome: null } }));
    expect(ok.state.thresholds[0]).toMatchObject({ rule: 'art24.p1.initiators_one_fifth', required: 5, actual: 5, met: true, baseValue: 25 });
    const short = await run(scenario([sheet('2025-03-05', 'S1', [...FIVE, 'D06']), handIn('2025-03-06'), protocol('2025-03-11', ['D05', 'D06'])], { expect: { stage: 'closed', outcome: 'initiative_ended' } }));
    expect(short.state.thresholds[0]).toMatchObject({ required: 5, actual: 4, met: false });
    expect(facts(short.state).protocol).toMatchObject({ valid: 4 });
  });

  it('a majority of those present is not enough: a majority of the total is required', async () => {
    // 20 present: 11 is a majority of them, 12 too; 13 of 25 is needed
    const r = await run(scenario([...TO_VOTE, vote('2025-04-10', 20, 12)], { expect: { stage: 'closed', outcome: 'no_confidence_not_expressed' } }));
    expect(r.state.thresholds[1]).toMatchObject({ rule: 'art24.p5.vote_majority', required: 13, actual: 12, met: false });
    // fewer than two thirds present: the session is not competent, the vote is refused and nothing changes
    const q = await run(scenario([...TO_VOTE, vote('2025-04-10', 16, 14, 'below_threshold')], { expect: { stage: 'session_due' } }));
    expect(q.acts.at(-1)?.message).toMatch(/17 of 25/);
  });

  it('collection closes by itself after 10 working days; a sheet one day late is refused', async () => {
    const r = await run(scenario([
      sheet('2025-03-05', 'S1', ['D01', 'D02', 'D03']),
      sheet('2025-03-18', 'S2', ['D04'], '18:30'), // the last day: accepted
      { ...sheet('2025-03-19', 'S3', ['D05']), expectRefusal: 'too_late' },
    ], { expect: { stage: 'verifying', deadlines: { 'art24.p4.signature_collection': '2025-03-18', 'art24.p4.signature_verification': '2025-03-28' } } }));
    // closed on 18.03; verification: 19, 20, (21–25 Наурыз and carry-overs), 26, 27, 28 → 28.03
    expect(facts(r.state).sheetsHandedIn).toBe('2025-03-18');
    expect(r.state.acts.filter((a) => a.act === 'timer_expiry')).toHaveLength(1);
  });

  it('each signature is checked: a non-deputy and a second signature are refused and change nothing', async () => {
    const r = await run(scenario([
      { ...sheet('2025-03-05', 'S1', ['D01', 'X99']), expectRefusal: 'not_a_deputy' },
      { ...sheet('2025-03-05', 'S2', ['D01', 'D01']), expectRefusal: 'duplicate' },
      sheet('2025-03-05', 'S3', ['D01']),
      { ...sheet('2025-03-06', 'S4', ['D01']), expectRefusal: 'duplicate' },
      { at: at('2025-03-06'), act: 'submitSheet', input: { actor: clerk, sheet: 'S5', signatures: [] }, expectRefusal: 'invalid_input' },
    ], { expect: { stage: 'collecting' } }));
    expect(facts(r.state).sheets).toHaveLength(1);
    expect(r.acts[0]!.message).toMatch(/signatures\.1\.deputyId/);
  });

  it("timers: verification and session overdue are notified; the superior's silence is notified and the decision still awaited", async () => {
    const v = await run(scenario([sheet('2025-03-05', 'S1', FIVE), handIn('2025-03-06')], { runUntil: at('2025-03-15'), expect: { stage: 'verifying' } }));
    expect(facts(v.state).overdue).toEqual(['art24.p4.signature_verification']);
    const s = await run(scenario(TO_VOTE, { runUntil: at('2025-04-12'), expect: { stage: 'session_due' } }));
    expect(facts(s.state).overdue).toEqual(['art24.p5.session']);
    const silent = await run(scenario([...TO_VOTE, vote('2025-04-10', 20, 13)], { runUntil: at('2025-04-25'), expect: { stage: 'superior_deciding', outcome: null } }));
    expect(facts(silent.state).overdue).toEqual(['art24.p7.superior_decision']);
    expect(silent.state.acts.some((a) => a.act === 'timer_expiry')).toBe(true);
    const sent = await db.pool.query(`SELECT template_id, addressee->>'role' AS role, status FROM notices WHERE procedure_id = $1 ORDER BY created_at`, [silent.workflowId]);
    expect(sent.rows).toEqual([
      { template_id: 'no_confidence_in_akim', role: 'president', status: 'delivered' },
      { template_id: 'akim_procedure_overdue', role: 'president', status: 'delivered' },
    ]);
    // a day earlier the deadline has not passed
    const early = await run(scenario([...TO_VOTE, vote('2025-04-10', 20, 13)], { runUntil: at('2025-04-24', '23:00') }));
    expect(facts(early.state).overdue).toEqual([]);
  });

  it('silence deemed a rejection when that interpretation is chosen', async () => {
    const r = await run(scenario([...TO_VOTE, vote('2025-04-10', 20, 13)], { runUntil: at('2025-04-26'), expect: { stage: 'repeat_vote_possible' } }, { interpretations: [{ id: 'art24.p7.superior_silence', chosen: 'deemed_rejected' }] }));
    expect(facts(r.state).superiorDecision).toMatchObject({ decision: 'deemed_keep' });
    expect(r.state.interpretations).toContainEqual({ id: 'art24.p7.superior_silence', chosen: 'deemed_rejected' });
  });

  it('24(8): after the superior keeps the akim, a repeat vote one day before six months is refused; on the first allowed day it binds the superior', async () => {
    const r = await run(scenario([
      ...TO_VOTE, vote('2025-04-10', 20, 13), decide('2025-04-15', 'keep'),
      vote('2025-10-10', 20, 13, 'too_early'),
      vote('2025-10-11', 20, 13),
      decide('2025-10-13', 'keep', 'dismissal_mandatory'),
      decide('2025-10-14', 'terminate'),
    ], { expect: { stage: 'closed', outcome: 'dismissed', deadlines: { 'art24.p8.repeat_vote': '2025-10-11' } } }));
    // "по истечении шести месяцев со дня первого выражения": 11.04–10.10 run, allowed from 11.10
    expect(r.acts[5]).toMatchObject({ act: 'recordVote', refused: 'too_early' });
    expect(r.acts[5]!.message).toMatch(/2025-10-11/);
    expect(facts(r.state).dismissalDuty).toMatchObject({ since: '2025-10-11' });
    const ledger = await db.pool.query(`SELECT act_type FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [r.workflowId]);
    expect(ledger.rows.map((x) => x.act_type)).toEqual(expect.arrayContaining(['dismissal_duty', 'dismissal']));
  });

  it('a repeat vote that fails leaves the gate open for another one', async () => {
    const r = await run(scenario([...TO_VOTE, vote('2025-04-10', 20, 13), decide('2025-04-15', 'keep'), vote('2025-10-20', 20, 12)], { expect: { stage: 'repeat_vote_possible' } }));
    expect(r.state.thresholds.at(-1)).toMatchObject({ rule: 'art24.p8.repeat_vote_majority', met: false });
  });

  it('bad starts are refused with the field and the rule: one non-approval, an initiator who is not a deputy', async () => {
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      for (const [over, type, field] of [
        [{ ground: { nonApprovals: [{ decision: '1', date: '2025-01-01', report: 'r' }] } }, 'Refused:below_threshold', 'ground.nonApprovals'],
        [{ appeal: { at: at('2025-03-03'), initiators: ['Z1'] } }, 'Refused:not_a_deputy', 'appeal.initiators.0'],
        [{ akim: { postId: 'A' } }, 'InvalidInput', 'akim.personId'],
      ] as const) {
        const i = { ...input(over), editionId: DEFAULT_EDITION_ID, calendarRef, simulation: { legalStart: at('2025-03-03', '12:00') } };
        const err = await env.client.workflow.execute('noConfidence', { workflowId: `bad-${type}-${field}`, taskQueue, args: [i] }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WorkflowFailedError);
        const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
        expect(cause.type).toBe(type);
        expect(cause.message).toContain(field);
      }
    });
  });

  it('one open no-confidence procedure per akim: a second start is refused by Temporal', async () => {
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const i = { ...input({ akim: { postId: 'A-ONE', personId: 'P1', name: 'Akim' } }), editionId: DEFAULT_EDITION_ID, calendarRef, simulation: { legalStart: at('2025-03-03', '12:00') } };
      const workflowId = noConfidenceDefinition.workflowId(i);
      expect(workflowId).toBe('no_confidence:A-ONE');
      const h = await env.client.workflow.start('noConfidence', { workflowId, taskQueue, args: [i] });
      await expect(env.client.workflow.start('noConfidence', { workflowId, taskQueue, args: [{ ...i, appeal: { at: at('2025-03-04'), initiators: ['D09'] } }] })).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const s = (await h.query('state')) as ProcedureState;
      expect(facts(s).appeal.initiators).toEqual(['D01', 'D02']);
      // listable: kind, unit, stage, next deadline (end of 18.03.2025, the collection period)
      const d = await h.describe();
      expect(d.typedSearchAttributes.get(PROCEDURE)).toBe('no_confidence');
      expect(d.typedSearchAttributes.get(UNIT)).toBe('KZ-TEST-R');
      expect(d.typedSearchAttributes.get(STAGE)).toBe('collecting');
      expect(d.typedSearchAttributes.get(NEXT_DEADLINE)?.toISOString()).toBe('2025-03-18T19:00:00.000Z');
      await h.terminate('test done');
    });
  });

  it('reads the roster from the register when the input carries none', async () => {
    await importRegisterCsv({ pool: db.pool }, 'admin_units', 'id,kind,parent_id,name_kk,name_ru\nREG-R,region,,Тест облысы,Тестовая область\n');
    await importRegisterCsv({ pool: db.pool }, 'maslikhats', 'id,unit_id,name_kk,name_ru,seats,seats_basis\nM-REG,REG-R,Тест мәслихаты,Тестовый маслихат,10,\n');
    await importRegisterCsv({ pool: db.pool }, 'deputies', 'id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason\n' +
      Array.from({ length: 10 }, (_, i) => `R${i},M-REG,PR${i},Депутат ${i},2023-03-29,${i === 9 ? '2025-02-01' : ''},${i === 9 ? 'сложение полномочий' : ''}`).join('\n') + '\n');
    const over = { maslikhatId: 'M-REG', roster: undefined, akim: { postId: 'A-REG', personId: 'P2', name: 'Akim' }, appeal: { at: at('2025-03-03'), initiators: ['R0'] } };
    const r = await run(scenario([
      { at: at('2025-03-05'), act: 'submitSheet', input: { actor: clerk, sheet: 'S1', signatures: [{ deputyId: 'R9' }] }, expectRefusal: 'not_a_deputy' },
      { at: at('2025-03-05'), act: 'submitSheet', input: { actor: clerk, sheet: 'S2', signatures: [{ deputyId: 'R0' }, { deputyId: 'R1' }] } },
      handIn('2025-03-06'), protocol('2025-03-11'),
    ], { expect: { stage: 'session_due' } }, over));
    expect(facts(r.state).roster).toMatchObject({ source: 'register', seats: 10, deputies: 9 });
    // one fifth of 10 seats = 2
    expect(r.state.thresholds[0]).toMatchObject({ required: 2, actual: 2, met: true });
  });

  // every example runs as it says: test/cli/examples-simulate.test.ts (the simulator, no flags)
});

describe('Art. 24: replay', () => {
  it('records a full history (to the repeat vote and dismissal) and replays it', async () => {
    const r = await run(scenario([
      ...TO_VOTE, vote('2025-04-10', 20, 13), decide('2025-04-15', 'keep'), vote('2025-10-11', 20, 14), decide('2025-10-14', 'terminate'),
    ], { runUntil: at('2025-10-15') }));
    const history = await env.client.workflow.getHandle(r.workflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'no_confidence-repeat-vote.json'), historyToJSON(history));
    const silent = await run(scenario([sheet('2025-03-05', 'S1', FIVE), { ...sheet('2025-03-20', 'S2', ['D09']), expectRefusal: 'too_late' }, protocol('2025-03-26', ['D05'])], { runUntil: at('2025-03-30') }));
    const h2 = await env.client.workflow.getHandle(silent.workflowId).fetchHistory();
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'no_confidence-initiative-ended.json'), historyToJSON(h2));
  });

  it('replays every stored no_confidence history against today\'s code', async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('no_confidence-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      expect(existsSync(path.join(HISTORIES, f))).toBe(true);
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});

