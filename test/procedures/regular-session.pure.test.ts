// A regular session (P-03, P-05, P-06), the specification alone: no Temporal, no PostgreSQL. Each
// row is dated acts → the stage, the deadlines and the refusals the law gives. 30 seats: the quorum
// of 11(3) is 20 (2/3 of 30), a majority of the total 16. The 2025 calendar: 8 March (Saturday)
// carried to 10 March; Nauryz 21–23 March carried to 24–25 March. The marks that span sessions
// (activities/sessions.ts) are kept in memory by `marks()`, counted as the SQL counts them.
// The catalogue's traps for these articles: T-6 "общего числа" (seats fixed or mandates held) and
// T-38 (the bases differ: the quorum and the decisions count the total, the closed sitting those
// present; "избранных" is the extraordinary session's, not this kind's) — the quorum, decision and
// closed-sitting rows; T-8 "дней" without a qualifier and T-9 "за N дней до" — the convening rows;
// "в год" (art10.p2.year) and "календарного года" (18(3)) — the year rows and the chair's rows.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { regularSessionSpec } from '../../workflows/regular-session.js';
import { startPure } from '../harness/pure.js';
import type { CountSessionMarksInput, RecordSessionMarkInput } from '../../activities/sessions.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const to = (role: string) => ({ name: role, role, address: `${role}@example.kz` });
const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `D${i + 1}` }));

/** The marks table in memory: the latest day of each procedure's mark, within the window. */
export function marks(seed: (RecordSessionMarkInput & { procedureId: string })[] = []) {
  const rows = [...seed];
  return {
    rows,
    recordSessionMark: async (m: RecordSessionMarkInput) => {
      if (!rows.some((r) => r.procedureId === m.procedureId && r.mark === m.mark && (r.subjectId ?? '') === (m.subjectId ?? '') && r.onDate === m.onDate)) rows.push(m);
    },
    countSessionMarks: async (q: CountSessionMarksInput) => {
      const latest = new Map<string, string>();
      for (const r of rows) if (r.maslikhatId === q.maslikhatId && r.mark === q.mark && (r.subjectId ?? '') === (q.subjectId ?? '') && r.procedureId !== q.exceptProcedureId) latest.set(r.procedureId, [latest.get(r.procedureId) ?? '', r.onDate].sort().at(-1)!);
      const m = [...latest].filter(([, d]) => d >= q.from && d <= q.to).map(([procedureId, onDate]) => ({ procedureId, onDate }));
      return { count: m.length, marks: m };
    },
  };
}
const held = (procedureId: string, onDate: string) => ({ procedureId, maslikhatId: 'M-TEST', mark: 'held' as const, onDate, citation: { law: '148', article: '10', quote: 'x', source: 'x' } });
const elected = (procedureId: string, deputy: string, onDate: string) => ({ ...held(procedureId, onDate), mark: 'chair_elected' as const, subjectId: deputy });

interface Setup {
  decided?: string;
  day?: string;
  agenda?: { id: string; title: string; fiscal?: string }[];
  by?: 'chair' | 'secretary';
  interpretations?: { id: string; chosen: string }[];
  mandates?: number;
  termStart?: string;
}
const input = (o: Setup = {}) => ({
  unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'chair-D1', role: 'session_chair' },
  maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат', session: { number: '12' },
  convening: { at: at(o.decided ?? '2025-03-03'), by: o.by ?? 'chair', chair: { deputyId: 'D1' }, day: o.day ?? '2025-03-20', place: 'зал сессий', agenda: o.agenda ?? [{ id: 'I1', title: 'О плане работы' }, { id: 'I2', title: 'Об уточнении бюджета', fiscal: 'spending_increase' }] },
  addressees: { deputies: to('deputies'), population: to('population'), akim: to('akim'), secretary: to('secretary') },
  roster: { seats: 30, deputies: ids(o.mandates ?? 30) },
  interpretations: o.interpretations ?? [],
  ...(o.termStart ? { termStart: o.termStart } : {}),
});
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const a = (name: string, date: string, extra: Record<string, unknown> = {}, refusal?: string, time = '10:00'): Act => [name, at(date, time), { actor: clerk, ...extra }, refusal];
const vote = (f: number, ag: number, present = 30, casting?: string) => ({ present, votesFor: f, votesAgainst: ag, ...(casting ? { castingVote: casting } : {}) });

