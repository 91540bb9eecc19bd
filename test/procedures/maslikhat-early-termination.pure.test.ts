// Art. 23(2), 23-1(4), 20(2)-(3)(3), 5(6) (P-13), the specification alone. 30 seats, 27 mandates
// held: the quorum of 11(3) is 20 (two thirds of 30, rounded up); self-dissolution by a majority
// of the total (default) needs 16 of 30; of the mandates held (total_deputies.base =
// mandates_held) 14 of 27; of those present (majority_of_present) 11 of 20. The law sets no
// deadline for any step (catalogue P-13 gaps: the consultations have no deadline or form), so no
// period is counted and no "дней" arises (T-8).
import { describe, expect, it } from 'vitest';
import { maslikhatEarlyTerminationSpec } from '../../workflows/maslikhat-early-termination.js';
import { refusalOf, startPure } from '../harness/pure.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'admin-1', role: 'administrator' };
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const consult = (w: string, date: string, refusal?: string): Act => ['recordConsultation', date, { actor: clerk, with: w, person: `лицо ${w}`, date }, refusal];
const ALL3 = [consult('prime_minister', '2025-04-01'), consult('senate_chair', '2025-04-02'), consult('mazhilis_chair', '2025-04-03')];
const decree = (date: string, refusal?: string, decreeDate = date): Act => ['presidentialDecree', date, { actor: clerk, decree: { number: '555', date: decreeDate } }, refusal];
const vote = (date: string, present: number, votesFor: number, refusal?: string): Act => ['recordSessionDecision', date, { actor: clerk, session: { number: 'XL', kind: 'extraordinary' }, present, votesFor }, refusal];
const firstSession = (date: string, openedOn: string, refusal?: string): Act => ['newMaslikhatFirstSession', date, { actor: clerk, maslikhatId: 'M-TEST', openedOn }, refusal];

const roster = { seats: 30, deputies: Array.from({ length: 27 }, (_, i) => ({ id: `D${i + 1}` })) };
const input = (way: Record<string, unknown>, interpretations: { id: string; chosen: string }[] = []) => ({
  unit: 'KZ-TEST', startedBy: clerk, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат', way, roster, interpretations,
});
const PRESIDENT = { how: 'president' };
const SELF = { how: 'self_dissolution' };
const THIRD = { how: 'third_refusal', consent: { procedureId: 'akim_consent:POST-R', record: { at: at('2025-03-27'), branch: 'president_may_terminate' } } };

interface Row { name: string; way: Record<string, unknown>; interpretations?: { id: string; chosen: string }[]; acts: Act[]; stage: string; outcome?: string | null; termEnd?: string }
const rows: Row[] = [
  // decree of 04.04: the first day without the mandates is 05.04 (register.mandate_end_day = next_day)
  { name: 'the President, after the three consultations: terminated; every mandate ends (05.04)', way: PRESIDENT, acts: [...ALL3, decree('2025-04-04')], stage: 'terminated', termEnd: '2025-04-05' },
  { name: 'then the new maslikhat’s first session (5(6)): closed', way: PRESIDENT, acts: [...ALL3, decree('2025-04-04'), firstSession('2025-06-02', '2025-06-01')], stage: 'closed', outcome: 'new_maslikhat' },
  { name: 'a first session before the termination is refused', way: PRESIDENT, acts: [...ALL3, decree('2025-04-04'), firstSession('2025-06-02', '2025-04-03', 'before_termination')], stage: 'terminated' },
  { name: 'a decree after two consultations only: refused (23(2))', way: PRESIDENT, acts: [...ALL3.slice(0, 2), decree('2025-04-04', 'consultations_missing')], stage: 'consultations' },
  { name: 'a decree dated before the last consultation: refused ("после консультаций")', way: PRESIDENT, acts: [...ALL3, decree('2025-04-04', 'before_consultations', '2025-04-02')], stage: 'consultations' },
  { name: 'the same consultation twice: refused', way: PRESIDENT, acts: [ALL3[0]!, consult('prime_minister', '2025-04-02', 'already_recorded')], stage: 'consultations' },
  { name: 'a consultation dated after the act: refused', way: PRESIDENT, acts: [['recordConsultation', '2025-04-01', { actor: clerk, with: 'senate_chair', person: 'x', date: '2025-04-05' }, 'in_future']], stage: 'consultations' },
  { name: 'the President does not terminate ("вправе")', way: THIRD, acts: [...ALL3, ['presidentDeclines', '2025-04-04', { actor: clerk, reason: 'решение не принято' }]], stage: 'closed', outcome: 'not_terminated' },
  { name: 'after a third refusal (23-1(4)(1)): consultations, decree, terminated', way: THIRD, acts: [...ALL3, decree('2025-04-04')], stage: 'terminated', termEnd: '2025-04-05' },
  { name: 'no self-dissolution vote on the President’s way', way: PRESIDENT, acts: [vote('2025-04-04', 25, 25, 'wrong_stage')], stage: 'consultations' },
  // self-dissolution, session of 04.04: terminated, first day without the mandates 05.04
  { name: 'self-dissolution, 16 of 30 seats (majority of the total, default): dissolved', way: SELF, acts: [vote('2025-04-04', 20, 16)], stage: 'terminated', termEnd: '2025-04-05' },
  { name: 'self-dissolution, 15 of 20 present is not a majority of the total (16): not dissolved', way: SELF, acts: [vote('2025-04-04', 20, 15)], stage: 'closed', outcome: 'not_dissolved' },
  { name: 'self-dissolution, mandates_held: 14 of 27 is a majority of the total', way: SELF, interpretations: [{ id: 'total_deputies.base', chosen: 'mandates_held' }], acts: [vote('2025-04-04', 20, 14)], stage: 'terminated' },
  { name: 'self-dissolution, majority_of_present: 11 of 20 present', way: SELF, interpretations: [{ id: 'art23.p2.self_dissolution_majority', chosen: 'majority_of_present' }], acts: [vote('2025-04-04', 20, 11)], stage: 'terminated' },
  { name: 'self-dissolution, majority_of_present: 10 of 20 is not', way: SELF, interpretations: [{ id: 'art23.p2.self_dissolution_majority', chosen: 'majority_of_present' }], acts: [vote('2025-04-04', 20, 10)], stage: 'closed', outcome: 'not_dissolved' },
  { name: 'self-dissolution, 19 present is below the quorum of 20', way: SELF, acts: [vote('2025-04-04', 19, 19, 'below_threshold')], stage: 'awaiting_session' },
  { name: 'self-dissolution, decision_day chosen: the mandates end on 04.04', way: SELF, interpretations: [{ id: 'register.mandate_end_day', chosen: 'decision_day' }], acts: [vote('2025-04-04', 20, 16)], stage: 'terminated', termEnd: '2025-04-04' },
  { name: 'closed before the session', way: SELF, acts: [['close', '2025-04-02', { actor: clerk, reason: 'вопрос снят' }]], stage: 'closed', outcome: 'withdrawn' },
];

