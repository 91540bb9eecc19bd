// Runs a scenario file (workflows/scenario.ts) in a time-skipping environment: starts the
// procedure with simulation.legalStart = start.at, lets time pass until each act's `at`,
// performs it as a workflow Update, lets time run to `runUntil`, and compares `expect` with
// the `state` query. Reusable by every procedure's tests.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { definitionOf } from '../../workflows/definitions.js';
import type { ProcedureState } from '../../workflows/procedure.js';
import { ScenarioSchema, isImport, type Scenario, type ScenarioImport } from '../../workflows/scenario.js';
import { testWorker } from './temporal.js';

export interface ActRun {
  act: string;
  at: string;
  /** refusal code (`Refused:<code>` without the prefix, or 'invalid_input'); null when accepted */
  refused: string | null;
  message?: string;
  expected: string | null;
}

export interface ScenarioRun {
  workflowId: string;
  state: ProcedureState;
  acts: ActRun[];
  /** what did not match the scenario's expectations (refusals and `expect`); empty when all did */
  mismatches: string[];
}

export function loadScenarios(dir: string): { file: string; scenario: Scenario }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, scenario: ScenarioSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))) }));
}

/** The refusal code of a failed Update, or null. */
export function refusalCode(e: unknown): { code: string; message: string } | null {
  const cause = e instanceof WorkflowUpdateFailedError ? e.cause : e;
  if (cause instanceof ApplicationFailure) {
    const t = cause.type ?? '';
    return { code: t.startsWith('Refused:') ? t.slice('Refused:'.length) : t === 'InvalidInput' ? 'invalid_input' : t, message: cause.message };
  }
  return null;
}

export { waitIdle } from '../../client/simulate.js';
import { waitIdle } from '../../client/simulate.js';

export async function runScenario(
  env: TestWorkflowEnvironment,
  activities: object,
  scenario: Scenario,
  opts: { workflowId?: string; keepRunning?: boolean; onImport?: (step: ScenarioImport, workflowId: string) => Promise<void> } = {},
): Promise<ScenarioRun> {
  const def = definitionOf(scenario.procedure);
  if (!def) throw new Error(`no procedure ${scenario.procedure}`);
  const input = {
    editionId: DEFAULT_EDITION_ID,
    calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`,
    ...scenario.start.input,
    simulation: { legalStart: scenario.start.at },
  };
  const workflowId = opts.workflowId ?? `${def.workflowId(input)}#${randomUUID()}`;
  const { worker, taskQueue } = await testWorker(env, activities);
  const acts: ActRun[] = [];
  const mismatches: string[] = [];
  const state = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(def.workflowType, { workflowId, taskQueue, args: [input] });
    let legal = Date.parse(scenario.start.at);
    const passUntil = async (iso: string): Promise<void> => {
      const ms = Date.parse(iso) - legal;
      if (ms > 0) await env.sleep(ms);
      legal = Math.max(legal, Date.parse(iso));
    };
    for (const a of scenario.acts) {
      await passUntil(a.at);
      await waitIdle(handle);
      if (isImport(a)) {
        if (!opts.onImport) throw new Error(`scenario step imports ${a.signatures}: pass onImport`);
        await opts.onImport(a, workflowId);
        continue;
      }
      let refused: { code: string; message: string } | null = null;
      try {
        await handle.executeUpdate(a.act, { args: [{ ...a.input, at: a.at }] });
      } catch (e) {
        refused = refusalCode(e);
        if (!refused) throw e;
      }
      const expected = a.expectRefusal ?? null;
      acts.push({ act: a.act, at: a.at, refused: refused?.code ?? null, ...(refused ? { message: refused.message } : {}), expected });
      if ((refused?.code ?? null) !== expected) mismatches.push(`${a.act} at ${a.at}: expected ${expected ?? 'accepted'}, got ${refused ? `${refused.code} (${refused.message})` : 'accepted'}`);
    }
    if (scenario.runUntil) await passUntil(scenario.runUntil);
    await waitIdle(handle);
    const st = (await handle.query('state')) as ProcedureState;
    // a finished run leaves nothing behind: open timers of orphaned runs would fire in later tests
    if (!opts.keepRunning) {
      const d = await handle.describe();
      if (d.status.name === 'RUNNING') await handle.terminate('scenario run finished');
    }
    return st;
  });
  const x = scenario.expect;
  if (x?.stage !== undefined && state.stage !== x.stage) mismatches.push(`stage: expected ${x.stage}, got ${state.stage}`);
  if (x?.outcome !== undefined && state.outcome !== x.outcome) mismatches.push(`outcome: expected ${x.outcome}, got ${state.outcome}`);
  const periods = [
    ...state.deadlines.map((d) => d.period),
    ...((state.facts as { periods?: { rule: string; date: string }[] }).periods ?? []),
  ];
  for (const [ruleId, date] of Object.entries(x?.deadlines ?? {})) {
    const dates = periods.filter((p) => p.rule === ruleId).map((p) => p.date);
    if (!dates.includes(date)) mismatches.push(`deadline ${ruleId}: expected ${date}, computed ${dates.join(', ') || 'none'}`);
  }
  return { workflowId, state, acts, mismatches };
}