async function run(o: Setup, acts: Act[], io = marks()) {
  const r = await startPure(regularSessionSpec, at(o.decided ?? '2025-03-03'), input(o), io);
  for (const [name, when, body, refusal] of acts) expect(await r.act(name, { at: when, ...body }), `${name} at ${when}`).toBe(refusal ?? null);
  return r;
}
const deadline = (r: Awaited<ReturnType<typeof run>>, rule: string) => r.state().deadlines.find((d) => d.rule === rule)?.period.date;
const notices = (r: Awaited<ReturnType<typeof run>>) => r.state().notices as { to: string; templateId: string }[];
const facts = (r: Awaited<ReturnType<typeof run>>) => r.state().facts as any;
const refusalOfStart = async (o: Setup) => startPure(regularSessionSpec, at(o.decided ?? '2025-03-03'), input(o), marks()).then(() => null, (e: any) => e.body?.code ?? String(e));

describe('10(3): the convening and its deadlines counted back from the session day', () => {
  it('a session on 20.03.2025: notice by 10.03 (day 1 = 19.03, day 10 = 10.03), materials by 15.03 (day 5, a Saturday: lead times do not move)', async () => {
    const r = await run({}, []);
    expect(r.state().stage).toBe('convened');
    expect(deadline(r, 'art10.p3.notice_regular')).toBe('2025-03-10');
    expect(deadline(r, 'art10.p3.materials_regular')).toBe('2025-03-15');
    expect(r.records[0]!.act.type).toBe('regular_session_convened');
  });
  it('decided on 10.03 for 20.03: in time; decided on 11.03: refused, the notice was due by 10.03', async () => {
    expect(await refusalOfStart({ decided: '2025-03-10' })).toBeNull();
    expect(await refusalOfStart({ decided: '2025-03-11' })).toBe('too_late');
    expect(await refusalOfStart({ decided: '2025-03-20' })).toBe('not_after_decision');
  });
  it('"дней" without a qualifier read as working days (T-8): notice by 05.03 (19,18,17,14,13,12,11 | 10.03 off | 07,06,05)', async () => {
    const r = await run({ interpretations: [{ id: 'days.unqualified_are_calendar', chosen: 'working_day' }] }, []);
    expect(deadline(r, 'art10.p3.notice_regular')).toBe('2025-03-05');
    expect(r.state().interpretations).toContainEqual({ id: 'days.unqualified_are_calendar', chosen: 'working_day' });
  });
  it('n_clear_days (T-9): ten whole days between the notice and the session: by 09.03', async () => {
    const r = await run({ interpretations: [{ id: 'period.days_before', chosen: 'n_clear_days' }] }, []);
    expect(deadline(r, 'art10.p3.notice_regular')).toBe('2025-03-09');
  });
  it('the notice on the last day is in time; one day later it is flagged late (default: flagged) and the timer marked it overdue', async () => {
    const inTime = await run({}, [a('announce', '2025-03-10', {}, undefined, '23:00')]);
    expect(facts(inTime).announced.late).toBe(false);
    expect(notices(inTime).map((n) => n.to).sort()).toEqual(['akim', 'deputies', 'population']);
    const late = await run({}, [a('announce', '2025-03-11')]);
    expect(facts(late).announced.late).toBe(true);
    expect(late.records.find((x) => x.act.type === 'timer_expiry')!.act.payload).toMatchObject({ rule: 'art10.p3.notice_regular', consequence: 'overdue' });
  });
  it('materials late (16.03) are flagged; materials for an item not on the agenda are refused', async () => {
    const r = await run({}, [a('announce', '2025-03-05'), a('materials', '2025-03-16', { documents: [{ itemId: 'X', title: 'x' }] }, 'unknown_item'), a('materials', '2025-03-16', { documents: [{ itemId: 'I1', title: 'проект' }] })]);
    expect(facts(r).materials.late).toBe(true);
  });
  it('session_postponed: a late notice bars the session on its day; rescheduled to 01.04 (notice by 22.03) it opens', async () => {
    const o = { interpretations: [{ id: 'art10.p3.lead_time_missed', chosen: 'session_postponed' }] };
    const r = await run(o, [a('announce', '2025-03-11'), a('materials', '2025-03-12', { documents: [{ itemId: 'I1', title: 'проект' }] }), a('open', '2025-03-20', { presiding: 'chair', present: 25 }, 'too_late')]);
    // a new day must leave time for a notice: on 20.03, 25.03 would have needed it by 15.03; 01.04 needs it by 22.03
    expect(await r.act('reschedule', { actor: clerk, at: at('2025-03-20', '11:00'), day: '2025-03-25', reason: 'x' })).toBe('too_late');
    expect(await r.act('reschedule', { actor: clerk, at: at('2025-03-20', '11:00'), day: '2025-04-01', reason: 'уведомление опоздало' })).toBeNull();
    expect(deadline(r, 'art10.p3.notice_regular')).toBe('2025-03-22');
    expect(deadline(r, 'art10.p3.materials_regular')).toBe('2025-03-27');
    for (const x of [a('announce', '2025-03-21'), a('materials', '2025-03-21', { documents: [{ itemId: 'I1', title: 'проект' }] }), a('open', '2025-04-01', { presiding: 'chair', present: 25 })]) expect(await r.act(x[0], { at: x[1], ...x[2] })).toBeNull();
    expect(r.state().stage).toBe('sitting');
  });
  it('the secretary convenes when the chair is absent (18(3)): cited', async () => {
    const r = await run({ by: 'secretary' }, []);
    expect((r.records[0]!.act.citation as any[]).map((c) => c.article)).toEqual(['18', '18']);
  });
});

