// Art. 23(2), 23-1(4), 20(2), 5(6) (P-13) under time skipping, against the registers in
// PostgreSQL: every example branch, every mandate closed in the deputies register (once, however
// often the step runs), the link from a real akim_consent third refusal, a stored history replaying.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { testWorker, timeSkippingEnv } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { loadScenarios, refusalCode, runScenario } from '../harness/scenarios.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { importRegisterCsv } from '../../activities/registers.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const EXAMPLES = path.join(PROJECT_ROOT, 'examples/maslikhat_early_termination');

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let activities: ReturnType<typeof buildActivities>;

/** the example registers, as imported again before each run (a closed mandate opens again) */
async function importRegisters(): Promise<void> {
  for (const r of ['admin_units', 'maslikhats', 'deputies'] as const) await importRegisterCsv(db, r, readFileSync(path.join(EXAMPLES, 'registers', `${r}.csv`), 'utf8'));
}

let smtp: TestSmtpServer;
beforeAll(async () => {
  [db, smtp] = await Promise.all([freshDatabase(), startSmtpServer()]);
  // the akim_consent run of the link test sends its notices (23-1(3), (4))
  activities = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
});
beforeEach(async () => {
  env = await timeSkippingEnv();
  await importRegisters();
});
afterEach(async () => {
  await env?.teardown();
});
afterAll(async () => {
  if (activities) await closeBuiltActivities(activities);
  await smtp?.close();
  await db?.close();
});

const CONSENT = path.join(PROJECT_ROOT, 'examples/akim_consent');
const ended = async () => (await db.pool.query(`SELECT id, term_end::text AS t FROM deputies WHERE maslikhat_id = 'M-EX-P13' ORDER BY id`)).rows as { id: string; t: string | null }[];

describe('Art. 23(2) under Temporal, with the registers', () => {
  it('every example branch runs as it says; a termination ends all 27 mandates, no other leaves one ended', async () => {
    const all = loadScenarios(EXAMPLES);
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const { file, scenario } of all) {
      await importRegisters();
      const r = await runScenario(env, activities, scenario).catch((e: unknown) => {
        throw new Error(`${file}: ${String(e)}`);
      });
      expect([file, r.mismatches]).toEqual([file, []]);
      const f = r.state.facts as { termination: { termEnd: string } | null };
      const rows = await ended();
      expect(rows).toHaveLength(27);
      expect([file, [...new Set(rows.map((x) => x.t))]]).toEqual([file, [f.termination ? f.termination.termEnd : null]]);
    }
  });

  it('the decree of 04.04 ends every mandate on 05.04, once: the step again changes nothing', async () => {
    const { scenario } = loadScenarios(EXAMPLES).find((s) => s.file.startsWith('02-'))!;
    const r = await runScenario(env, activities, scenario);
    expect(r.state.stage).toBe('terminated');
    expect((await ended()).every((x) => x.t === '2025-04-05')).toBe(true);
    const again = await activities.endMandates({ procedureId: r.workflowId, maslikhatId: 'M-EX-P13', decisionDate: '2025-04-04', termEnd: '2025-04-05', reason: 'x' });
    expect(again.ended).toEqual([]);
    expect(again.already).toHaveLength(27);
    expect((await activities.rosterAsOf({ maslikhatId: 'M-EX-P13', date: '2025-04-05' })).deputies).toEqual([]);
  });

  it('after a real third refusal: started referring to the akim_consent procedure, its record read from the ledger', async () => {
    for (const r of ['admin_units', 'maslikhats', 'deputies'] as const) await importRegisterCsv(db, r, readFileSync(path.join(CONSENT, 'registers', `${r}.csv`), 'utf8'));
    const consent = loadScenarios(CONSENT).find((s) => s.file.startsWith('04-'))!.scenario;
    const c = await runScenario(env, activities, consent);
    expect(c.state.stage).toBe('third_refusal');
    const { scenario } = loadScenarios(EXAMPLES).find((s) => s.file.startsWith('05-'))!;
    const way = { how: 'third_refusal', consent: { procedureId: c.workflowId } };
    const r = await runScenario(env, activities, { ...scenario, start: { ...scenario.start, input: { ...scenario.start.input, way } } });
    expect(r.mismatches).toEqual([]);
    expect((r.state.facts as { consent: unknown }).consent).toEqual({ procedureId: c.workflowId, thirdRefusalOn: '2025-03-27', branch: 'president_may_terminate', source: 'record' });
    // a consent procedure with no third refusal: the start is refused naming the field
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const i = { ...scenario.start.input, way: { how: 'third_refusal', consent: { procedureId: 'akim_consent:NOTHING' } }, editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, simulation: { legalStart: scenario.start.at } };
      const failed = await env.client.workflow.execute('maslikhatEarlyTermination', { workflowId: 'maslikhat_early_termination:M-EX-P13#none', taskQueue, args: [i] }).catch((e: unknown) => e);
      const cause = (failed as { cause?: unknown }).cause;
      expect(refusalCode(cause)?.code).toBe('no_third_refusal');
      expect(String((cause as Error).message)).toMatch(/way\.consent\.procedureId/);
    });
  });
});

describe('Art. 23(2): replay', () => {
  it('records a history (self-dissolution by a majority of the total, new maslikhat) and replays it', async () => {
    const { scenario } = loadScenarios(EXAMPLES).find((s) => s.file.startsWith('03-'))!;
    const r = await runScenario(env, activities, scenario, { keepRunning: true });
    const h = env.client.workflow.getHandle(r.workflowId);
    const history = await h.fetchHistory();
    await h.terminate('recorded').catch(() => undefined);
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'maslikhat_early_termination-self-dissolution.json'), historyToJSON(history));
  });

  it("replays every stored maslikhat_early_termination history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('maslikhat_early_termination-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
