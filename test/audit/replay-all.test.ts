// `tartip audit replay --all`: every execution a visibility query finds on a real (dev) server,
// replayed against today's code, with a summary.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { devServerEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { buildActivities } from '../../worker/activities.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { statutoryWait } from '../../workflows/statutory-wait.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  [env, db] = await Promise.all([devServerEnv(), freshDatabase()]);
  let taskQueue: string;
  ({ worker, taskQueue } = await testWorker(env, buildActivities(db.pool)));
  running = worker.run();
  for (const anchor of ['2036-03-17', '2036-04-01']) {
    const h = await env.client.workflow.start(statutoryWait, {
      workflowId: `replay-all-${anchor}`,
      taskQueue,
      args: [{ rule: 'art24.p8.repeat_vote', anchor, editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, startedBy: { kind: 'person', id: 'test' }, unit: 'KZ-TEST' }],
    });
    // armed: the timer is in the history
    for (let i = 0; i < 100; i++) {
      const hist = await h.fetchHistory();
      if (hist.events?.some((e) => e.timerStartedEventAttributes)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await db?.close();
});

describe('tartip audit replay --all', () => {
  it('replays what the visibility query finds and prints a summary', async () => {
    // visibility is eventually consistent
    for (let i = 0; i < 50; i++) {
      const n = await env.client.workflow.count('TartipProcedure = "statutory_wait"');
      if (n.count >= 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'client/cli.ts'), 'audit', 'replay', '--all', '--query', 'TartipProcedure = "statutory_wait"', '--json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: env.namespace ?? 'default' },
    });
    expect(r.stderr.split('\n').filter((l) => l.startsWith('tartip'))).toEqual([]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: unknown; results: { workflowId: string; ok: boolean }[] };
    expect(out.summary).toEqual({ total: 2, deterministic: 2, diverged: 0, failed: 0 });
    expect(out.results.map((x) => x.workflowId).sort()).toEqual(['replay-all-2036-03-17', 'replay-all-2036-04-01']);
  });
});
