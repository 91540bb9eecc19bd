// Art. 10(1), 11(2), 18(2)-(3) (P-02), the specification alone: no Temporal, no PostgreSQL. 30 seats
// fixed for the maslikhat, 25 deputies elected: three quarters of the seats is 23 (22.5 rounded up);
// the quorum of 11(3) is 20 of the total (the seats), the session chair needs 16 (a majority of the
// total, 18(2)). The 2025 calendar: 5 October a Sunday; no holiday from 2 September to 24 October.
import { describe, expect, it } from 'vitest';
import { firstSessionSpec } from '../../workflows/first-session.js';
import { startPure } from '../harness/pure.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const commission = { kind: 'official', id: 'tec-chair', role: 'commission_chair' };
const reg = (from: number, to: number, on: string) => Array.from({ length: to - from + 1 }, (_, i) => ({ deputyId: `D${from + i}`, on }));
const input = (registrations: { deputyId: string; on: string }[], interpretations: { id: string; chosen: string }[] = []) => ({
  unit: 'KZ-TEST', startedBy: commission, maslikhatId: 'M-NEW', maslikhatName: 'Тестовый маслихат VIII созыва', convocation: 'VIII',
  commission: { name: 'Территориальная избирательная комиссия', role: 'territorial_election_commission', address: 'tec@example.kz', chair: { id: 'tec-chair', fullName: 'Председатель ТИК' } },
  akim: { name: 'Аким', role: 'akim', address: 'akim@example.kz' },
  registrations, roster: { seats: 30, deputies: Array.from({ length: 25 }, (_, i) => ({ id: `D${i + 1}` })) }, interpretations,
});
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const convene = (date: string, session: string, refusal?: string): Act => ['convene', date, { actor: commission, session: { date: session, place: 'зал сессий' } }, refusal];
const open = (date: string, present = 22, by = 'tec-chair', refusal?: string): Act => ['openSession', date, { actor: commission, present, presidedBy: { id: by } }, refusal];
const elect = (date: string, votesFor: number, o: { deputyId?: string; present?: number; earlier?: string[] } = {}, refusal?: string): Act =>
  ['electChair', date, { actor: commission, deputyId: o.deputyId ?? 'D1', present: o.present ?? 22, votesFor, earlierElections: o.earlier ?? [] }, refusal];
const ALL = reg(1, 25, '2025-09-02');
// 20 on 02.09, 3 on 05.09 (the 21st–23rd: three quarters reached), 2 on 15.09
const SPREAD = [...reg(1, 20, '2025-09-02'), ...reg(21, 23, '2025-09-05'), ...reg(24, 25, '2025-09-15')];

interface Row {
  name: string;
  start?: string;
  registrations?: { deputyId: string; on: string }[];
  interpretations?: { id: string; chosen: string }[];
  acts: Act[];
  until?: string;
  stage: string;
  outcome?: string | null;
  deadline?: string | null;
  overdue?: string[];
  notices?: string[];
}

