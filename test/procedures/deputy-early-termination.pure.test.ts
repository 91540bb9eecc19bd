// Art. 20(3)-(4), 41(3)-(4) (P-10), the specification alone: no Temporal, no PostgreSQL. 30 seats,
// 27 mandates held: the quorum of 11(3) is 20 of the 30 seats (two thirds, rounded up); the
// decision needs a majority of those present (20(4)): 11 of 20, 13 of 25. The law sets no
// deadline for any step (catalogue P-10 gaps), so no row has one: no "дней" to count (T-8).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deputyEarlyTerminationSpec } from '../../workflows/deputy-early-termination.js';
import { longestRun, type Sitting } from '../../workflows/lib/deputy-grounds.js';
import { getEdition } from '../../statute/rules.js';
import { refusalOf, startPure } from '../harness/pure.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const tec = { kind: 'body', id: 'tec-1', role: 'commission', name: 'Территориальная избирательная комиссия' };
const evidence = { kind: 'акт', number: '12', date: '2025-02-20', issuedBy: 'Акимат' };
const court = { court: 'Районный суд', caseNumber: '2-1/2025', date: '2025-02-01', inForceOn: '2025-02-20' };
const sitting = (id: string, date: string, status: string, kind = 'plenary', body?: string): Sitting =>
  ({ sittingId: id, date, kind: kind as 'plenary', ...(body ? { body } : {}), attendance: [{ deputyId: 'D5', status: status as 'present' }, { deputyId: 'D6', status: 'present' }] });
const U = 'absent_unexcused';
const E = 'absent_excused';
const P = 'present';
const FOUR = [sitting('S1', '2025-01-10', U), sitting('S2', '2025-01-24', U), sitting('S3', '2025-02-07', U), sitting('S4', '2025-02-21', U)];

const input = (ground: Record<string, unknown>, interpretations: { id: string; chosen: string }[] = []) => ({
  unit: 'KZ-TEST', startedBy: clerk, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
  deputy: { id: 'D5', fullName: 'Депутат Д5' }, ground,
  roster: { seats: 30, deputies: Array.from({ length: 27 }, (_, i) => ({ id: `D${i + 1}` })) },
  interpretations,
});
const submit = (date: string, refusal?: string): Act => ['commissionSubmission', date, { actor: tec, commission: 'ТИК', document: { number: '7/1', date } }, refusal];
const vote = (date: string, present: number, votesFor: number, refusal?: string): Act => ['recordSessionDecision', date, { actor: clerk, session: { number: 'XII', kind: 'regular' }, present, votesFor }, refusal];
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];

const GROUNDS: [string, Record<string, unknown>][] = [
  ['1 incompatible post', { ground: 'incompatible_post', post: 'аким района', evidence }],
  ['2 incapacity', { ground: 'incapacity', capacity: 'limited', court }],
  ['3 maslikhat terminated', { ground: 'maslikhat_terminated', evidence: { ...evidence, kind: 'указ' } }],
  ['4 death', { ground: 'death', event: 'death', evidence: { ...evidence, kind: 'свидетельство о смерти' } }],
  ['4 declared missing', { ground: 'death', event: 'declared_missing', court }],
  ['5 citizenship', { ground: 'citizenship', evidence }],
  ['6 conviction, crime', { ground: 'conviction', offence: 'crime', court }],
  ['6 conviction, intentional misdemeanour', { ground: 'conviction', offence: 'intentional_criminal_misdemeanour', court }],
  ['7 moved away', { ground: 'moved_away', newResidence: 'г. Астана', evidence }],
  ['8 resignation', { ground: 'resignation', statement: { date: '2025-02-25' } }],
  ['9 four absences in a row', { ground: 'non_performance', sittings: FOUR }],
  ['10 audit commission', { ground: 'audit_commission', role: 'member', level: 'region', evidence }],
];