const sitting = (o: { present?: number } = {}): Act[] => [a('announce', '2025-03-05'), a('materials', '2025-03-10', { documents: [{ itemId: 'I1', title: 'проект' }] }), a('open', '2025-03-20', { presiding: 'chair', present: o.present ?? 30 })];

describe('11(3), 11(6), 18(6), 7(2): the sitting', () => {
  it('quorum 2/3 of the total (T-6, seats_fixed): 19 of 30 refused, 20 opens; the session must open on its day', async () => {
    await run({}, [...sitting().slice(0, 2), a('open', '2025-03-19', { presiding: 'chair', present: 25 }, 'not_session_day'), a('open', '2025-03-20', { presiding: 'chair', present: 19 }, 'below_threshold'), a('open', '2025-03-20', { presiding: 'chair', present: 20 })]);
  });
  it('T-6 mandates_held: 28 mandates of 30 seats: 2/3 of 28 = 18.67 → 19 present is a quorum; a majority of 28 is 15', async () => {
    const o = { mandates: 28, interpretations: [{ id: 'total_deputies.base', chosen: 'mandates_held' }] };
    const r = await run(o, [...sitting({ present: 19 }).slice(0, 2), a('open', '2025-03-20', { presiding: 'chair', present: 19 }), a('decide', '2025-03-20', { itemId: 'I1', ...vote(15, 4, 19) })]);
    expect(facts(r).decisions[0].adopted).toBe(true);
  });
  it('decisions by a majority of the total, not of those present: 16 of 30 adopted; 15 of 20 present (15:5) not', async () => {
    const yes = await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(16, 10) })]);
    expect(facts(yes).decisions[0]).toMatchObject({ adopted: true });
    const no = await run({}, [...sitting({ present: 20 }), a('decide', '2025-03-20', { itemId: 'I1', ...vote(15, 5, 20) })]);
    expect(facts(no).decisions[0]).toMatchObject({ adopted: false });
    await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(20, 11) }, 'count_exceeds_base'), a('decide', '2025-03-20', { itemId: 'I9', ...vote(20, 1) }, 'unknown_item')]);
  });
  it('a tie (18(6)): the casting vote is required, and only on a tie', async () => {
    await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(15, 15) }, 'casting_vote_missing'), a('decide', '2025-03-20', { itemId: 'I1', ...vote(16, 14, 30, 'for') }, 'no_tie')]);
  });
  it('adds_to_total_majority (default): 15:15 of 30 + the chair for = 16 adopted; 14:14 of 28 present + 1 = 15 < 16 not adopted', async () => {
    const r = await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(15, 15, 30, 'for') })]);
    expect(facts(r).decisions[0]).toMatchObject({ adopted: true, casting: 'for' });
    const r2 = await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(14, 14, 28, 'for') })]);
    expect(facts(r2).decisions[0]).toMatchObject({ adopted: false });
    const against = await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(15, 15, 30, 'against') })]);
    expect(facts(against).decisions[0]).toMatchObject({ adopted: false });
  });
  it('decides_tie: 14:14 of 28 present, the chair for → adopted', async () => {
    const r = await run({ interpretations: [{ id: 'art18.p6.casting_vote', chosen: 'decides_tie' }] }, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(14, 14, 28, 'for') })]);
    expect(facts(r).decisions[0]).toMatchObject({ adopted: true });
  });
  it('closed sitting (11(6)): proposed by 1/3 of those present (24 → 8; 7 refused) or the chair; adopted by a majority of those present (13 of 24, though below 16 of the total)', async () => {
    await run({}, [...sitting({ present: 24 }), a('closedSitting', '2025-03-20', { proposedBy: 'deputies', proposers: 7, ...vote(13, 11, 24) }, 'below_threshold')]);
    const r = await run({}, [...sitting({ present: 24 }), a('closedSitting', '2025-03-20', { proposedBy: 'deputies', proposers: 8, ...vote(13, 11, 24) })]);
    expect(facts(r).closedSitting).toBe(true);
    const chair = await run({}, [...sitting({ present: 24 }), a('closedSitting', '2025-03-20', { proposedBy: 'chair', ...vote(12, 11, 24) })]);
    expect(facts(chair).closedSitting).toBe(false);
    // a tie of those present with the chair for: 12:12 + 1 = 13 of 24 → adopted
    const tie = await run({}, [...sitting({ present: 24 }), a('closedSitting', '2025-03-20', { proposedBy: 'chair', ...vote(12, 12, 24, 'for') })]);
    expect(facts(tie).closedSitting).toBe(true);
  });
  it('the fiscal gate (7(2)): a spending draft without the akim\'s conclusion, or with a negative one, is refused; with a positive one it is voted', async () => {
    const r = await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I2', ...vote(20, 5) }, 'fiscal_gate'), a('akimConclusion', '2025-03-20', { itemId: 'I2', positive: false, document: 'З-1' }), a('decide', '2025-03-20', { itemId: 'I2', ...vote(20, 5) }, 'fiscal_gate'), a('akimConclusion', '2025-03-20', { itemId: 'I2', positive: true, document: 'З-2' }), a('decide', '2025-03-20', { itemId: 'I2', ...vote(20, 5) }), a('decide', '2025-03-20', { itemId: 'I2', ...vote(20, 5) }, 'already_done')]);
    expect(facts(r).decisions[0]).toMatchObject({ itemId: 'I2', adopted: true });
  });
});

