// Art. 23-1 (P-15), the specification alone: no Temporal, no PostgreSQL, no SMTP. Each row is
// dated acts → the stage, the deadlines and the refusals the law gives. 30 seats: a majority of
// the total is 16, the quorum of 11(3) is 20. The 2025 calendar: 8 March (Saturday) carried to
// 10 March; Nauryz 21–23 March carried to 24–25 March.
import { describe, expect, it } from 'vitest';
import { akimConsentSpec } from '../../workflows/akim-consent.js';
import { startPure } from '../harness/pure.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const candidate = (personId: string) => ({ personId, fullName: `Кандидат ${personId}`, birthDate: '1975-05-05', biography: 'Родился в 1975 году.', workHistory: [{ from: '2000-01-01', position: 'заместитель акима', organisation: 'Акимат' }] });
const input = (level: string, first = '2025-03-03', interpretations: { id: string; chosen: string }[] = []) => ({
  unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'appointing', role: 'appointing_person' },
  post: { id: `POST-${level}`, title: `аким (${level})`, level }, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
  appointing: { name: 'Лицо, назначающее акима', role: 'appointing_person', address: 'appointing@example.kz' },
  superior: { name: 'Вышестоящее лицо', role: 'superior', address: 'superior@example.kz' },
  president: { name: 'Президент', role: 'president', address: 'president@example.kz' },
  submission: { at: at(first), candidate: candidate('C1') },
  roster: { seats: 30, deputies: Array.from({ length: 27 }, (_, i) => ({ id: `D${i + 1}` })) },
  interpretations,
});
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const session = (date: string, votesFor: number, o: { present?: number; kind?: string; candidatePresent?: boolean } = {}, refusal?: string): Act =>
  ['recordSessionDecision', date, { actor: clerk, session: { number: 'S', kind: o.kind ?? 'regular' }, candidatePresent: o.candidatePresent ?? true, present: o.present ?? 25, votesFor }, refusal];
const resubmit = (date: string, personId: string, refusal?: string): Act => ['submitCandidate', date, { actor: clerk, candidate: candidate(personId) }, refusal];

interface Row {
  name: string;
  level?: string;
  first?: string;
  interpretations?: { id: string; chosen: string }[];
  acts: Act[];
  until?: string;
  stage: string;
  outcome?: string | null;
  deadlines?: Record<string, string>;
  overdue?: string[];
}