const rows: Row[] = [
  // registered 02.09: day 1 03.09 … day 28 30.09, day 29 01.10, day 30 02.10 (a Thursday)
  { name: 'all registered on 02.09: convened by 02.10', acts: [], stage: 'registration', deadline: '2025-10-02' },
  // T-8: thirty working days from 02.09: 03–05.09 (3), 08–12 (8), 15–19 (13), 22–26 (18), 29–30 (20), 01–03.10 (23), 06–10 (28), 13 (29), 14.10 (30)
  { name: '"дней" read as working days: 14.10', interpretations: [{ id: 'days.unqualified_are_calendar', chosen: 'working_day' }], acts: [], stage: 'registration', deadline: '2025-10-14' },
  // T-41, default three_quarters_reached: the 23rd registration is of 05.09; 05.10 is a Sunday → 06.10
  { name: 'registered on different days: thirty days from the day three quarters were reached (05.09) → 06.10', start: '2025-09-15', registrations: SPREAD, acts: [], stage: 'registration', deadline: '2025-10-06' },
  { name: '… from the first registration (02.09) → 02.10', start: '2025-09-15', registrations: SPREAD, interpretations: [{ id: 'art10.p1.registration_anchor', chosen: 'first_registration' }], acts: [], stage: 'registration', deadline: '2025-10-02' },
  // 15.09 + 30: 15.10, a Wednesday
  { name: '… from the last registration (15.09) → 15.10', start: '2025-09-15', registrations: SPREAD, interpretations: [{ id: 'art10.p1.registration_anchor', chosen: 'last_registration' }], acts: [], stage: 'registration', deadline: '2025-10-15' },
  // 22 of 30 is below three quarters (23): no period yet, convening refused; one more on 05.09 → 06.10
  {
    name: '22 of 30 seats filled: convening refused; the 23rd registered on 05.09 opens the thirty days (06.10)', registrations: reg(1, 22, '2025-09-02'),
    acts: [convene('2025-09-03', '2025-09-10', 'below_threshold'), ['registerDeputies', '2025-09-05', { actor: commission, registrations: reg(23, 23, '2025-09-05') }]],
    stage: 'registration', deadline: '2025-10-06',
  },
  {
    name: 'convened in time, opened by the commission chair, the session chair elected by 16 of the total',
    acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26'), elect('2025-09-26', 16)], stage: 'closed', outcome: 'chair_elected',
  },
  { name: 'opened by someone other than the commission chair: refused (11(2))', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26', 22, 'D1', 'not_presiding')], stage: 'convened' },
  { name: '19 present is below the quorum of 20', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26', 19, 'tec-chair', 'below_threshold')], stage: 'convened' },
  { name: 'opened before the session day: refused', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-25', 22, 'tec-chair', 'before_session')], stage: 'convened' },
  // three_quarters_of = present: 22 present meets the quorum (20) but not three quarters of the seats (23)
  { name: '"при наличии" read as present: 22 present is refused, 23 accepted', interpretations: [{ id: 'art10.p1.three_quarters_of', chosen: 'present' }], acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26', 22, 'tec-chair', 'below_threshold'), open('2025-09-26', 23)], stage: 'opened' },
  // 15 of 22 present is a majority of those present, not of the total (16)
  { name: '15 votes is not a majority of the total: not elected; 16 elects', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26'), elect('2025-09-26', 15), elect('2025-09-26', 16)], stage: 'closed', outcome: 'chair_elected' },
  { name: 'a session chair who is not a registered deputy: refused', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26'), elect('2025-09-26', 16, { deputyId: 'X1' }, 'not_a_deputy')], stage: 'opened' },
  // 18(3) "в течение календарного года": elections of 2024 do not count in 2025 (a rolling year from 26.09.2024 would count both)
  { name: 'chair twice in November and December 2024: may be elected in September 2025', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26'), elect('2025-09-26', 16, { earlier: ['2024-11-10', '2024-12-20'] })], stage: 'closed', outcome: 'chair_elected' },
  { name: 'chair twice in 2025 already: a third time in 2025 is refused', acts: [convene('2025-09-20', '2025-09-26'), open('2025-09-26'), elect('2025-09-26', 16, { earlier: ['2025-03-01', '2025-06-01'] }, 'above_cap')], stage: 'opened' },
  // art10.convened = session_day: a session on 03.10 is after 02.10
  { name: 'convened on 01.10 for 03.10: recorded late', acts: [convene('2025-10-01', '2025-10-03')], stage: 'convened' },
  { name: 'on the last day (02.10, 23:00) nothing has fired', acts: [], until: at('2025-10-02', '23:00'), stage: 'registration', overdue: [], notices: [] },
  { name: 'not convened by 02.10: overdue on 03.10, the commission and the akim are told', acts: [], until: at('2025-10-03', '09:00'), stage: 'registration', overdue: ['art10.p1.first_session'], notices: ['territorial_election_commission', 'akim'] },
  { name: 'not convened, no_consequence chosen: overdue, nobody told', interpretations: [{ id: 'art10.p1.first_session_overdue', chosen: 'no_consequence' }], acts: [], until: at('2025-10-03', '09:00'), stage: 'registration', overdue: ['art10.p1.first_session'], notices: [] },
  { name: 'a deputy registered twice, or not in the register: refused', acts: [['registerDeputies', '2025-09-05', { actor: commission, registrations: reg(1, 1, '2025-09-05') }, 'duplicate'], ['registerDeputies', '2025-09-05', { actor: commission, registrations: [{ deputyId: 'X9', on: '2025-09-05' }] }, 'not_a_deputy']], stage: 'registration' },
  { name: 'withdrawn', acts: [['withdraw', '2025-09-05', { actor: commission, reason: 'итоги выборов отменены' }]], stage: 'closed', outcome: 'withdrawn' },
];

describe('Art. 10(1), 11(2): the first session, the specification without servers', () => {
  it.each(rows)('$name', async (row) => {
    const r = await startPure(firstSessionSpec, at(row.start ?? '2025-09-02', '12:00'), input(row.registrations ?? ALL, row.interpretations));
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    if (row.until) await r.until(row.until);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(s.outcome).toBe(row.outcome);
    if (row.deadline !== undefined) expect(s.deadlines.find((d) => d.rule === 'art10.p1.first_session')?.period.date ?? null).toBe(row.deadline);
    if (row.overdue) expect(s.overdue).toEqual(row.overdue);
    if (row.notices) expect((s.notices as { to: string }[]).map((n) => n.to)).toEqual(row.notices);
  });

  it('the refusal below three quarters names the count', async () => {
    const r = await startPure(firstSessionSpec, at('2025-09-02', '12:00'), input(reg(1, 22, '2025-09-02')));
    await r.until(at('2025-09-03'));
    await expect(r.p.perform('convene', { actor: commission, session: { date: '2025-09-10', place: 'зал' }, at: at('2025-09-03') }, {} as never))
      .rejects.toMatchObject({ body: { code: 'below_threshold', field: 'registrations', rule: 'art10.p1.first_session_three_quarters', params: { required: 23, actual: 22, base: 30 } } });
  });

  it('the late convening is recorded as late under session_day, in time under convocation_act', async () => {
    for (const [chosen, late] of [['session_day', true], ['convocation_act', false]] as const) {
      const r = await startPure(firstSessionSpec, at('2025-09-02', '12:00'), input(ALL, [{ id: 'art10.convened', chosen }]));
      expect(await r.act('convene', { actor: commission, session: { date: '2025-10-03', place: 'зал' }, at: at('2025-10-01') })).toBeNull();
      expect((r.state().facts as { session: { late: boolean } }).session.late).toBe(late);
    }
  });

  it('the thirty days are in the record with their derivation, and move when the anchor moves', async () => {
    const r = await startPure(firstSessionSpec, at('2025-09-02', '12:00'), input(reg(1, 22, '2025-09-02'), [{ id: 'art10.p1.registration_anchor', chosen: 'last_registration' }]));
    await r.act('registerDeputies', { actor: commission, registrations: reg(23, 23, '2025-09-05'), at: at('2025-09-05') });
    const opened = r.records.filter((x) => x.act.type === 'deadlines_opened').flatMap((x) => (x.act.payload as { deadlines: { rule: string; period: { date: string; anchor: string } }[] }).deadlines);
    // 02.09 + 30 = 02.10; 05.09 + 30 = 05.10 (Sunday) → 06.10
    expect(opened.map((d) => [d.period.anchor, d.period.date])).toEqual([['2025-09-02', '2025-10-02'], ['2025-09-05', '2025-10-06']]);
  });

  // 10(3) (art10.p3.first_session_lead_times = apply): a session on Friday 26.09.2025. Counted back (period.days_before = e_minus_n):
  // the notice's day 1 is 25.09, day 10 is 16.09 (a Tuesday); the materials' day 5 is 21.09, a Sunday, kept (period.before_non_working_day = no_move)
  const lead = (s: { deadlines: { rule: string; period: { date: string } }[] }) => Object.fromEntries(s.deadlines.filter((d) => d.rule.startsWith('art10.p3.')).map((d) => [d.rule, d.period.date]));
  const announce = (date: string, refusal?: string): Act => ['announce', date, { actor: commission, deputies: 'письма депутатам', population: 'газета «Мысал», 16.09.2025' }, refusal];
  const materials = (date: string, refusal?: string): Act => ['provideMaterials', date, { actor: commission, materials: [{ title: 'Регламент сессии' }] }, refusal];
  const leadRows: (Omit<Row, 'stage'> & { stage: string; lead?: Record<string, string>; late?: { notice: boolean; materials: boolean } })[] = [
    { name: 'convened on 10.09 for 26.09: the notice by 16.09, the materials by 21.09 (a Sunday, not moved)', acts: [convene('2025-09-10', '2025-09-26')], stage: 'convened', lead: { 'art10.p3.notice_regular': '2025-09-16', 'art10.p3.materials_regular': '2025-09-21' } },
    { name: 'told on 16.09 (the last day) is in time; materials on 22.09 are late; both recorded at the opening', acts: [convene('2025-09-10', '2025-09-26'), announce('2025-09-16'), materials('2025-09-22'), open('2025-09-26')], stage: 'opened', late: { notice: false, materials: true } },
    { name: 'nobody told by 16.09: overdue on 17.09; the session still opens, the notice recorded as missing', acts: [convene('2025-09-10', '2025-09-26')], until: at('2025-09-17', '09:00'), stage: 'convened', overdue: ['art10.p3.notice_regular'] },
    { name: 'convened on 20.09 for 26.09: the notice was due 16.09, overdue at once (not refused: the thirty days of 10(1) come first)', acts: [convene('2025-09-20', '2025-09-26')], until: at('2025-09-20', '10:01'), stage: 'convened', overdue: ['art10.p3.notice_regular'] },
    { name: 'told twice: refused', acts: [convene('2025-09-10', '2025-09-26'), announce('2025-09-12'), announce('2025-09-13', 'duplicate')], stage: 'convened' },
    { name: 'not_applicable: no lead times, the notice act refused', interpretations: [{ id: 'art10.p3.first_session_lead_times', chosen: 'not_applicable' }], acts: [convene('2025-09-10', '2025-09-26'), announce('2025-09-12', 'not_applicable')], stage: 'convened', lead: {} },
  ];
  it.each(leadRows)('10(3) lead times: $name', async (row) => {
    const r = await startPure(firstSessionSpec, at('2025-09-02', '12:00'), input(ALL, row.interpretations));
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    if (row.until) await r.until(row.until);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.lead) expect(lead(s as never)).toEqual(row.lead);
    if (row.overdue) expect(s.overdue).toEqual(row.overdue);
    if (row.late) expect(r.records.find((x) => x.act.type === 'first_session_opened')?.act.payload).toMatchObject({ late: row.late });
    expect(s.interpretations).toContainEqual({ id: 'art10.p3.first_session_lead_times', chosen: row.interpretations?.[0]?.chosen ?? 'apply' });
  });
});