describe('11(4): breaks of at most 15 calendar days', () => {
  // session 06.03.2025 (notice by 24.02: 06.03 − 10 days); a break decided on 06.03: day 1 = 07.03, day 15 = 21.03 (Nauryz)
  const o = { decided: '2025-02-20', day: '2025-03-06' };
  const open: Act[] = [a('announce', '2025-02-21'), a('materials', '2025-02-21', { documents: [{ itemId: 'I1', title: 'проект' }] }), a('open', '2025-03-06', { presiding: 'chair', present: 30 })];
  it('no_move (default): the break may last until 21.03 though it is a holiday; 22.03 is refused', async () => {
    const r = await run(o, [...open, a('recess', '2025-03-06', { resumesOn: '2025-03-22', ...vote(20, 5) }, 'too_late'), a('recess', '2025-03-06', { resumesOn: '2025-03-21', ...vote(20, 5) })]);
    expect(r.state().stage).toBe('break');
    expect(deadline(r, 'art11.p4.break_max')).toBe('2025-03-21');
    expect(await r.act('resume', { actor: clerk, at: at('2025-03-21'), present: 20 })).toBeNull();
    expect(facts(r).breaks[0]).toMatchObject({ resumedOn: '2025-03-21', late: false });
  });
  it('next_working_day: the limit moves past Nauryz and its carry-overs (21–25.03) to 26.03', async () => {
    const r = await run({ ...o, interpretations: [{ id: 'art11.p4.break_end', chosen: 'next_working_day' }] }, [...open, a('recess', '2025-03-06', { resumesOn: '2025-03-26', ...vote(20, 5) })]);
    expect(deadline(r, 'art11.p4.break_max')).toBe('2025-03-26');
  });
  it('a break the maslikhat did not decide (15 of 30) leaves the sitting on; resumed after the limit it is flagged late', async () => {
    const no = await run(o, [...open, a('recess', '2025-03-06', { resumesOn: '2025-03-10', ...vote(15, 10) })]);
    expect(no.state().stage).toBe('sitting');
    const late = await run(o, [...open, a('recess', '2025-03-06', { resumesOn: '2025-03-21', ...vote(20, 5) }), a('resume', '2025-03-24', { present: 20 })]);
    expect(facts(late).breaks[0].late).toBe(true);
    expect(late.state().stage).toBe('sitting');
  });
});