describe('Art. 23(2): early termination of a maslikhat, without servers', () => {
  it.each(rows)('$name', async (row) => {
    const r = await startPure(maslikhatEarlyTerminationSpec, at('2025-03-31', '12:00'), input(row.way, row.interpretations));
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(s.outcome).toBe(row.outcome);
    const f = s.facts as Record<string, any>;
    if (row.termEnd) {
      expect(f.termination.termEnd).toBe(row.termEnd);
      // every deputy's powers end (20(2), 20(3)(3)): all 27 mandates held
      expect(f.register.ended).toHaveLength(27);
    }
    expect(s.deadlines).toEqual([]);
  });

  it('the powers-ended record cites 20(2) and 20(3)(3); the new maslikhat’s powers start at its first session (5(6))', async () => {
    const r = await startPure(maslikhatEarlyTerminationSpec, at('2025-03-31', '12:00'), input(PRESIDENT));
    for (const [name, date, a] of [...ALL3, decree('2025-04-04'), firstSession('2025-06-02', '2025-06-01')]) await r.act(name, { ...a, at: at(date) });
    const ended = r.records.find((x) => x.act.type === 'maslikhat_powers_ended')!;
    expect((ended.act.citation as { article: string; paragraph?: string }[]).map((c) => `${c.article}(${c.paragraph})`)).toEqual(['23(2)', '20(2)', '20(3)']);
    expect((r.state().facts as Record<string, unknown>).newMaslikhat).toEqual({ maslikhatId: 'M-TEST', powersFrom: '2025-06-01' });
    expect(r.records.find((x) => x.act.type === 'new_maslikhat_powers_started')!.act.citation).toMatchObject({ article: '5', paragraph: '6' });
  });

  it('self-dissolution records which base it used (named interpretation, default majority of the total)', async () => {
    const r = await startPure(maslikhatEarlyTerminationSpec, at('2025-03-31', '12:00'), input(SELF));
    await r.act('recordSessionDecision', { ...vote('2025-04-04', 20, 16)[2], at: at('2025-04-04') });
    expect(r.state().interpretations).toContainEqual({ id: 'art23.p2.self_dissolution_majority', chosen: 'majority_of_total' });
    expect(r.state().thresholds.at(-1)).toMatchObject({ rule: 'art11.p3.decision_majority', base: 'total_deputies', baseValue: 30, required: 16, actual: 16, met: true });
  });
});

describe('23-1(4): the link to the consent procedure', () => {
  const ledger = (rows: { actType: string; legalAt: string; payload: unknown }[]) => ({ readLedger: async () => rows }) as never;
  const real = { how: 'third_refusal', consent: { procedureId: 'akim_consent:POST-R' } };
  const start = (io: never, way: Record<string, unknown> = real) => startPure(maslikhatEarlyTerminationSpec, at('2025-03-31', '12:00'), input(way), io);

  it('the third refusal is read from the consent procedure’s record', async () => {
    const r = await start(ledger([{ actType: 'consent_request', legalAt: '2025-03-03T05:00:00.000Z', payload: {} }, { actType: 'third_refusal', legalAt: '2025-03-27T05:00:00.000Z', payload: { branch: 'regional_akim_notifies' } }]));
    expect((r.state().facts as Record<string, unknown>).consent).toEqual({ procedureId: 'akim_consent:POST-R', thirdRefusalOn: '2025-03-27', branch: 'regional_akim_notifies', source: 'record' });
    expect(r.state().stage).toBe('consultations');
  });

  it.each([
    ['a consent procedure without a third refusal', [{ actType: 'session_decision', legalAt: '2025-03-06T05:00:00.000Z', payload: {} }]],
    ['a district of a city (no_rule): nothing to follow', [{ actType: 'third_refusal', legalAt: '2025-03-27T05:00:00.000Z', payload: { branch: 'no_rule' } }]],
  ])('%s: refused naming way.consent.procedureId', async (_n, rows) => {
    const e = await start(ledger(rows)).catch((x: unknown) => x as { body: { code: string; field: string } });
    expect([refusalOf(e), (e as { body: { field: string } }).body.field]).toEqual(['no_third_refusal', 'way.consent.procedureId']);
  });
});
