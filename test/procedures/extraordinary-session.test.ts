// Art. 10(2)-(3) (P-04) under time skipping: the five-day timer and the lead times of 10(3) firing,
// the notice to the akim sent, a stored history recorded and replayed.
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
const chair = { kind: 'official', id: 'chair-1', role: 'session_chair' };
let n = 0;
function scenario(acts: Scenario['acts'], extra: Partial<Scenario> = {}): Scenario {
  return {
    format: 'tartip-scenario/1', procedure: 'extraordinary_session', title: 't', start: {
      at: at('2025-04-14', '12:00'), input: {
        unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'secretary-1', role: 'secretary' }, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
        akim: { name: 'Аким', role: 'akim', address: 'akim@example.kz' },
        proposal: { id: `P${++n}`, at: at('2025-04-14'), by: 'deputies', deputies: Array.from({ length: 9 }, (_, i) => `D${i + 1}`), issues: [{ id: 'Q1', title: 'Об уточнении бюджета' }] },
        roster: { seats: 30, deputies: Array.from({ length: 27 }, (_, i) => ({ id: `D${i + 1}` })) },
      },
    }, acts, ...extra,
  };
}
const decide = (d: string) => ({ at: at(d), act: 'decide', input: { actor: chair, decision: { number: '1' } } });
const convene = (d: string, s: string) => ({ at: at(d), act: 'convene', input: { actor: chair, session: { date: s, place: 'зал' } } });
const facts = (s: ProcedureState) => s.facts as Record<string, any>;
async function run(s: Scenario) {
  const r = await runScenario(stack.env, stack.activities, s);
  expect(r.mismatches).toEqual([]);
  return r;
}

describe('Art. 10(2)-(3): an extraordinary session', () => {
  it('the five-day timer: not fired on 21.04 (23:00), fired on 22.04; the timer_expiry carries the derivation', async () => {
    const inTime = await run(scenario([decide('2025-04-15')], { runUntil: at('2025-04-21', '23:00') }));
    expect(facts(inTime.state).overdue).toEqual([]);
    const fired = await run(scenario([decide('2025-04-15')], { runUntil: at('2025-04-22', '09:00'), expect: { stage: 'decided' } }));
    expect(facts(fired.state).overdue).toEqual(['art10.p2.extraordinary_convened']);
    const ledger = await stack.db.pool.query(`SELECT act_type, payload FROM ledger WHERE procedure_id = $1 ORDER BY seq`, [fired.workflowId]);
    const expiry = ledger.rows.find((x) => x.act_type === 'timer_expiry')!.payload;
    // 15.04 + five calendar days: 16–20.04, 20.04 a Sunday → 21.04
    expect(expiry.period).toMatchObject({ rule: 'art10.p2.extraordinary_convened', anchor: '2025-04-15', date: '2025-04-21' });
  });

  it('convened for 21.04: the akim is told, the lead times (18.04) fire on 19.04 when nothing was announced', async () => {
    const before = stack.smtp.messages.length;
    const r = await run(scenario([decide('2025-04-15'), convene('2025-04-16', '2025-04-21')], { runUntil: at('2025-04-19', '09:00'), expect: { stage: 'convened' } }));
    expect(facts(r.state).overdue).toEqual(['art10.p3.notice_extraordinary', 'art10.p3.materials_extraordinary']);
    expect(stack.smtp.messages.slice(before).some((m) => m.to.includes('akim@example.kz'))).toBe(true);
  });

  it('another item is refused with Art. 10(2); the session on its grounds is held', async () => {
    const r = await run(scenario([decide('2025-04-15'), convene('2025-04-16', '2025-04-21'),
      { at: at('2025-04-21'), act: 'holdSession', input: { actor: chair, present: 25, agenda: ['Q1', 'Q2'] }, expectRefusal: 'not_a_ground' },
      { at: at('2025-04-21', '11:00'), act: 'holdSession', input: { actor: chair, present: 25, agenda: ['Q1'] } }], { expect: { stage: 'closed', outcome: 'held' } }));
    expect(r.acts[2]!.message).toMatch(/agenda\.1/);
  });

  it('an issue linked to a registered no-confidence procedure of the maslikhat: read from the procedures table, in the facts and the ledger', async () => {
    const linked = 'no_confidence:AKIM-LINK-1';
    await stack.db.pool.query(`INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ($1, 'no_confidence', 'kz-148@2018-07-12', 'c', 't', $2) ON CONFLICT DO NOTHING`, [linked, JSON.stringify({ maslikhatId: 'M-TEST' })]);
    const s = scenario([decide('2025-04-15')], { expect: { stage: 'decided' } });
    const i = s.start.input as { proposal: { issues: object[] } };
    i.proposal.issues = [{ id: 'Q1', title: 'О выражении вотума недоверия акиму', for: { procedureId: linked } }];
    const r = await run(s);
    expect(facts(r.state).links).toMatchObject([{ issueId: 'Q1', procedureId: linked, kind: 'no_confidence', citation: { article: '24', paragraph: '5' } }]);
    const ledger = await stack.db.pool.query(`SELECT payload, citation FROM ledger WHERE procedure_id = $1 AND act_type = 'extraordinary_session_proposed'`, [r.workflowId]);
    expect(ledger.rows[0]!.payload.links).toMatchObject([{ issueId: 'Q1', procedureId: linked }]);
    expect(ledger.rows[0]!.citation.map((c: { article: string }) => c.article)).toEqual(['10', '24']);
  });
});

describe('Art. 10(2)-(3): replay', () => {
  it('records a history (decided, convened, the lead times fired) and replays it', async () => {
    const r = await runScenario(stack.env, stack.activities, scenario([decide('2025-04-15'), convene('2025-04-16', '2025-04-21')], { runUntil: at('2025-04-19', '09:00') }), { keepRunning: true });
    const history = await stack.env.client.workflow.getHandle(r.workflowId).fetchHistory();
    await stack.env.client.workflow.getHandle(r.workflowId).terminate('recorded');
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'extraordinary_session-lead-times-overdue.json'), historyToJSON(history));
  });

  it("replays every stored extraordinary_session history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('extraordinary_session-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