describe('18(2)-(3), 18(4), 19(3): the next chair, the protocol, publication', () => {
  const end: Act[] = [a('closeSession', '2025-03-20'), a('signProtocol', '2025-03-21', { chair: 'D1', secretary: 'S' })];
  it('the next chair by a majority of the total (16 of 30); the protocol by this session\'s chair; the decisions published', async () => {
    const io = marks();
    const r = await run({}, [...sitting(), a('decide', '2025-03-20', { itemId: 'I1', ...vote(16, 10) }), a('electChair', '2025-03-20', { deputyId: 'D7', ...vote(15, 10) }), a('electChair', '2025-03-20', { deputyId: 'D7', ...vote(16, 10) }), a('closeSession', '2025-03-20'), a('signProtocol', '2025-03-21', { chair: 'D2', secretary: 'S' }, 'not_the_chair'), ...end.slice(1), a('publish', '2025-03-25', { where: 'газета', reference: '№ 12' })], io);
    expect(facts(r).nextChair).toBe('D7');
    expect(io.rows.filter((x) => x.mark === 'chair_elected').map((x) => [x.subjectId, x.onDate])).toEqual([['D7', '2025-03-20']]);
    expect(r.state().outcome).toBe('published');
  });
  it('no decision adopted: the signed protocol closes the session (held); no next chair is shown, not refused', async () => {
    const r = await run({}, [...sitting(), ...end]);
    expect(r.state().outcome).toBe('held');
    expect(r.records.find((x) => x.act.type === 'regular_session_ended')!.act.payload).toMatchObject({ nextChairMissing: true });
  });
  it('at most twice a calendar year (18(3), election_day): a third election in 2025 is refused; elections of 2024 do not count', async () => {
    const twice = marks([elected('regular_session:M-TEST:10', 'D7', '2025-01-20'), elected('regular_session:M-TEST:11', 'D7', '2025-02-20')]);
    await run({}, [...sitting(), a('electChair', '2025-03-20', { deputyId: 'D7', ...vote(20, 5) }, 'above_cap'), a('electChair', '2025-03-20', { deputyId: 'D8', ...vote(20, 5) })], twice);
    // a failed election is not counted and not capped
    await run({}, [...sitting(), a('electChair', '2025-03-20', { deputyId: 'D7', ...vote(10, 5) })], twice);
    const lastYear = marks([elected('regular_session:M-TEST:10', 'D7', '2024-12-20'), elected('regular_session:M-TEST:11', 'D7', '2025-02-20')]);
    await run({}, [...sitting(), a('electChair', '2025-03-20', { deputyId: 'D7', ...vote(20, 5) })], lastYear);
  });
  it('18(3) counts the calendar year even where 10(2) counts the term year: elected 20.12.2024 and 20.02.2025 (one term year from 15.06.2024), a third on 20.03.2025 is allowed', async () => {
    const io = marks([elected('regular_session:M-TEST:9', 'D7', '2024-12-20'), elected('regular_session:M-TEST:11', 'D7', '2025-02-20')]);
    await run({ termStart: '2024-06-15', interpretations: [{ id: 'art10.p2.year', chosen: 'term_year' }] }, [...sitting(), a('electChair', '2025-03-20', { deputyId: 'D7', ...vote(20, 5) })], io);
  });
  it('chaired_session_day: counted when the chaired session is convened: D1 chaired two sessions of 2025, a third is refused at the convening', async () => {
    const chaired = (p: string, d: string) => ({ ...held(p, d), mark: 'chaired' as const, subjectId: 'D1' });
    const io = marks([chaired('regular_session:M-TEST:10', '2025-01-20'), chaired('regular_session:M-TEST:11', '2025-02-20')]);
    const o = { interpretations: [{ id: 'art18.p3.year_of_election', chosen: 'chaired_session_day' }] };
    await expect(startPure(regularSessionSpec, at('2025-03-03'), input(o), io)).rejects.toMatchObject({ body: { code: 'above_cap', field: 'convening.chair.deputyId' } });
  });
});

