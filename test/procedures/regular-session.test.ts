// A regular session (P-03, P-05, P-06) under time skipping, with PostgreSQL and SMTP: what only
// they prove — the timers of 10(3) and of the year firing, the marks of activities/sessions.ts
// counted across procedures (the year of 10(2), the chair's calendar year of 18(3)), a recorded
// history replaying. The law's branches are in regular-session.pure.test.ts and the examples.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { runScenario } from '../harness/scenarios.js';
import { procedureStack } from '../harness/procedure-stack.js';
import type { Scenario } from '../../workflows/scenario.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const stack = procedureStack();

const at = (date: string, time = '10:00'): string => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const to = (role: string) => ({ name: role, role, address: `${role}@example.kz` });
const act = (date: string, name: string, input: Record<string, unknown> = {}, expectRefusal?: string, time = '10:00') => ({ at: at(date, time), act: name, input: { actor: clerk, ...input }, ...(expectRefusal ? { expectRefusal } : {}) });
const docs = { documents: [{ itemId: 'I1', title: 'Проект' }] };

/** A session of maslikhat `m`, numbered `n`, decided 17 days before `day` (notice by day − 10, materials by day − 5). */
function session(m: string, n: string, decided: string, day: string, acts: Scenario['acts'], extra: Partial<Scenario> = {}): Scenario {
  return {
    format: 'tartip-scenario/1', procedure: 'regular_session', title: `${m} ${n}`,
    start: {
      at: at(decided, '12:00'),
      input: {
        unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'chair', role: 'session_chair' }, maslikhatId: m, maslikhatName: `Маслихат ${m}`, session: { number: n },
        convening: { at: at(decided), by: 'chair', chair: { deputyId: 'D1' }, day, place: 'зал', agenda: [{ id: 'I1', title: 'О плане работы' }] },
        addressees: { deputies: to('deputies'), population: to('population'), akim: to('akim'), secretary: to('secretary') },
        roster: { seats: 30, deputies: Array.from({ length: 30 }, (_, i) => ({ id: `D${i + 1}` })) },
      },
    },
    acts, ...extra,
  };
}
const held = (decided: string, day: string, middle: Scenario['acts'] = []): Scenario['acts'] => [
  act(decided, 'announce', {}, undefined, '13:00'), act(decided, 'materials', docs, undefined, '13:30'),
  act(day, 'open', { presiding: 'chair', present: 30 }), ...middle,
  act(day, 'closeSession', {}, undefined, '18:00'), act(day, 'signProtocol', { chair: 'D1', secretary: 'secretary-1' }, undefined, '19:00'),
];
async function run(s: Scenario) {
  const r = await runScenario(stack.env, stack.activities, s);
  expect(r.mismatches).toEqual([]);
  expect(r.acts.filter((a) => a.refused !== a.expected).map((a) => `${a.act}: ${a.refused ?? 'accepted'} ${a.message ?? ''}`)).toEqual([]);
  return r;
}
const facts = (r: { state: { facts: unknown } }) => r.state.facts as Record<string, any>;

