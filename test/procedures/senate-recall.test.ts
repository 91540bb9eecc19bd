// P-18, Art. 24-1: recall of a Senate deputy by the electors, on the time-skipping server with
// real PostgreSQL and a real SMTP server. Region: maslikhat M1 (120 electors) + M2 (80) = 200.
// 25% of 200 = 50; 25% of M1 = 30, of M2 = 20; 1% of 100 collected = 1 invalid allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { timeSkippingEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { senateRecall, type SenateRecallState } from '../../workflows/senate-recall.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE } from '../../workflows/search-attributes.js';
import { addDays, noticesOf, refusalOf, Run, seedRegion, startInput } from './senate-recall-helpers.js';

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let smtp: TestSmtpServer;
let worker: Worker;
let taskQueue: string;
let running: Promise<void>;
let activities: ReturnType<typeof buildActivities>;

beforeAll(async () => {
  [env, db, smtp] = await Promise.all([timeSkippingEnv(), freshDatabase(), startSmtpServer()]);
  await seedRegion(db.pool);
  activities = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
  ({ worker, taskQueue } = await testWorker(env, activities));
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await closeBuiltActivities(activities);
  await env?.teardown();
  await smtp?.close();
  await db?.close();
});

let n = 0;
const start = (date: string, over: Parameters<typeof startInput>[2] = {}) => Run.start(env, db.pool, taskQueue, startInput(`SEN-${++n}`, date, over));
const rules = (st: SenateRecallState) => st.thresholds.map((t) => `${t.rule}:${t.met}`);