interface Row { name: string; ground: Record<string, unknown>; interpretations?: { id: string; chosen: string }[]; start?: string; acts: Act[]; stage: string; outcome?: string | null }
const rows: Row[] = [
  // every ground, each with its evidence: submission, then 11 of 20 present (a majority of those present)
  ...GROUNDS.map(([name, ground]): Row => ({ name: `ground ${name}: terminated by 11 of 20 present`, ground, acts: [submit('2025-03-03'), vote('2025-03-06', 20, 11)], stage: 'closed', outcome: 'terminated' })),
  // the base is those present, not the total (T-38): 11 of 20 present terminates though 11 < 16 (majority of 30)
  { name: '10 of 20 present is not a majority of those present: not terminated', ground: GROUNDS[7]![1], acts: [submit('2025-03-03'), vote('2025-03-06', 20, 10)], stage: 'closed', outcome: 'not_terminated' },
  { name: '19 present is below the quorum of 20 (11(3)): refused', ground: GROUNDS[7]![1], acts: [submit('2025-03-03'), vote('2025-03-06', 19, 19, 'below_threshold')], stage: 'submitted' },
  { name: 'more votes than deputies present: refused', ground: GROUNDS[7]![1], acts: [submit('2025-03-03'), vote('2025-03-06', 20, 21, 'count_exceeds_base')], stage: 'submitted' },
  { name: 'a vote without the commission’s submission: refused naming 20(4)', ground: GROUNDS[7]![1], acts: [vote('2025-03-06', 20, 11, 'no_submission')], stage: 'ground_recorded' },
  { name: 'a second submission: wrong stage', ground: GROUNDS[7]![1], acts: [submit('2025-03-03'), submit('2025-03-04', 'wrong_stage')], stage: 'submitted' },
  { name: 'closed before the session: withdrawn', ground: GROUNDS[9]![1], acts: [['close', '2025-03-03', { actor: clerk, reason: 'заявление отозвано' }], submit('2025-03-04', 'wrong_stage')], stage: 'closed', outcome: 'withdrawn' },
  { name: 'death voted down, flag_for_review chosen: not terminated, shown as a problem', ground: GROUNDS[3]![1], interpretations: [{ id: 'art20.p4.objective_ground_voted_down', chosen: 'flag_for_review' }], acts: [submit('2025-03-03'), vote('2025-03-06', 20, 5)], stage: 'closed', outcome: 'not_terminated' },
];

async function startRow(ground: Record<string, unknown>, interpretations: { id: string; chosen: string }[] = [], start = at('2025-03-01', '12:00')) {
  return startPure(deputyEarlyTerminationSpec, start, input(ground, interpretations));
}
async function startRefusal(ground: Record<string, unknown>, interpretations: { id: string; chosen: string }[] = []): Promise<string | null> {
  try {
    await startRow(ground, interpretations);
    return null;
  } catch (e) {
    return refusalOf(e);
  }
}