describe('10(2): four regular sessions a year, tracked from the records', () => {
  // one held (this): three more; the last on 31.12 at the latest, its notice by 21.12 (10 days back), so the one before by
  // 21.12, its notice by 11.12, the one before that by 11.12, its notice by 01.12: the next session is announced by 01.12.2025
  it('the first of the calendar year: the next notice by 01.12.2025; the secretary is told at once', async () => {
    const r = await run({}, sitting());
    expect(facts(r).year).toEqual({ from: '2025-01-01', to: '2025-12-31', held: 1, needed: 3, latestNotice: '2025-12-01' });
    expect(deadline(r, 'art10.p2.regular_per_year')).toBe('2025-12-01');
    expect(notices(r).find((n) => n.to === 'secretary')!.templateId).toBe('regular_session_year_plan');
  });
  it('the third (two held before): one more, the last notice by 21.12; the fourth: nothing open', async () => {
    const r = await run({}, sitting(), marks([held('p:1', '2025-01-20'), held('p:2', '2025-02-20')]));
    expect(facts(r).year).toMatchObject({ held: 3, needed: 1, latestNotice: '2025-12-21' });
    const four = await run({}, sitting(), marks([held('p:1', '2025-01-20'), held('p:2', '2025-02-20'), held('p:3', '2025-03-01'), held('p:0', '2024-12-20')]));
    expect(facts(four).year).toMatchObject({ held: 4, needed: 0, latestNotice: null });
    expect(deadline(four, 'art10.p2.regular_per_year')).toBeUndefined();
  });
  it('when the day passes with too few convened, the secretary is told the fourth can no longer fit; sessions convened since are counted', async () => {
    const r = await run({}, [...sitting(), a('closeSession', '2025-03-20'), a('signProtocol', '2025-03-21', { chair: 'D1', secretary: 'S' })]);
    expect(r.state().outcome).toBe('held');
    expect(r.state().stage).toBe('closed');
    await r.until(at('2025-12-02'));
    expect(r.records.find((x) => x.act.type === 'timer_expiry')!.act.payload).toMatchObject({ rule: 'art10.p2.regular_per_year', consequence: 'cannot_fit' });
    expect(notices(r).filter((n) => n.to === 'secretary').map((n) => n.templateId)).toEqual(['regular_session_year_plan', 'regular_session_year_missed']);
    const io = marks();
    const fits = await run({}, sitting(), io);
    for (const p of ['p:13', 'p:14', 'p:15']) await io.recordSessionMark({ ...held(p, '2025-11-20'), mark: 'convened' });
    await fits.until(at('2025-12-02'));
    expect(fits.records.find((x) => x.act.type === 'timer_expiry')!.act.payload).toMatchObject({ consequence: 'fits' });
  });
  it('a session on 15.12 with one held before: too late already (notice by 01.12 for the remaining two? by 11.12): told at once, nothing opened', async () => {
    const r = await run({ decided: '2025-12-01', day: '2025-12-15' }, [a('announce', '2025-12-01'), a('materials', '2025-12-01', { documents: [{ itemId: 'I1', title: 'проект' }] }), a('open', '2025-12-15', { presiding: 'chair', present: 30 })], marks([held('p:1', '2025-06-20')]));
    // two held, two needed: the last by 31.12, its notice by 21.12; the next one's notice by 11.12 < 15.12
    expect(facts(r).year).toMatchObject({ held: 2, needed: 2, latestNotice: '2025-12-11' });
    expect(deadline(r, 'art10.p2.regular_per_year')).toBeUndefined();
    expect(notices(r).find((n) => n.to === 'secretary')!.templateId).toBe('regular_session_year_missed');
  });
  it('the calendar year (default) vs the term year: a session held on 20.12.2024 counts for 2024 only; from a first session on 15.06.2024 it counts in the year to 14.06.2025', async () => {
    const cal = await run({}, sitting(), marks([held('p:1', '2024-12-20')]));
    expect(facts(cal).year).toMatchObject({ held: 1 });
    // term year 15.06.2024–14.06.2025, two held, two needed: the last by 14.06, its notice by 04.06, the next one's by 25.05.2025
    const term = await run({ termStart: '2024-06-15', interpretations: [{ id: 'art10.p2.year', chosen: 'term_year' }] }, sitting(), marks([held('p:1', '2024-12-20')]));
    expect(facts(term).year).toEqual({ from: '2024-06-15', to: '2025-06-14', held: 2, needed: 2, latestNotice: '2025-05-25' });
    expect(await refusalOfStart({ interpretations: [{ id: 'art10.p2.year', chosen: 'term_year' }] })).toBe('invalid_input');
  });
});

describe('the examples (examples/regular_session) in the pure runner, as they say', () => {
  const dir = path.join(PROJECT_ROOT, 'examples', 'regular_session');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  it('one for every branch', () => expect(files.length).toBeGreaterThanOrEqual(10));
  it.each(files)('%s', async (f) => {
    const x = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { start: { at: string; input: Record<string, unknown> }; acts: { at: string; act: string; input: Record<string, unknown>; expectRefusal?: string }[]; runUntil?: string; expect: { stage: string; outcome: string; deadlines?: Record<string, string> } };
    const r = await startPure(regularSessionSpec, x.start.at, x.start.input, marks());
    for (const s of x.acts) expect(await r.act(s.act, { ...s.input, at: s.at }), `${s.act} at ${s.at}`).toBe(s.expectRefusal ?? null);
    if (x.runUntil) await r.until(x.runUntil);
    expect([r.state().stage, r.state().outcome]).toEqual([x.expect.stage, x.expect.outcome]);
    for (const [rule, date] of Object.entries(x.expect.deadlines ?? {})) expect((r.state().periods as { rule: string; date: string }[]).filter((p) => p.rule === rule).map((p) => p.date)).toContain(date);
  });
});
