// Art. 21(4)-(5) (P-09) under time skipping, with PostgreSQL: a sanction imposed and its bar kept in
// procedure_bars; a second procedure for the same misconduct refused, another misconduct not; the
// notice to the media; a stored history replayed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { testWorker, timeSkippingEnv } from '../harness/temporal.js';
import { refusalCode, runScenario } from '../harness/scenarios.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { procedureStack } from '../harness/procedure-stack.js';
import type { Scenario } from '../../workflows/scenario.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const stack = procedureStack();

const at = (date: string, time = '10:00'): string => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
let n = 0;
function input(deputy: string, misconductDate: string, ground = 'participation'): Record<string, unknown> {
  return {
    unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'tec-chair', role: 'commission_chair' }, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
    deputy: { id: deputy, fullName: `Депутат ${deputy}` },
    submission: { at: at('2025-04-14'), number: `TEC-${++n}`, commission: 'ТИК', measure: 'censure' },
    misconduct: { ground, date: misconductDate, description: 'Пропуск трёх заседаний' },
    media: { name: 'Газета', role: 'media', address: 'editor@example.kz' },
    roster: { seats: 30, deputies: Array.from({ length: 27 }, (_, i) => ({ id: `D${i + 1}` })) },
  };
}
function scenario(i: Record<string, unknown>, acts: Scenario['acts'], extra: Partial<Scenario> = {}): Scenario {
  return { format: 'tartip-scenario/1', procedure: 'deputy_sanction', title: 't', start: { at: at('2025-04-14', '12:00'), input: i }, acts, ...extra };
}
const decide = (d: string, present: number, votesFor: number) => ({ at: at(d), act: 'recordSessionDecision', input: { actor: clerk, session: { number: 'XII' }, measure: 'censure', present, votesFor } });
async function run(s: Scenario) {
  const r = await runScenario(stack.env, stack.activities, s);
  expect(r.mismatches).toEqual([]);
  return r;
}
/** Starts a procedure and waits for it to end: the refusal code of a start refused, or null. */
async function startRefusal(i: Record<string, unknown>): Promise<string | null> {
  const { worker, taskQueue } = await testWorker(stack.env, stack.activities);
  return worker.runUntil(async () => {
    const full = { editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, ...i, simulation: { legalStart: at('2025-05-05', '12:00') } };
    const h = await stack.env.client.workflow.start('deputySanction', { workflowId: `deputy_sanction:bar-${++n}`, taskQueue, args: [full] });
    const out = await h.result().then(() => 'ended', (e: unknown) => refusalCode((e as { cause?: unknown }).cause)?.code ?? String(e));
    if (out !== 'ended') return out;
    return null;
  }).catch((e: unknown) => String(e));
}

describe('Art. 21(4)-(5): a sanction on a deputy', () => {
  it('imposed by 11 of 20 present: the bar is in PostgreSQL; the same misconduct again is refused, another day is not', async () => {
    const before = stack.smtp.messages.length;
    const r = await run(scenario(input('D5', '2025-03-20'), [decide('2025-04-24', 20, 11)], { expect: { stage: 'imposed' } }));
    expect(stack.smtp.messages.slice(before).some((m) => m.to.includes('editor@example.kz'))).toBe(true);
    const bars = await stack.db.pool.query(`SELECT rule, subject, matter_key, from_date::text, until_date FROM procedure_bars WHERE procedure_id = $1 ORDER BY matter_key`, [r.workflowId]);
    expect(bars.rows).toEqual([
      { rule: 'art21.p5.no_repeat', subject: 'D5', matter_key: 'description:пропуск трех заседаний', from_date: '2025-04-24', until_date: null },
      { rule: 'art21.p5.no_repeat', subject: 'D5', matter_key: 'ground_date:participation|2025-03-20', from_date: '2025-04-24', until_date: null },
    ]);
    // a later submission for the same misconduct (deputy, ground, day): refused, citing 21(5)
    const second = input('D5', '2025-03-20');
    (second.submission as Record<string, unknown>).at = at('2025-05-05');
    expect(await startRefusal(second)).toBe('already_sanctioned');
    // the bar table is append-only
    await expect(stack.db.pool.query(`DELETE FROM procedure_bars WHERE procedure_id = $1`, [r.workflowId])).rejects.toThrow(/append-only/);
    // the same deputy for a misconduct of another day is not barred
    const other = input('D5', '2025-03-27');
    await run(scenario(other, [decide('2025-04-24', 20, 11)], { expect: { stage: 'imposed' } }));
  });

  it('10 of 20 present: not imposed, no bar; the same misconduct may be submitted again', async () => {
    const r = await run(scenario(input('D6', '2025-03-21'), [decide('2025-04-24', 20, 10)], { expect: { stage: 'closed', outcome: 'not_imposed' } }));
    expect((await stack.db.pool.query(`SELECT 1 FROM procedure_bars WHERE procedure_id = $1`, [r.workflowId])).rowCount).toBe(0);
    await run(scenario(input('D6', '2025-03-21'), [decide('2025-04-25', 20, 11)], { expect: { stage: 'imposed' } }));
  });
});

describe('Art. 21(4)-(5): replay', () => {
  it('records a history (submitted, imposed, published) and replays it', async () => {
    const r = await runScenario(stack.env, stack.activities, scenario(input('D9', '2025-03-25'), [decide('2025-04-24', 20, 11),
      { at: at('2025-04-28'), act: 'recordPublication', input: { actor: clerk, outlet: 'Газета', publishedOn: '2025-04-26', reference: '№ 17' } }]), { keepRunning: true });
    const history = await stack.env.client.workflow.getHandle(r.workflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'deputy_sanction-censure-published.json'), historyToJSON(history));
  });

  it("replays every stored deputy_sanction history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('deputy_sanction-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