describe('Art. 20(3)-(4): early termination of a deputy’s powers, without servers', () => {
  it.each(rows)('$name', async (row) => {
    const r = await startRow(row.ground, row.interpretations);
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(s.outcome).toBe(row.outcome);
    // no deadline, ever: the law sets none for P-10
    expect(s.deadlines).toEqual([]);
    expect(r.records.some((x) => x.act.type === 'deadlines_opened')).toBe(false);
  });

  it('a terminated mandate: the register’s first day without it is the day after the decision (06.03 → 07.03); decision_day chosen: 06.03', async () => {
    const r = await startRow(GROUNDS[7]![1]);
    await r.act('commissionSubmission', { ...submit('2025-03-03')[2], at: at('2025-03-03') });
    await r.act('recordSessionDecision', { ...vote('2025-03-06', 20, 11)[2], at: at('2025-03-06') });
    expect(r.state().facts).toMatchObject({ register: { termEnd: '2025-03-07', source: 'input' }, decision: { terminated: true, present: 20, votesFor: 11 } });
    expect(r.state().interpretations).toContainEqual({ id: 'register.mandate_end_day', chosen: 'next_day' });
    const d = await startRow(GROUNDS[7]![1], [{ id: 'register.mandate_end_day', chosen: 'decision_day' }]);
    await d.act('commissionSubmission', { ...submit('2025-03-03')[2], at: at('2025-03-03') });
    await d.act('recordSessionDecision', { ...vote('2025-03-06', 20, 11)[2], at: at('2025-03-06') });
    expect(d.state().facts).toMatchObject({ register: { termEnd: '2025-03-06' } });
  });

  it('20(4-1), in force from 01.01.2019, has no text in the source: a 2025 decision lists it as unknown, cites it, applies nothing', async () => {
    const r = await startRow(GROUNDS[0]![1]);
    await r.act('commissionSubmission', { ...submit('2025-03-03')[2], at: at('2025-03-03') });
    await r.act('recordSessionDecision', { ...vote('2025-03-06', 20, 11)[2], at: at('2025-03-06') });
    expect((r.state().facts as Record<string, unknown>).unknownNorms).toEqual([{ rule: 'art20.p4_1.text_unknown', from: '2019-01-01', text: null }]);
    const rec = r.records.find((x) => x.act.type === 'session_decision')!;
    expect(JSON.stringify(rec.act.citation)).toContain('4-1');
    expect(rec.act.payload).toMatchObject({ unknownNorms: [{ rule: 'art20.p4_1.text_unknown', text: null }] });
  });

  it('a decision of 2018, before 01.01.2019: no unknown norm; paras 3 and 4 cited in the wording of 41(3) beside them', async () => {
    const r = await startRow(GROUNDS[0]![1], [], at('2018-11-01', '12:00'));
    await r.act('commissionSubmission', { ...submit('2018-11-05')[2], at: at('2018-11-05') });
    await r.act('recordSessionDecision', { ...vote('2018-11-09', 20, 11)[2], at: at('2018-11-09') });
    expect((r.state().facts as Record<string, unknown>).unknownNorms).toEqual([]);
    const rec = r.records.find((x) => x.act.type === 'session_decision')!;
    expect((rec.act.citation as { article: string }[]).map((c) => c.article)).toEqual(['20', '41']);
  });

  it('the ten grounds are word for word those of 41(3) as well (the suspended paras 3 and 4 and their interim wording agree)', () => {
    const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
    const src = norm(readFileSync(path.join(PROJECT_ROOT, '..', 'shared', 'sources', '000_183c24e7cb45d52d.txt'), 'utf8'));
    const art41 = src.slice(src.indexOf('Статья 41. '));
    const e = getEdition('kz-148@2018-07-12');
    const grounds = Object.values(e.rules).filter((x) => x.id.startsWith('art20.p3.g'));
    expect(grounds).toHaveLength(10);
    for (const g of [...grounds, e.rules['art20.p4.decision_majority']!]) expect(art41.includes(norm(g.cite.quote)), g.id).toBe(true);
  });
});

describe('20(3): the evidence each ground needs; refusals name the field', () => {
  it.each([
    ['a conviction for a careless misdemeanour is no ground (20(3)(6))', { ground: 'conviction', offence: 'careless_criminal_misdemeanour', court }, 'not_a_ground'],
    ['an audit commission of a district is no ground (20(3)(10))', { ground: 'audit_commission', role: 'chair', level: 'other', evidence }, 'not_a_ground'],
    ['a declared death without the court decision', { ground: 'death', event: 'declared_dead', evidence }, 'invalid_input'],
    ['a ground outside the ten', { ground: 'party_expulsion', evidence }, 'invalid_input'],
    ['an incapacity without the court', { ground: 'incapacity', capacity: 'limited' }, 'invalid_input'],
    ['three absences in a row are not "более трех"', { ground: 'non_performance', sittings: FOUR.slice(0, 3) }, 'not_a_ground'],
    ['three absences, but other failures described: accepted', { ground: 'non_performance', sittings: FOUR.slice(0, 3), otherFailures: 'не исполняет поручения сессии' }, null],
    ['a body sitting without its body', { ground: 'non_performance', sittings: [...FOUR.slice(0, 3), { ...FOUR[3]!, kind: 'body' }] }, 'invalid_input'],
    ['the register out of date order names the row', { ground: 'non_performance', sittings: [FOUR[1]!, FOUR[0]!, FOUR[2]!, FOUR[3]!] }, 'invalid_register_row'],
    ['a sitting twice names the row', { ground: 'non_performance', sittings: [...FOUR, FOUR[0]!] }, 'invalid_register_row'],
    ['a sitting after today', { ground: 'non_performance', sittings: [...FOUR, sitting('S9', '2025-04-01', U)] }, 'invalid_register_row'],
  ])('%s', async (_name, ground, code) => {
    expect(await startRefusal(ground as Record<string, unknown>)).toBe(code);
  });

  it('a bad register row is refused naming its line and field', async () => {
    const e = await startRow({ ground: 'non_performance', sittings: [FOUR[1]!, FOUR[0]!, FOUR[2]!, FOUR[3]!] }).catch((x: unknown) => x as { body: { field: string } });
    expect((e as { body: { field: string } }).body.field).toBe('ground.sittings.1.date');
  });

  it('a deputy who holds no mandate of the maslikhat is refused', async () => {
    const e = await startPure(deputyEarlyTerminationSpec, at('2025-03-01', '12:00'), { ...input(GROUNDS[7]![1]), deputy: { id: 'D99', fullName: 'X' } }).catch((x: unknown) => refusalOf(x));
    expect(e).toBe('not_a_deputy');
  });
});

