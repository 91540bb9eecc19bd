// The foundation's proofs on real Temporal servers: a six-month statutory wait under time
// skipping, replay of its history, and a determinism failure for an incompatible change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { buildActivities } from '../../worker/activities.js';
import { statutoryWait } from '../../workflows/statutory-wait.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORY_FILE = path.join(PROJECT_ROOT, 'test/histories/statutory-wait.json');
const calendarRef = `kz-official@${LATEST_OFFICIAL_VERSION}`;

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
beforeAll(async () => {
  env = await timeSkippingEnv();
  db = await freshDatabase();
});
afterAll(async () => {
  await env?.teardown();
  await db?.close();
});

describe('Art. 24(8): six months pass in seconds under time skipping', () => {
  let history: unknown;

  it('arms the waiting period, fires on the first allowed day, and records the procedure', async () => {
    const { worker, taskQueue } = await testWorker(env, buildActivities(db.pool));
    const workflowId = 'wait-art24-p8';
    // Anchor far ahead of the server clock, so the timer really waits (the test server starts at "now").
    const result = await worker.runUntil(
      env.client.workflow.execute(statutoryWait, {
        workflowId,
        taskQueue,
        args: [{ rule: 'art24.p8.repeat_vote', anchor: '2036-03-17', editionId: DEFAULT_EDITION_ID, calendarRef, startedBy: { kind: 'person', id: 'test' }, unit: 'KZ-TEST' }],
      }),
    );
    // "по истечении шести месяцев": the period runs 18.03–17.09; the repeat vote is allowed from 18.09.
    expect(result.period.date).toBe('2036-09-18');
    expect(result.period.kind).toBe('waiting');
    expect(result.period.citations[0]).toMatchObject({ article: '24', paragraph: '8' });
    // calendar months, no move off a non-working day: the Art. 24(8) wait consults no working days
    expect(result.period.skipped).toEqual([]);
    // the timer fired at the legal instant (00:00 Kazakhstan time = 19:00 UTC the day before), not earlier
    expect(result.period.instant).toBe('2036-09-17T19:00:00.000Z');
    expect(Date.parse(result.firedAt)).toBeGreaterThanOrEqual(Date.parse(result.period.instant));
    expect(Date.parse(result.firedAt) - Date.parse(result.period.instant)).toBeLessThan(60_000);
    const row = await db.pool.query('SELECT kind, edition_id, calendar_id FROM procedures WHERE procedure_id = $1', [workflowId]);
    expect(row.rows).toEqual([{ kind: 'statutory_wait', edition_id: DEFAULT_EDITION_ID, calendar_id: calendarRef }]);
    history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    const events = (history as { events: { timerStartedEventAttributes?: unknown; timerFiredEventAttributes?: unknown }[] }).events;
    expect(events.some((e) => e.timerStartedEventAttributes)).toBe(true);
    expect(events.some((e) => e.timerFiredEventAttributes)).toBe(true);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(HISTORY_FILE, historyToJSON(history as never));
  });

  it('replays its history deterministically against today\'s code', async () => {
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history as never, 'wait-art24-p8');
  });

  it('fails with a determinism error against a deliberately incompatible change', async () => {
    const changed = await bundleWorkflowCode({ workflowsPath: path.join(PROJECT_ROOT, 'test/fixtures/changed-workflows/index.ts') });
    await expect(Worker.runReplayHistory({ workflowBundle: changed }, history as never, 'wait-art24-p8')).rejects.toBeInstanceOf(DeterminismViolationError);
  });

  it('replays the stored history of an earlier run (a change that breaks running procedures fails here)', async () => {
    expect(existsSync(HISTORY_FILE)).toBe(true);
    const stored = historyFromJSON(JSON.parse(readFileSync(HISTORY_FILE, 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, 'stored-statutory-wait');
  });
});

describe('a later procedure that reuses a workflow id keeps its own record', () => {
  it('two runs of the same statutory wait, one after the other, both record their expiry', async () => {
    const { worker, taskQueue } = await testWorker(env, buildActivities(db.pool));
    const workflowId = 'wait-reused-id';
    const input = { rule: 'art24.p8.repeat_vote', anchor: '2030-03-17', editionId: DEFAULT_EDITION_ID, calendarRef, startedBy: { kind: 'person' as const, id: 'test' }, unit: 'KZ-TEST' };
    await worker.runUntil(async () => {
      await env.client.workflow.execute(statutoryWait, { workflowId, taskQueue, args: [input] });
      await env.client.workflow.execute(statutoryWait, { workflowId, taskQueue, args: [input] });
    });
    const rows = await db.pool.query(`SELECT idem_key AS key, seq FROM ledger WHERE procedure_id = $1 AND act_type = 'timer_expiry' ORDER BY seq`, [workflowId]);
    expect(rows.rows).toHaveLength(2);
    expect(new Set(rows.rows.map((r: { key: string }) => r.key)).size).toBe(2);
  });
});
