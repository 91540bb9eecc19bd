// Art. 10(1), 11(2) (P-02) under time skipping: the thirty-day timer firing and its notices to the
// commission and the akim, the convening refused below three quarters, a stored history replayed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { runScenario } from '../harness/scenarios.js';
import { procedureStack } from '../harness/procedure-stack.js';
import type { ProcedureState } from '../../workflows/procedure.js';
import type { Scenario } from '../../workflows/scenario.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const stack = procedureStack();

const at = (date: string, time = '10:00'): string => `${date}T${time}:00+05:00`;
const tec = { kind: 'official', id: 'tec-chair', role: 'commission_chair' };
const reg = (from: number, to: number, on: string) => Array.from({ length: to - from + 1 }, (_, i) => ({ deputyId: `D${from + i}`, on }));
let n = 0;
function scenario(registrations: { deputyId: string; on: string }[], acts: Scenario['acts'], extra: Partial<Scenario> = {}): Scenario {
  return {
    format: 'tartip-scenario/1', procedure: 'first_session', title: 't', start: {
      at: at('2025-09-02', '12:00'), input: {
        unit: 'KZ-TEST', startedBy: tec, maslikhatId: 'M-NEW', maslikhatName: 'Тестовый маслихат', convocation: `C${++n}`,
        commission: { name: 'ТИК', role: 'territorial_election_commission', address: 'tec@example.kz', chair: { id: 'tec-chair', fullName: 'Председатель ТИК' } },
        akim: { name: 'Аким', role: 'akim', address: 'akim@example.kz' },
        registrations, roster: { seats: 30, deputies: Array.from({ length: 25 }, (_, i) => ({ id: `D${i + 1}` })) },
      },
    }, acts, ...extra,
  };
}
const convene = (d: string, s: string, refusal?: string) => ({ at: at(d), act: 'convene', input: { actor: tec, session: { date: s, place: 'зал' } }, ...(refusal ? { expectRefusal: refusal } : {}) });
const facts = (s: ProcedureState) => s.facts as Record<string, any>;
async function run(s: Scenario) {
  const r = await runScenario(stack.env, stack.activities, s);
  expect(r.mismatches).toEqual([]);
  return r;
}

describe('Art. 10(1): the first session', () => {
  it('the thirty-day timer: not fired on 02.10 (23:00); fired on 03.10, the commission and the akim told', async () => {
    const inTime = await run(scenario(reg(1, 25, '2025-09-02'), [], { runUntil: at('2025-10-02', '23:00') }));
    expect(facts(inTime.state).overdue).toEqual([]);
    const before = stack.smtp.messages.length;
    const fired = await run(scenario(reg(1, 25, '2025-09-02'), [], { runUntil: at('2025-10-03', '09:00'), expect: { stage: 'registration' } }));
    expect(facts(fired.state).overdue).toEqual(['art10.p1.first_session']);
    const to = stack.smtp.messages.slice(before).flatMap((m) => m.to);
    expect(to).toEqual(expect.arrayContaining(['tec@example.kz', 'akim@example.kz']));
    const ledger = await stack.db.pool.query(`SELECT act_type, payload FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [fired.workflowId]);
    // 02.09 + thirty calendar days → 02.10
    expect(ledger.rows.find((x) => x.act_type === 'timer_expiry')!.payload.period).toMatchObject({ rule: 'art10.p1.first_session', anchor: '2025-09-02', date: '2025-10-02' });
  });

  it('22 of 30: convening refused with the count; the 23rd registration opens the thirty days (06.10)', async () => {
    const r = await run(scenario(reg(1, 22, '2025-09-02'), [convene('2025-09-03', '2025-09-10', 'below_threshold'),
      { at: at('2025-09-05'), act: 'registerDeputies', input: { actor: tec, registrations: reg(23, 23, '2025-09-05') } }], { expect: { stage: 'registration', deadlines: { 'art10.p1.first_session': '2025-10-06' } } }));
    expect(r.acts[0]!.message).toMatch(/22 of the 30 seats/);
  });
});

describe('Art. 10(1): replay', () => {
  it('records a history (22 registered, refused, the 23rd, convened, opened) and replays it', async () => {
    const r = await runScenario(stack.env, stack.activities, scenario(reg(1, 22, '2025-09-02'), [convene('2025-09-03', '2025-09-10', 'below_threshold'),
      { at: at('2025-09-05'), act: 'registerDeputies', input: { actor: tec, registrations: reg(23, 23, '2025-09-05') } }, convene('2025-09-08', '2025-09-15'),
      { at: at('2025-09-15'), act: 'openSession', input: { actor: tec, present: 22, presidedBy: { id: 'tec-chair' } } }]), { keepRunning: true });
    const history = await stack.env.client.workflow.getHandle(r.workflowId).fetchHistory();
    await stack.env.client.workflow.getHandle(r.workflowId).terminate('recorded');
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'first_session-three-quarters-reached.json'), historyToJSON(history));
  });

  it("replays every stored first_session history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('first_session-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