describe('"более трех раз подряд": the run counted from the attendance register', () => {
  const how = { excused: 'breaks_run', sequence: 'all_sittings', year: 'runs_across_years' } as const;
  it.each([
    ['four unexcused in a row', FOUR, how, 4],
    ['U U P U U: the attended sitting breaks the run', [sitting('a', '2025-01-01', U), sitting('b', '2025-01-02', U), sitting('c', '2025-01-03', P), sitting('d', '2025-01-04', U), sitting('e', '2025-01-05', U)], how, 2],
    ['U U E U U, excused breaks the run (default)', [sitting('a', '2025-01-01', U), sitting('b', '2025-01-02', U), sitting('c', '2025-01-03', E), sitting('d', '2025-01-04', U), sitting('e', '2025-01-05', U)], how, 2],
    ['U U E U U, excused neutral', [sitting('a', '2025-01-01', U), sitting('b', '2025-01-02', U), sitting('c', '2025-01-03', E), sitting('d', '2025-01-04', U), sitting('e', '2025-01-05', U)], { ...how, excused: 'neutral' }, 4],
    // plenary U, U; a commission sitting attended between them; plenary U, U
    ['plenary U U, commission P, plenary U U: one sequence (default) breaks', [sitting('a', '2025-01-01', U), sitting('b', '2025-01-02', U), sitting('c', '2025-01-03', P, 'body', 'бюджетная комиссия'), sitting('d', '2025-01-04', U), sitting('e', '2025-01-05', U)], how, 2],
    ['the same, each_body: four plenary absences in a row', [sitting('a', '2025-01-01', U), sitting('b', '2025-01-02', U), sitting('c', '2025-01-03', P, 'body', 'бюджетная комиссия'), sitting('d', '2025-01-04', U), sitting('e', '2025-01-05', U)], { ...how, sequence: 'each_body' }, 4],
    // the calendar year: two absences in December 2024, two in January 2025
    ['across 1 January, runs_across_years (default): 4', [sitting('a', '2024-12-10', U), sitting('b', '2024-12-24', U), sitting('c', '2025-01-14', U), sitting('d', '2025-01-28', U)], how, 4],
    ['across 1 January, within_calendar_year: 2', [sitting('a', '2024-12-10', U), sitting('b', '2024-12-24', U), sitting('c', '2025-01-14', U), sitting('d', '2025-01-28', U)], { ...how, year: 'within_calendar_year' }, 2],
    ['sittings that are not the deputy’s are skipped', [sitting('a', '2025-01-01', U), { sittingId: 'x', date: '2025-01-02', kind: 'body', body: 'другая комиссия', attendance: [{ deputyId: 'D6', status: 'present' }] }, sitting('b', '2025-01-03', U), sitting('c', '2025-01-04', U), sitting('d', '2025-01-05', U)], how, 4],
  ] as [string, Sitting[], Parameters<typeof longestRun>[2], number][])('%s', (_n, sittings, h, n) => {
    expect(longestRun(sittings, 'D5', h).length).toBe(n);
  });

  it('the interpretations used are recorded at start', async () => {
    const r = await startRow({ ground: 'non_performance', sittings: FOUR }, [{ id: 'art20.p3.calendar_year', chosen: 'within_calendar_year' }]);
    expect(r.state().interpretations).toEqual(expect.arrayContaining([{ id: 'art20.p3.excused_absence', chosen: 'breaks_run' }, { id: 'art20.p3.sittings_sequence', chosen: 'all_sittings' }, { id: 'art20.p3.calendar_year', chosen: 'within_calendar_year' }]));
    expect((r.state().facts as Record<string, unknown>).absences).toMatchObject({ longestRun: 4, required: 4, met: true });
  });
});