describe('regular session: timers and the marks across sessions', () => {
  it('no notice by 10.03 (session 20.03): the timer fires at 24:00 of 10.03, recorded with its derivation', async () => {
    const before = await run(session('M-T1', '1', '2025-03-03', '2025-03-20', [], { runUntil: at('2025-03-10', '23:00') }));
    expect(facts(before).overdue).toEqual([]);
    const r = await run(session('M-T1', '2', '2025-03-03', '2025-03-20', [], { runUntil: at('2025-03-11', '09:00'), expect: { stage: 'convened', deadlines: { 'art10.p3.notice_regular': '2025-03-10' } } }));
    expect(facts(r).overdue).toEqual(['art10.p3.notice_regular']);
    const ledger = await stack.db.pool.query(`SELECT payload FROM ledger WHERE procedure_id = $1 AND act_type = 'timer_expiry'`, [r.workflowId]);
    expect(ledger.rows[0].payload).toMatchObject({ rule: 'art10.p3.notice_regular', consequence: 'overdue', period: { direction: 'before', anchor: '2025-03-20', date: '2025-03-10' } });
  });

  it('the year from the records: a second session of 2025 counts the first (held 2, next notice by 11.12); a session of 2024 does not', async () => {
    await run(session('M-T2', '9', '2024-12-01', '2024-12-18', held('2024-12-01', '2024-12-18')));
    const first = await run(session('M-T2', '10', '2025-01-03', '2025-01-20', held('2025-01-03', '2025-01-20')));
    expect(facts(first).year).toEqual({ from: '2025-01-01', to: '2025-12-31', held: 1, needed: 3, latestNotice: '2025-12-01' });
    const second = await run(session('M-T2', '11', '2025-02-03', '2025-02-20', held('2025-02-03', '2025-02-20')));
    // two held, two needed: the last by 31.12, its notice by 21.12, the next one's notice by 11.12
    expect(facts(second).year).toEqual({ from: '2025-01-01', to: '2025-12-31', held: 2, needed: 2, latestNotice: '2025-12-11' });
    const rows = await stack.db.pool.query(`SELECT mark, on_date::text FROM maslikhat_session_marks WHERE procedure_id = $1 ORDER BY mark`, [second.workflowId]);
    expect(rows.rows).toEqual([{ mark: 'chaired', on_date: '2025-02-20' }, { mark: 'convened', on_date: '2025-02-20' }, { mark: 'held', on_date: '2025-02-20' }]);
    // the marks are append-only
    await expect(stack.db.pool.query(`DELETE FROM maslikhat_session_marks WHERE procedure_id = $1`, [second.workflowId])).rejects.toThrow(/append-only/);
  });

  it('18(3): D7 elected chair twice in 2025 by two sessions; a third session of 2025 cannot elect D7, D8 it can; in 2026 D7 again', async () => {
    const elect = (day: string, deputyId: string, refusal?: string) => act(day, 'electChair', { deputyId, present: 30, votesFor: 20, votesAgainst: 5 }, refusal, '15:00');
    await run(session('M-T3', '10', '2025-01-03', '2025-01-20', held('2025-01-03', '2025-01-20', [elect('2025-01-20', 'D7')])));
    await run(session('M-T3', '11', '2025-02-03', '2025-02-20', held('2025-02-03', '2025-02-20', [elect('2025-02-20', 'D7')])));
    const third = await run(session('M-T3', '12', '2025-03-03', '2025-03-20', held('2025-03-03', '2025-03-20', [elect('2025-03-20', 'D7', 'above_cap'), elect('2025-03-20', 'D8')])));
    expect(facts(third).nextChair).toBe('D8');
    await run(session('M-T3', '13', '2025-12-20', '2026-01-12', held('2025-12-20', '2026-01-12', [elect('2026-01-12', 'D7')])));
  });

  it('10(2): the year deadline passes with nothing convened: the secretary is told by e-mail that four can no longer fit', async () => {
    const before = stack.smtp.messages.length;
    const r = await run(session('M-T4', '1', '2025-03-03', '2025-03-20', held('2025-03-03', '2025-03-20'), { runUntil: at('2025-12-02'), expect: { stage: 'closed', outcome: 'held' } }));
    const ledger = await stack.db.pool.query(`SELECT payload FROM ledger WHERE procedure_id = $1 AND act_type = 'timer_expiry'`, [r.workflowId]);
    expect(ledger.rows.map((x) => x.payload.consequence)).toEqual(['cannot_fit']);
    const mails = stack.smtp.messages.slice(before).filter((m) => m.to.includes('secretary@example.kz'));
    expect(mails.length).toBe(2); // the plan at the session, the warning on 02.12
  });
});

describe('regular session: replay', () => {
  it('records a history (late notice, a tie, a break, the next chair, the year warning) and replays it', async () => {
    const s = session('M-T5', '1', '2025-02-20', '2025-03-06', [
      act('2025-02-25', 'announce'), act('2025-02-25', 'materials', docs, undefined, '11:00'),
      act('2025-03-06', 'open', { presiding: 'chair', present: 28 }),
      act('2025-03-06', 'decide', { itemId: 'I1', present: 28, votesFor: 14, votesAgainst: 14, castingVote: 'for' }, undefined, '11:00'),
      act('2025-03-06', 'recess', { resumesOn: '2025-03-21', present: 28, votesFor: 20, votesAgainst: 5 }, undefined, '12:00'),
      act('2025-03-21', 'resume', { present: 25 }),
      act('2025-03-21', 'electChair', { deputyId: 'D7', present: 25, votesFor: 16, votesAgainst: 5 }, undefined, '11:00'),
      act('2025-03-21', 'closeSession', {}, undefined, '18:00'), act('2025-03-24', 'signProtocol', { chair: 'D1', secretary: 'secretary-1' }),
    ], { runUntil: at('2025-12-02') });
    const r = await runScenario(stack.env, stack.activities, s, { keepRunning: true });
    expect(r.mismatches).toEqual([]);
    expect(facts(r).decisions[0]).toMatchObject({ adopted: false, casting: 'for' }); // 14 + 1 = 15 < 16
    const history = await stack.env.client.workflow.getHandle(r.workflowId).fetchHistory();
    await stack.env.client.workflow.getHandle(r.workflowId).terminate('recorded');
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, r.workflowId);
    if (process.env.TARTIP_RECORD_HISTORIES === '1') writeFileSync(path.join(HISTORIES, 'regular_session-late-notice-tie-break.json'), historyToJSON(history));
  });

  it("replays every stored regular_session history against today's code", async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.startsWith('regular_session-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const stored = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, stored, `stored-${f}`);
    }
  });
});
