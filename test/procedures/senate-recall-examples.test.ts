// The example scenarios of examples/senate_recall/ (one per branch), run by the shared scenario
// runner; each one's signatures (<name>.csv) are imported by its own scenario step.
// Their histories replay against today's code, and so does every stored senate_recall history.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { loadScenarios, runScenario } from '../harness/scenarios.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { importSignatureSheetsCsv } from '../../activities/senate-recall.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { senateRecallDefinition } from '../../workflows/senate-recall.js';
import { seedRegion } from './senate-recall-helpers.js';

const DIR = path.join(PROJECT_ROOT, 'examples/senate_recall');
const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const RECORD = new Set(['powers-terminated', 'refused-below-25pct', 'late-sheets', 'no-quorum']);

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let smtp: TestSmtpServer;
let activities: ReturnType<typeof buildActivities>;

beforeAll(async () => {
  [env, db, smtp] = await Promise.all([timeSkippingEnv(), freshDatabase(), startSmtpServer()]);
  await seedRegion(db.pool);
  activities = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
});
afterAll(async () => {
  await closeBuiltActivities(activities);
  await env?.teardown();
  await smtp?.close();
  await db?.close();
});

describe('examples/senate_recall: one scenario per branch', () => {
  const scenarios = loadScenarios(DIR);
  it('covers every outcome', () => {
    const outcomes = new Set(scenarios.map((s) => s.scenario.expect?.outcome));
    for (const o of ['powers_terminated', 'not_terminated', 'refused', 'vote_not_held', 'lapsed', null]) expect(outcomes).toContain(o);
  });

  for (const { file, scenario } of scenarios) {
    it(`${file}: ${scenario.title}`, async () => {
      const input = scenario.start.input as { initiation: { decisionDate: string } };
      const workflowId = senateRecallDefinition.workflowId(input);
      // the scenario's own step loads its sheets, as `tartip signatures import` would
      const run = await runScenario(env, activities, scenario, {
        workflowId,
        onImport: async (step) => void (await importSignatureSheetsCsv({ pool: db.pool }, { procedureId: workflowId, runKey: input.initiation.decisionDate, csv: readFileSync(path.join(DIR, step.signatures), 'utf8') })),
      });
      expect(run.mismatches).toEqual([]);
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);
      const name = file.replace(/\.json$/, '');
      if (process.env.TARTIP_RECORD_HISTORIES === '1' && RECORD.has(name)) writeFileSync(path.join(HISTORIES, `senate_recall-${name}.json`), historyToJSON(history));
    });
  }
});

describe('stored senate_recall histories replay against today\'s code', () => {
  const files = existsSync(HISTORIES) ? readdirSync(HISTORIES).filter((f) => /^senate_recall-.*\.json$/.test(f)).sort() : [];
  it('there are stored histories', () => {
    expect(files.length).toBeGreaterThanOrEqual(RECORD.size);
  });
  for (const f of files) {
    it(f, async () => {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    });
  }
});