const rows: Row[] = [
  { name: '16 of 30 is a majority of the total: consent', acts: [session('2025-03-06', 16)], stage: 'closed', outcome: 'consented' },
  // received 06.03 (interpretation: the session day): 07.03 (1), 08–10.03 off, 11.03 (2)
  { name: '15 of 25 present is not a majority of the total: another candidate by 11.03', acts: [session('2025-03-06', 15)], stage: 'awaiting_resubmission', deadlines: { 'art23_1.p3.resubmission': '2025-03-11' } },
  // received 20.03: 21–25.03 off (Nauryz and carry-overs), 26.03 (1), 27.03 (2)
  { name: 'a refusal just before Nauryz: two working days end 27.03', first: '2025-03-17', acts: [session('2025-03-20', 10)], stage: 'awaiting_resubmission', deadlines: { 'art23_1.p3.resubmission': '2025-03-27' } },
  { name: 'the refused candidate again: refused; another: accepted', acts: [session('2025-03-06', 15), resubmit('2025-03-07', 'C1', 'same_candidate'), resubmit('2025-03-07', 'C2')], stage: 'awaiting_session' },
  { name: 'an extraordinary session without the candidate', acts: [session('2025-03-06', 20, { kind: 'extraordinary', candidatePresent: false }, 'candidate_absent')], stage: 'awaiting_session' },
  { name: '19 present is below the quorum of 20', acts: [session('2025-03-06', 16, { present: 19 }, 'below_threshold')], stage: 'awaiting_session' },
  { name: 'more votes than deputies present', acts: [session('2025-03-06', 26, { present: 25 }, 'count_exceeds_base')], stage: 'awaiting_session' },
  { name: 'a session dated before the submission', acts: [session('2025-03-02', 16, {}, 'out_of_order')], stage: 'awaiting_session' },
  { name: 'a second candidate while the first awaits the session', acts: [resubmit('2025-03-04', 'C2', 'wrong_stage')], stage: 'awaiting_session' },
  { name: 'nothing by 11.03: overdue on 12.03, the cycle stays open (default interpretation)', acts: [session('2025-03-06', 15)], until: at('2025-03-12'), stage: 'awaiting_resubmission', overdue: ['art23_1.p3.resubmission'] },
  { name: 'nothing by 11.03, cycle_ends chosen: the cycle lapses', interpretations: [{ id: 'art23_1.p3.resubmission_overdue', chosen: 'cycle_ends' }], acts: [session('2025-03-06', 15)], until: at('2025-03-12'), stage: 'closed', outcome: 'lapsed' },
  { name: 'on the last day (11.03, 23:00) nothing has fired', acts: [session('2025-03-06', 15)], until: at('2025-03-11', '23:00'), stage: 'awaiting_resubmission', overdue: [] },
  {
    name: 'third refusal, region: the President may terminate (23-1(4)(1)); a fourth submission is above the cap',
    acts: [session('2025-03-06', 15), resubmit('2025-03-07', 'C2'), session('2025-03-13', 10), resubmit('2025-03-14', 'C3'), session('2025-03-27', 0), resubmit('2025-03-28', 'C4', 'above_cap')],
    stage: 'third_refusal',
  },
  {
    name: 'third refusal, district: acting akim, then the newly formed maslikhat',
    level: 'district',
    acts: [session('2025-03-06', 15), resubmit('2025-03-07', 'C2'), session('2025-03-13', 10), resubmit('2025-03-14', 'C3'), session('2025-03-27', 0),
      ['appointActingAkim', '2025-03-31', { actor: clerk, person: { personId: 'A1', fullName: 'И. о.' }, act: { number: '1' } }],
      ['newMaslikhat', '2025-04-01', { actor: clerk, maslikhatId: 'M-TEST', firstSession: '2025-06-01' }, 'same_maslikhat'],
      ['newMaslikhat', '2025-06-02', { actor: clerk, maslikhatId: 'M-NEW', firstSession: '2025-06-01' }]],
    stage: 'closed', outcome: 'new_maslikhat',
  },
  { name: 'withdrawn, then nothing more is possible', acts: [['withdraw', '2025-03-04', { actor: clerk, reason: 'отозвано' }], session('2025-03-06', 16, {}, 'wrong_stage')], stage: 'closed', outcome: 'withdrawn' },
  // a court stops the clock on 07.03, before either working day (07.03, 11.03) has run; resumed 12.03,
  // the two are counted again: 12.03 (1), 13.03 (2)
  {
    name: 'the clock suspended 07.03 and resumed 12.03: the deadline moves to 13.03',
    acts: [session('2025-03-06', 15), ['suspendClock', '2025-03-07', { actor: clerk, reason: 'иск', basis: 'определение суда', document: '2-123' }],
      ['suspendClock', '2025-03-07', { actor: clerk, reason: 'иск', basis: 'определение суда', document: '2-123' }, 'clock_suspended'],
      ['resumeClock', '2025-03-12', { actor: clerk, document: '2-124' }]],
    until: at('2025-03-13', '23:00'), stage: 'awaiting_resubmission', deadlines: { 'art23_1.p3.resubmission': '2025-03-13' }, overdue: [],
  },
  { name: 'resuming a clock that runs is refused', acts: [['resumeClock', '2025-03-04', { actor: clerk, document: 'x' }, 'clock_not_suspended']], stage: 'awaiting_session' },
  { name: 'a schema error names the field', acts: [['recordSessionDecision', '2025-03-06', { actor: clerk, present: -1 }, 'invalid_input']], stage: 'awaiting_session' },
];

describe('Art. 23-1, the specification without servers', () => {
  it.each(rows)('$name', async (row) => {
    const r = await startPure(akimConsentSpec, at(row.first ?? '2025-03-03', '12:00'), input(row.level ?? 'region', row.first, row.interpretations));
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    if (row.until) await r.until(row.until);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(s.outcome).toBe(row.outcome);
    for (const [rule, date] of Object.entries(row.deadlines ?? {})) expect(s.deadlines.find((d) => d.rule === rule)?.period.date).toBe(date);
    if (row.overdue) expect(s.overdue).toEqual(row.overdue);
  });

  it('every deadline is in the record with its derivation the moment it opens', async () => {
    const r = await startPure(akimConsentSpec, at('2025-03-03', '12:00'), input('region'));
    await r.act(...(['recordSessionDecision', { ...session('2025-03-06', 15)[2], at: at('2025-03-06') }] as const));
    const opened = r.records.filter((x) => x.act.type === 'deadlines_opened');
    expect(opened).toHaveLength(1);
    expect((opened[0]!.act.payload as { deadlines: { rule: string; period: { date: string; anchor: string } }[] }).deadlines[0]).toMatchObject({ rule: 'art23_1.p3.resubmission', period: { anchor: '2025-03-06', date: '2025-03-11' } });
  });

  it('a refused act changes nothing: same state, no record', async () => {
    const r = await startPure(akimConsentSpec, at('2025-03-03', '12:00'), input('region'));
    const before = JSON.stringify(r.state());
    const n = r.records.length;
    expect(await r.act('recordSessionDecision', { ...session('2025-03-06', 16, { present: 19 })[2], at: at('2025-03-06') })).toBe('below_threshold');
    expect(JSON.stringify(r.state())).toBe(before);
    expect(r.records).toHaveLength(n);
  });
});