describe('Art. 24-1: from initiation to the decision', () => {
  it('notifies the commission and the deputy, arms the sheet-issue deadline in working days, records every act', async () => {
    const r = await start('2025-03-03');
    let st = await r.state();
    expect(st.stage).toBe('sheet_issue');
    // 24-1(3): ten working days from receipt on 3 March: 4–7, 10–14 (8 March Sat; 10 March in lieu), …
    const issue = r.deadline(st, 'art24_1.p3.sheet_issue');
    expect(issue.citations[0]).toMatchObject({ article: '24-1', paragraph: '3' });
    expect(issue.unit).toBe('working_day');
    expect(smtp.messages.filter((m) => m.to.includes(`${r.id.split(':')[1]!.toLowerCase()}@senate.example.kz`))).toHaveLength(1);
    expect(smtp.messages.some((m) => m.to.includes('oik@election.example.kz'))).toBe(true);
    st = await r.toDecision({ m1: 30, m2: 20 });
    expect(st.stage).toBe('put_to_vote');
    // the 24-1(7) notice closes its deadline once delivered: compare once every notice is out
    const settled = await r.settled();
    const sa = (await r.handle.describe()).typedSearchAttributes;
    expect(sa.get(STAGE)).toBe('put_to_vote');
    expect(sa.get(PROCEDURE)).toBe('senate_recall');
    expect(sa.get(NEXT_DEADLINE)?.toISOString()).toBe(settled.deadlines.map((d) => d.period.instant).sort()[0]);
    expect(st.facts.verification).toMatchObject({ collected: 50, valid: 50, invalid: 0 });
    expect(st.facts.verification!.protocolDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(st.interpretations.map((u) => u.id)).toEqual(expect.arrayContaining(['art24_1.p2.one_maslikhat', 'art24_1.p6.same_grounds', 'art24_1.p8.vote_not_held']));
    const ledger = await db.pool.query<{ act_type: string }>('SELECT act_type FROM ledger WHERE procedure_id = $1 ORDER BY seq', [r.id]);
    expect(ledger.rows.map((x) => x.act_type)).toEqual(expect.arrayContaining([
      'senate_recall_initiated', 'senate_recall_sheets_issued', 'senate_recall_sheets_received', 'senate_recall_sheets_submitted',
      'senate_recall_verification_protocol', 'senate_recall_put_to_vote', 'notice_delivered',
    ]));
  });
});
void senateRecall;

describe('24-1(2), 24-1(6): thresholds of the commission decision', () => {
  it('exactly 25% of all electors (50 of 200, M1 30/120, M2 20/80) → put to a vote; the deputy is notified within 5 days', async () => {
    const r = await start('2025-03-03');
    const st = await r.toDecision({ m1: 30, m2: 20 });
    expect(st.stage).toBe('put_to_vote');
    expect(st.thresholds.find((t) => t.rule === 'art24_1.p2.electors_25pct')).toMatchObject({ baseValue: 200, required: 50, actual: 50, met: true });
    expect(st.facts.decision).toMatchObject({ putToVote: true, reasons: [], readings: { each: true, at_least_one: true } });
    expect(r.deadline(st, 'art24_1.p7.joint_sitting').date).toBe('2025-04-17');
    expect(noticesOf(st)).toContain('senate_recall_put_to_vote:senate_deputy');
  });

  it('one below 25% (49 of 200) → refused, with the one-year bar recorded', async () => {
    const r = await start('2025-03-03');
    const st = await r.toDecision({ m1: 29, m2: 20 });
    expect(st.outcome).toBe('refused');
    expect(st.stage).toBe('appeal_window');
    expect(st.facts.decision!.reasons).toContain('below_25pct_of_all_electors');
    expect(st.thresholds.find((t) => t.rule === 'art24_1.p2.electors_25pct')).toMatchObject({ required: 50, actual: 49, met: false });
    const bar = await db.pool.query('SELECT refused_on::text, allowed_from::text FROM senate_recall_bars WHERE procedure_id = $1', [r.id]);
    expect(bar.rows).toEqual([{ refused_on: '2025-03-17', allowed_from: st.facts.decision!.bar!.allowedFrom }]);
  });

  it('1% invalid (1 of 100 collected) → put to a vote; one more (2 of 100) → refused', async () => {
    const ok = await start('2025-03-03');
    const a = await ok.toDecision({ m1: 60, m2: 39 }, 1);
    expect(a.facts.verification).toMatchObject({ collected: 100, invalid: 1, reasons: { not_elector: 1 } });
    expect(a.thresholds.find((t) => t.rule === 'art24_1.p6.invalid_max_1pct')).toMatchObject({ required: 1, actual: 1, met: true });
    expect(a.stage).toBe('put_to_vote');
    const no = await start('2025-03-03');
    const b = await no.toDecision({ m1: 60, m2: 38 }, 2);
    expect(b.facts.verification).toMatchObject({ collected: 100, invalid: 2 });
    expect(b.thresholds.find((t) => t.rule === 'art24_1.p6.invalid_max_1pct')).toMatchObject({ required: 1, actual: 2, met: false });
    expect(b.outcome).toBe('refused');
    expect(b.facts.decision!.reasons).toEqual(['more_than_1pct_invalid']);
  });

  it('T-5: one maslikhat below 25% (M2 19/80) → refused under "each" (default), put to a vote under "at_least_one"; both readings shown', async () => {
    const each = await start('2025-03-03');
    const a = await each.toDecision({ m1: 60, m2: 19 });
    expect(a.outcome).toBe('refused');
    expect(a.facts.decision).toMatchObject({ reasons: ['below_25pct_of_one_maslikhat'], readings: { each: false, at_least_one: true }, chosenReading: 'each' });
    expect(rules(a)).toContain('art24_1.p2.one_maslikhat_25pct:false');
    const one = await start('2025-03-03', { interpretations: [{ id: 'art24_1.p2.one_maslikhat', chosen: 'at_least_one' }] });
    const b = await one.toDecision({ m1: 60, m2: 19 });
    expect(b.stage).toBe('put_to_vote');
    expect(b.facts.decision).toMatchObject({ readings: { each: false, at_least_one: true }, chosenReading: 'at_least_one' });
    expect(b.interpretations).toContainEqual({ id: 'art24_1.p2.one_maslikhat', chosen: 'at_least_one' });
  });
});

describe('24-1(4): collection of signatures', () => {
  it('sheets submitted on the last day of the 30 are accepted', async () => {
    const r = await start('2025-03-03');
    await r.onDay('2025-03-05');
    await r.issue(3);
    const st = await r.received();
    const end = r.deadline(st, 'art24_1.p4.collection');
    expect(end.date).toBe('2025-04-04'); // 30 calendar days from 6 March
    await r.until(`${end.date}T23:00:00+05:00`);
    const b = await r.importCsv(r.csv({ m1: 30, m2: 20 }));
    expect((await r.submit([b.fileSha256])).stage).toBe('verification');
  });

  it('late sheets are refused (too_late, with the date the period ended) and the collection lapses', async () => {
    const r = await start('2025-03-03');
    await r.onDay('2025-03-05');
    await r.issue(3);
    const st = await r.received();
    const end = r.deadline(st, 'art24_1.p4.collection');
    await r.onDay(addDays(end.date, 1));
    const b = await r.importCsv(r.csv({ m1: 30, m2: 20 }));
    const refused = await refusalOf(r.submit([b.fileSha256]));
    expect(refused).toMatchObject({ type: 'Refused:too_late', body: { code: 'too_late', date: end.date, rule: 'art24_1.p4.collection', field: 'at' } });
    const after = await r.state();
    expect(after.outcome).toBe('lapsed');
    expect(after.stage).toBe('appeal_window');
    expect(r.deadline(after, 'art24_1.p11.appeal').anchor).toBe(end.date);
    expect(after.facts.submission).toBeUndefined();
  });

  it('an unknown batch is refused and changes nothing', async () => {
    const r = await start('2025-03-03');
    await r.onDay('2025-03-05');
    await r.issue(1);
    await r.received();
    expect((await refusalOf(r.submit(['0'.repeat(64)]))).type).toBe('Refused:unknown_batch');
    expect((await r.state()).stage).toBe('collection');
  });
});

describe('24-1(8)–(10): the joint sitting and the result', () => {
  const toSitting = async () => {
    const r = await start('2025-03-03');
    expect((await r.toDecision({ m1: 30, m2: 20 })).stage).toBe('put_to_vote');
    await r.onDay('2025-03-28');
    return r;
  };

  it('no quorum (133 of 200 elected; 2/3 needs 134) → the vote did not take place', async () => {
    const r = await toSitting();
    const st = await r.sitting(133, 133, 133);
    expect(st.thresholds.find((t) => t.rule === 'art24_1.p8.quorum')).toMatchObject({ baseValue: 200, required: 134, actual: 133, met: false });
    expect(st.outcome).toBe('vote_not_held');
  });

  it('quorum (134) but participation below two thirds of those present (89 of 134; needs 90) → did not take place', async () => {
    const r = await toSitting();
    const st = await r.sitting(134, 89, 89);
    expect(st.thresholds.find((t) => t.rule === 'art24_1.p8.participation')).toMatchObject({ baseValue: 134, required: 90, actual: 89, met: false });
    expect(st.outcome).toBe('vote_not_held');
  });

  it('exactly 50% of participants (45 of 90) → powers not terminated; protocol and CEC deadlines run from the voting day', async () => {
    const r = await toSitting();
    let st = await r.sitting(134, 90, 45);
    expect(st.stage).toBe('counting');
    expect(r.deadline(st, 'art24_1.p9.protocol_to_cec').date).toBe('2025-03-31'); // 28 Mar + 2 days = Sun 30 → Mon 31
    expect(r.deadline(st, 'art24_1.p10.cec_result').date).toBe('2025-04-04');
    await r.protocol();
    st = await r.result();
    expect(st.thresholds.find((t) => t.rule === 'art24_1.p10.pass_more_than_50pct')).toMatchObject({ required: 46, actual: 45, met: false });
    expect(st.outcome).toBe('not_terminated');
  });

  it('more than 50% (46 of 90) → powers terminated', async () => {
    const r = await toSitting();
    await r.sitting(134, 90, 46);
    await r.protocol();
    const st = await r.result();
    expect(st.outcome).toBe('powers_terminated');
    expect(noticesOf(st)).toContain('senate_recall_result:senate_deputy');
  });

  it('a missed CEC deadline is recorded by the timer; the late act is accepted and flagged', async () => {
    const r = await toSitting();
    const st = await r.sitting(134, 90, 46);
    await r.onDay(addDays(r.deadline(st, 'art24_1.p10.cec_result').date, 1));
    const missed = await r.state();
    expect(missed.facts.missed.map((m) => m.rule)).toEqual(['art24_1.p9.protocol_to_cec', 'art24_1.p10.cec_result']);
    const done = await r.result();
    expect(done.facts.result).toMatchObject({ late: true, terminated: true });
  });
});

describe('24-1(6): the one-year bar, 24-1(11): appeals', () => {
  it('a new initiative on the same grounds one day before the bar ends is refused with that date; on the day it ends it starts', async () => {
    const first = await start('2025-03-03');
    const st = await first.toDecision({ m1: 10, m2: 10 });
    expect(st.outcome).toBe('refused');
    const bar = st.facts.decision!.bar!;
    expect(bar).toEqual({ endsOn: '2026-03-17', allowedFrom: '2026-03-18' });
    await first.until(`${bar.endsOn}T09:00:00+05:00`);
    expect((await first.state()).stage).toBe('closed');
    const senator = first.input.senator;
    const barred = await refusalOf(env.client.workflow.execute(senateRecall, {
      workflowId: first.id, taskQueue, args: [startInput(senator.id, bar.endsOn)],
    }));
    expect(barred).toMatchObject({ type: 'Refused:barred', body: { code: 'barred', date: bar.endsOn, rule: 'art24_1.p6.reinitiation_bar' } });
    const dayBefore = await refusalOf(env.client.workflow.execute(senateRecall, {
      workflowId: first.id, taskQueue, args: [startInput(senator.id, addDays(bar.endsOn, -1))],
    }));
    expect(dayBefore.body).toMatchObject({ code: 'barred', date: bar.endsOn });
    // other grounds are not barred under the default reading (recorded_grounds)
    const other = await Run.start(env, db.pool, taskQueue, { ...startInput(`${senator.id}-b`, bar.endsOn), grounds: 'Басқа негіз' });
    expect((await other.state()).stage).toBe('sheet_issue');
    await first.until(`${bar.allowedFrom}T10:00:00+05:00`);
    const again = await Run.start(env, db.pool, taskQueue, startInput(senator.id, bar.allowedFrom));
    expect((await again.state()).stage).toBe('sheet_issue');
  });

  it('an appeal on day 10 after the decision is recorded; on day 11 it is not considered', async () => {
    const r = await start('2025-03-03');
    // put to a vote: the procedure runs on (sitting within a month), so day 11 reaches the validator
    const st = await r.toDecision({ m1: 30, m2: 20 });
    const decided = st.facts.decision!.on;
    const period = r.deadline(st, 'art24_1.p11.appeal');
    expect(period.date).toBe(addDays(decided, 10));
    await r.onDay(period.date);
    const ok = await r.appeal('decision');
    expect(ok.facts.appeals).toHaveLength(1);
    await r.onDay(addDays(decided, 11));
    const late = await refusalOf(r.appeal('decision'));
    expect(late).toMatchObject({ type: 'Refused:too_late', body: { date: period.date, rule: 'art24_1.p11.appeal' } });
  });

  it('an appeal against something not done yet is refused', async () => {
    const r = await start('2025-03-03');
    expect((await refusalOf(r.appeal('vote_count'))).body.code).toBe('nothing_to_appeal');
  });
});

describe('bad input changes nothing', () => {
  it('a start without the deputy names the field', async () => {
    const bad = { ...startInput('SEN-bad', '2025-03-03'), senator: undefined };
    const r = await refusalOf(env.client.workflow.execute(senateRecall, { workflowId: 'senate_recall:bad', taskQueue, args: [bad as never] }));
    expect(r.type).toBe('InvalidInput');
  });

  it('an act in the wrong stage, a future act and impossible counts are refused by the validator', async () => {
    const r = await start('2025-03-03');
    const before = await r.settled();
    expect((await refusalOf(r.verify())).body.code).toBe('wrong_stage');
    const future = new Date((await r.now()) + 86_400_000).toISOString();
    const f = await refusalOf(r.handle.executeUpdate('issueSheets', { args: [{ actor: { kind: 'official', id: 'oik' }, at: future, count: 1, initiators: [{ id: 'i', name: 'I' }] }] }));
    expect(f.body).toMatchObject({ code: 'in_future', field: 'at' });
    const st = await r.state();
    expect(st.stage).toBe('sheet_issue');
    // the initiation and the deadlines it opened (24-1(1) at start, 24-1(3) on delivery); nothing of the refused acts
    expect(st.acts.map((a) => a.act)).toEqual(['senate_recall_initiated', 'deadlines_opened', 'deadlines_opened']);
    expect(st.acts).toEqual(before.acts);
  });
});
