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
import { addDays, refusalOf, Run, seedRegion, startInput } from './senate-recall-helpers.js';

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
