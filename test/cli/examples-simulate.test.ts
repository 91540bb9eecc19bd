// Every example in examples/ runs under `tartip simulate <file>` with no flags: the simulator reads
// what the scenario names beside it (its registers folder, the signature sheets a step imports).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSimulator, loadScenarioFiles, parseScenario, type Simulator } from '../../client/simulate.js';
import { readFileSync } from 'node:fs';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { timeSkippingEnv } from '../harness/temporal.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const EXAMPLES = path.join(PROJECT_ROOT, 'examples');
const files = readdirSync(EXAMPLES)
  .filter((d) => statSync(path.join(EXAMPLES, d)).isDirectory())
  .flatMap((d) => readdirSync(path.join(EXAMPLES, d)).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)))
  .sort();

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let sim: Simulator;
beforeAll(async () => {
  [env, db] = await Promise.all([timeSkippingEnv(), freshDatabase()]);
  sim = await createSimulator({ env, pool: db.pool, workflowBundle: { codePath: inject('workflowBundlePath') } });
});
afterAll(async () => {
  await sim?.close();
  await env?.teardown();
  await db?.close();
});

describe('tartip simulate runs every example with no flags', () => {
  it('there are examples of every procedure kind', () => {
    expect(new Set(files.map((f) => f.split(path.sep)[0]))).toEqual(new Set(['akim_consent', 'deputy_early_termination', 'deputy_sanction', 'extraordinary_session', 'first_session', 'maslikhat_early_termination', 'no_confidence', 'regular_session', 'rural_akim_election', 'senate_recall', 'statutory_wait']));
    expect(files.length).toBeGreaterThanOrEqual(38);
  });
  for (const f of files) {
    it(f, async () => {
      const file = path.join(EXAMPLES, f);
      const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
      const r = await sim.run(scenario, undefined, loadScenarioFiles(path.dirname(file), scenario));
      expect(r.problems).toEqual([]);
      expect(r.acts.every((a) => a.asExpected)).toBe(true);
    });
  }
});
