// Art. 20(3)-(4) (P-10) under time skipping, against the registers in PostgreSQL: every example
// branch, the mandate closed in the deputies register (once, however often the step runs), and a
// stored history replaying.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { testWorker, timeSkippingEnv } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { loadScenarios, refusalCode, runScenario } from '../harness/scenarios.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { importRegisterCsv } from '../../activities/registers.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const EXAMPLES = path.join(PROJECT_ROOT, 'examples/deputy_early_termination');

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let activities: ReturnType<typeof buildActivities>;

/** the example registers, as imported again before each run (a closed mandate opens again) */
async function importRegisters(): Promise<void> {
  for (const r of ['admin_units', 'maslikhats', 'deputies'] as const) await importRegisterCsv(db, r, readFileSync(path.join(EXAMPLES, 'registers', `${r}.csv`), 'utf8'));
}
const mandate = async (id: string) => (await db.pool.query(`SELECT term_end::text AS "termEnd", end_reason AS reason FROM deputies WHERE id = $1`, [id])).rows[0] as { termEnd: string | null; reason: string | null };

beforeAll(async () => {
  db = await freshDatabase();
  activities = buildActivities(db.pool);
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
  await db?.close();
});

describe('Art. 20(3)-(4) under Temporal, with the registers', () => {
  it('every example branch runs as it says', async () => {
    const all = loadScenarios(EXAMPLES);
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const { file, scenario } of all) {
      await importRegisters();
      const r = await runScenario(env, activities, scenario).catch((e: unknown) => {
        throw new Error(`${file}: ${String(e)}`);
      });
      expect([file, r.mismatches]).toEqual([file, []]);
      const d = await mandate('DT-D5');
      // terminated: the first day without the mandate is the day after the decision (register.mandate_end_day)
      if (r.state.outcome === 'terminated') expect([file, d.termEnd]).toEqual([file, (r.state.facts as { register: { termEnd: string } }).register.termEnd]);
      else expect([file, d.termEnd]).toEqual([file, null]);
    }
  });

  it('the session of 06.03 ends the mandate in the register on 07.03, once: the step again changes nothing', async () => {
    const { scenario } = loadScenarios(EXAMPLES).find((s) => s.file.startsWith('01-'))!;
    const r = await runScenario(env, activities, scenario);
    expect(r.state.outcome).toBe('terminated');
    expect(await mandate('DT-D5')).toEqual({ termEnd: '2025-03-07', reason: `${r.workflowId}: Art. 20(3)(8)` });
    const ends = await db.pool.query(`SELECT deputy_id, term_end::text AS t FROM mandate_ends WHERE procedure_id = $1`, [r.workflowId]);
    expect(ends.rows).toEqual([{ deputy_id: 'DT-D5', t: '2025-03-07' }]);
    // the activity run again (a retry after a lost reply): nothing changes
    const again = await activities.endMandates({ procedureId: r.workflowId, maslikhatId: 'M-EX-P10', deputyIds: ['DT-D5'], decisionDate: '2025-03-06', termEnd: '2025-03-07', reason: 'x' });
    expect(again).toEqual({ ended: [], already: ['DT-D5'], endedBefore: [] });
    expect(await mandate('DT-D5')).toEqual({ termEnd: '2025-03-07', reason: `${r.workflowId}: Art. 20(3)(8)` });
    // another procedure closing the same mandate later leaves it as it is; an unknown mandate is bad input, not retried
    expect(await activities.endMandates({ procedureId: 'other', maslikhatId: 'M-EX-P10', deputyIds: ['DT-D5'], decisionDate: '2025-03-09', termEnd: '2025-03-10', reason: 'y' })).toEqual({ ended: [], already: [], endedBefore: [{ id: 'DT-D5', termEnd: '2025-03-07' }] });
    await expect(activities.endMandates({ procedureId: 'other', maslikhatId: 'M-EX-P10', deputyIds: ['DT-NOBODY'], decisionDate: '2025-03-09', termEnd: '2025-03-10', reason: 'y' })).rejects.toMatchObject({ type: 'RecordsInputError', nonRetryable: true });
    // another deputy's roster of 07.03 no longer counts DT-D5; that of 06.03 still does
    expect((await activities.rosterAsOf({ maslikhatId: 'M-EX-P10', date: '2025-03-06' })).deputies.map((x) => x.id)).toContain('DT-D5');
    expect((await activities.rosterAsOf({ maslikhatId: 'M-EX-P10', date: '2025-03-07' })).deputies.map((x) => x.id)).not.toContain('DT-D5');
  });

  it('a deputy not in the register: the start is refused naming deputy.id', async () => {
    const { scenario } = loadScenarios(EXAMPLES).find((s) => s.file.startsWith('01-'))!;
    const bad = { ...scenario, start: { ...scenario.start, input: { ...scenario.start.input, deputy: { id: 'DT-NOBODY', fullName: 'X' } } } };
    const { worker, taskQueue } = await testWorker(env, activities);
    await worker.runUntil(async () => {
      const i = { ...bad.start.input, editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, simulation: { legalStart: bad.start.at } };
      const failed = await env.client.workflow.execute('deputyEarlyTermination', { workflowId: 'deputy_early_termination:DT-NOBODY', taskQueue, args: [i] }).catch((e: unknown) => e);
      const cause = (failed as { cause?: unknown }).cause;
      expect(refusalCode(cause)?.code).toMatch(/not_a_deputy|not_registered|invalid_input/);
      expect(String((cause as Error).message)).toMatch(/deputy\.id|DT-NOBODY/);
    });
  });
});

describe('Art. 20(3)-(4): replay', () => {
  it('records a history (four absences, submission, terminated) and replays it', async () => {
    const { scenario } = loadScenarios(EXAMPLES).find((s) => s.file.startsWith('02-'))!;
    const r = await runScenario(env, activities, scenario, { keepRunning: true });
    const h = env.client.workflow.getHandle(r.workflowId);
    const history = await h.fetchHistory();
    await h.terminate('recorded').catch(() => undefined);
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'deputy_early_termination-absences.json'), historyToJSON(history));
  });

  it("replays every stored deputy_early_termination history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('deputy_early_termination-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
