// P-19, Art. 36, 36-1: the specification's pure core, without Temporal, PostgreSQL or SMTP.
// Each row: dated acts on a manual clock → the stage, the open deadlines' dates and the refusals.
// Dates are counted by hand below (official calendar 2025: 06.06 Kurban Ait; weekends skipped
// only where the law's period ends on a non-working day; "за N дней" lead times are never moved).
import { describe, expect, it } from 'vitest';
import { startPure } from '../harness/pure.js';
import type { Io } from '../../workflows/engine/spec.js';
import { ruralAkimElectionSpec as spec, type Input, type RuralAkimElectionInput } from '../../workflows/rural-akim-election.js';

const EC = { kind: 'body' as const, id: 'tik-talgar', name: 'ТИК' };
const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;

/** The register, as data: 20 seats, 20 deputies holding a mandate (quorum 2/3 = 14). */
const io = {
  rosterAsOf: async ({ maslikhatId, date }: { maslikhatId: string; date: string }) => ({
    maslikhatId, unitId: 'ALM-R.TALGAR', date, seats: 20, digest: 'a'.repeat(64),
    deputies: Array.from({ length: 20 }, (_, i) => ({ id: `TD${i + 1}`, personId: `TP${i + 1}`, fullName: `Депутат ${i + 1}` })),
  }),
} as unknown as Io;

type Act = [string, string, Record<string, unknown>, string?];
interface Row {
  name: string;
  start: string;
  input?: Partial<RuralAkimElectionInput>;
  acts: Act[];
  until?: string;
  stage: string;
  outcome?: string | null;
  /** deadline key → date */
  deadlines?: Record<string, string>;
  overdue?: string[];
  milestones?: Record<string, string>;
}

/** legal now of the run in progress (the register below changes with it) */
let clock: () => number = () => 0;

async function run(row: Row, register: Io = io) {
  // the engine's own pipeline, as the interpreter runs it (test/harness/pure.ts)
  const r = await startPure(spec, row.start, { unit: 'ALM-R.TALGAR.BELBULAK', startedBy: EC, districtMaslikhatId: 'M-TALGAR', trigger: { kind: 'term_end', termEnd: '2025-06-30' }, ...row.input }, register);
  clock = r.now;
  const refusals: (string | null)[] = [];
  for (const [when, name, body] of row.acts) refusals.push(await r.act(name, { actor: EC, at: when, ...body }));
  if (row.until) await r.until(row.until);
  return { p: r.p, input: r.input as Input, refusals, records: r.records, now: r.now };
}

const nominee = (id: string, dateOfBirth = '1980-01-15', date = '2025-05-04') => ({
  candidate: { id, fullName: `Кандидат ${id}`, dateOfBirth }, submissionRef: `П-${id}`, consentRef: `З-${id}`,
  sobranieAgreement: { date, protocolRef: `С-${id}` }, declarationsReceivedOn: date,
});
const DOCS = { submission: 'П', consent: 'З', biography: 'Б', idCopy: 'УЛ', taxCertificate: 'НК' };
const sitting = (when: string, present: number, votes: Record<string, number>, refusal?: string): Act =>
  [when, 'recordSitting', { protocolRef: `П-${when}`, present, participated: present, tallies: Object.entries(votes).map(([candidateId, v]) => ({ candidateId, votes: v })) }, ...(refusal ? [refusal] : [])] as unknown as Act;

/** Called 02.05.2025 for Sunday 01.06.2025 (E); candidates nominated 05.05 and registered 10.05. */
const called: Act[] = [[at('2025-05-02'), 'callElection', { decisionNumber: 'ТИК-7', electionDay: '2025-06-01' }]];
const candidates = (ids: string[]): Act[] => [
  ...ids.map((id, i): Act => [at('2025-05-05', `1${i}:00`), 'nominateCandidate', nominee(id)]),
  ...ids.map((id, i): Act => [at('2025-05-10', `1${i}:00`), 'registerCandidate', { candidateId: id, decisionNumber: `Р-${id}`, documents: DOCS }]),
];
const elected: Act[] = [...called, ...candidates(['A', 'B']), sitting(at('2025-06-01', '11:00'), 15, { A: 9, B: 6 })];
/** Early termination 10.03.2025, called 14.03 for Sunday 04.05.2025. */
const EARLY = { trigger: { kind: 'early_termination' as const, terminatedOn: '2025-03-10' } };
const earlyCalled: Act[] = [[at('2025-03-14'), 'callElection', { decisionNumber: 'ТИК-1', electionDay: '2025-05-04' }]];

const ROWS: Row[] = [
  {
    // 36-1(10): "не позднее чем за сорок дней до окончания срока": 30.06 − 40 days = 21.05 (a lead time, never moved)
    name: 'term end 30.06.2025: the call is due by 21.05; bad days refused, nothing changes',
    start: at('2025-04-28', '09:00'),
    acts: [
      [at('2025-05-02'), 'callElection', { decisionNumber: '1', electionDay: '1 June' }, 'invalid_input'],
      // "в течение месяца" from the call (T-14 from_calling): 02.05 + 1 month = 02.06, so 03.06 is late
      [at('2025-05-02'), 'callElection', { decisionNumber: '1', electionDay: '2025-06-03' }, 'too_late'],
      [at('2025-05-02'), 'recordSitting', { protocolRef: 'x', present: 1, participated: 1, tallies: [] }, 'wrong_stage'],
    ],
    stage: 'awaiting_call',
    deadlines: { 'art36_1.p10.call_deadline': '2025-05-21' },
  },
  {
    name: 'nobody calls: the call deadline passes on 21.05 (24:00), the procedure waits overdue',
    start: at('2025-04-28', '09:00'),
    acts: [],
    until: at('2025-05-22'),
    stage: 'call_overdue',
    deadlines: { 'art36_1.p10.call_deadline': '2025-05-21' },
    overdue: ['art36_1.p10.call_deadline'],
  },
  {
    // E−30 = 02.05 (opens that day: nomination at once), E−25 = 07.05, E−15 = 17.05, 00:00 of E−1 = 31.05;
    // declarations received 04.05 + 7 days = 11.05, a Sunday → Monday 12.05
    name: 'called 02.05 for 01.06: nomination open at once; a 24-year-old and a late nominee refused',
    start: at('2025-04-28', '09:00'),
    acts: [
      ...called,
      [at('2025-05-05'), 'nominateCandidate', nominee('C', '2000-06-02'), 'below_threshold'],
      [at('2025-05-05'), 'nominateCandidate', nominee('A')],
      [at('2025-05-05', '11:00'), 'nominateCandidate', nominee('B', '2000-06-01')],
      [at('2025-05-08'), 'nominateCandidate', nominee('D', '1975-01-01'), 'too_late'],
      [at('2025-05-10'), 'registerCandidate', { candidateId: 'A', decisionNumber: 'Р-1', documents: { ...DOCS, taxCertificate: undefined } }, 'missing_documents'],
    ],
    stage: 'registration',
    deadlines: { 'art36_1.p6.registration_ends': '2025-05-17', 'art36_1.p7.campaign_ends': '2025-05-31', 'art36_1.p3.declaration_check/A': '2025-05-12' },
    milestones: { nomination_opens: '2025-05-02', nomination_closes: '2025-05-07', registration_ends: '2025-05-17', candidate_withdrawal_deadline: '2025-05-29', freeze_starts: '2025-05-30', repeat_election_deadline: '2025-08-01' },
  },
  {
    // 36-1(5)(1): 17.05 + 7 = 24.05, a Saturday → Monday 26.05
    name: 'two registered by 17.05: the campaign; publication due 26.05',
    start: at('2025-04-28', '09:00'),
    acts: [...called, ...candidates(['A', 'B'])],
    until: at('2025-05-20'),
    stage: 'campaign',
    deadlines: { 'art36_1.p5.publish_registered': '2025-05-26', 'art36_1.p10.hold_within_month': '2025-06-01' },
  },
  {
    name: 'election day 01.06 00:00: the electors listed from the register, voting open',
    start: at('2025-04-28', '09:00'),
    acts: [...called, ...candidates(['A', 'B']), [at('2025-05-20'), 'publishRegistered', { medium: 'газета' }]],
    until: at('2025-06-01', '09:00'),
    stage: 'voting',
    deadlines: { 'art36_1.p10.revote_same_day': '2025-06-01' },
  },
  {
    // 36-1(11), 36-1(9): E + 5 = 06.06 (Kurban Ait), then the weekend → Monday 09.06
    name: '15 of 20 present (quorum 14), A 9–6: the winner is registered by 09.06',
    start: at('2025-04-28', '09:00'),
    acts: [...called, ...candidates(['A', 'B']), sitting(at('2025-06-01', '11:00'), 15, { A: 9 }, 'wrong_candidates'), ...elected.slice(-1)],
    stage: 'registering_winner',
    deadlines: { 'art36_1.p11.register_winner': '2025-06-09', 'art36_1.p9.fund_report': '2025-06-09' },
    overdue: ['art36_1.p5.publish_registered'], // not published by 26.05 (36-1(5)(1))
  },
  {
    name: 'a tie 8–8, the re-vote the same day 9–7 elects A',
    start: at('2025-05-01', '09:00'),
    acts: [...called, ...candidates(['A', 'B']), sitting(at('2025-06-01', '11:00'), 16, { A: 8, B: 8 }), sitting(at('2025-06-01', '13:00'), 16, { A: 9, B: 7 })],
    stage: 'registering_winner',
    deadlines: { 'art36_1.p11.register_winner': '2025-06-09' },
    overdue: ['art36_1.p5.publish_registered'], // not published by 26.05 (36-1(5)(1))
  },
  {
    // 36-1(10): two months from 01.06 = 01.08 (a Friday)
    name: 'the re-vote ties again: repeat elections by 01.08',
    start: at('2025-05-01', '09:00'),
    acts: [...called, ...candidates(['A', 'B']), sitting(at('2025-06-01', '11:00'), 16, { A: 8, B: 8 }), sitting(at('2025-06-01', '13:00'), 16, { A: 8, B: 8 })],
    until: at('2025-06-02'),
    stage: 'repeat_pending',
    deadlines: { 'art36_1.p10.repeat_election': '2025-08-01' },
  },
  {
    name: '13 of 20 present all day: the day ends (24:00) without a result, repeat elections by 01.08',
    start: at('2025-05-01', '09:00'),
    acts: [...called, ...candidates(['A', 'B']), sitting(at('2025-06-01', '11:00'), 13, { A: 7, B: 6 }), [at('2025-06-02', '09:00'), 'recordSitting', { protocolRef: 'x', present: 16, participated: 16, tallies: [] }, 'wrong_stage']],
    stage: 'repeat_pending',
    deadlines: { 'art36_1.p10.repeat_election': '2025-08-01' },
  },
  {
    name: 'withdrawal under from_e_minus_2 (default): last day E−3 = 29.05; the freeze from E−2 = 30.05',
    start: at('2025-05-01', '09:00'),
    acts: [
      ...called, ...candidates(['A', 'B', 'C']),
      [at('2025-05-29', '18:00'), 'withdrawCandidate', { candidateId: 'A', by: 'candidate' }],
      [at('2025-05-30'), 'withdrawCandidate', { candidateId: 'B', by: 'candidate' }, 'too_late'],
      [at('2025-05-30', '11:00'), 'cancelRegistration', { candidateId: 'C', decisionNumber: 'Р-X', ground: 'early_campaigning' }, 'registration_frozen'],
      [at('2025-05-31'), 'withdrawCandidate', { candidateId: 'B', by: 'district_akim' }, 'too_late'],
    ],
    stage: 'silence',
    overdue: ['art36_1.p5.publish_registered'], // not published by 26.05 (36-1(5)(1))
  },
  {
    name: 'withdrawal under after_e_minus_2: accepted on E−2 = 30.05, refused on E−1',
    start: at('2025-05-01', '09:00'),
    input: { interpretations: [{ id: 'art36_1.p6.two_days_boundary', chosen: 'after_e_minus_2' }] },
    acts: [
      ...called, ...candidates(['A', 'B']),
      [at('2025-05-30', '18:00'), 'withdrawCandidate', { candidateId: 'A', by: 'candidate' }],
      [at('2025-05-31', '09:00'), 'withdrawCandidate', { candidateId: 'B', by: 'candidate' }, 'too_late'],
    ],
    stage: 'silence',
    overdue: ['art36_1.p5.publish_registered'], // not published by 26.05 (36-1(5)(1))
    milestones: { candidate_withdrawal_deadline: '2025-05-30', freeze_starts: '2025-05-31' },
  },
  {
    // 36-1(10): three months from 10.03 = 10.06; E−30 = 04.04, E−15 = 19.04
    name: 'early termination 10.03: held by 10.06; 15.06 refused, 04.05 called',
    start: at('2025-03-11', '09:00'),
    input: EARLY,
    acts: [[at('2025-03-14'), 'callElection', { decisionNumber: 'ТИК-1', electionDay: '2025-06-15' }, 'too_late'], ...earlyCalled.map((a): Act => [at('2025-03-14', '11:00'), a[1], a[2]])],
    stage: 'called',
    deadlines: { 'art36_1.p3.nomination_opens': '2025-04-04', 'art36_1.p6.registration_ends': '2025-04-19' },
  },
  {
    // 36-1(3): 19.04 + 10 days = 29.04 at most; extended to 27.04: publication 27.04 + 7 = 04.05, a Sunday → Monday 05.05
    name: 'one registered by 19.04: the shortfall, the extension by at most ten days, then the campaign',
    start: at('2025-03-11', '09:00'),
    input: EARLY,
    acts: [
      ...earlyCalled,
      [at('2025-04-05'), 'nominateCandidate', nominee('A', '1980-01-15', '2025-04-01')],
      [at('2025-04-05', '11:00'), 'nominateCandidate', nominee('B', '1985-03-01', '2025-04-01')],
      [at('2025-04-10'), 'registerCandidate', { candidateId: 'A', decisionNumber: 'Р-1', documents: DOCS }],
      [at('2025-04-20'), 'registerCandidate', { candidateId: 'B', decisionNumber: 'Р-2', documents: DOCS }, 'too_late'],
      [at('2025-04-20'), 'extendRegistration', { decisionNumber: 'ТИК-2', until: '2025-04-30' }, 'too_late'],
      [at('2025-04-20', '11:00'), 'extendRegistration', { decisionNumber: 'ТИК-2', until: '2025-04-27' }],
      [at('2025-04-21'), 'registerCandidate', { candidateId: 'B', decisionNumber: 'Р-2', documents: DOCS }],
    ],
    until: at('2025-04-28'),
    stage: 'campaign',
    deadlines: { 'art36_1.p5.publish_registered': '2025-05-05' },
  },
  {
    name: 'no extension decided by 29.04: the election is not held (T-40 default), repeat elections by 04.07',
    start: at('2025-03-11', '09:00'),
    input: EARLY,
    acts: [...earlyCalled, [at('2025-04-05'), 'nominateCandidate', nominee('A', '1980-01-15', '2025-04-01')], [at('2025-04-10'), 'registerCandidate', { candidateId: 'A', decisionNumber: 'Р-1', documents: DOCS }]],
    until: at('2025-04-30'),
    stage: 'repeat_pending',
    deadlines: { 'art36_1.p10.repeat_election': '2025-07-04' },
  },
  {
    // two months from the original 01.06 = 01.08: 03.08 late; 01.07 would open nomination (E−30 = 01.06) before the call 05.06
    name: 'declared invalid: repeat elections on a new calendar (20.07: nomination 20.06, registration to 05.07)',
    start: at('2025-05-01', '09:00'),
    acts: [
      ...elected,
      [at('2025-06-02'), 'declareVoid', { decisionNumber: 'ОИК-3', by: 'regional_commission', ground: 'подсчёт' }],
      [at('2025-06-05'), 'callRepeatElection', { decisionNumber: 'ТИК-9', electionDay: '2025-08-03' }, 'too_late'],
      [at('2025-06-05'), 'callRepeatElection', { decisionNumber: 'ТИК-9', electionDay: '2025-07-01' }, 'nomination_before_call'],
      [at('2025-06-05', '11:00'), 'callRepeatElection', { decisionNumber: 'ТИК-9', electionDay: '2025-07-20' }],
    ],
    stage: 'called',
    deadlines: { 'art36_1.p3.nomination_opens': '2025-06-20', 'art36_1.p6.registration_ends': '2025-07-05' },
  },
  {
    name: 'a negative special check ends the procedure (T-42 default: acting until the result)',
    start: at('2025-05-01', '09:00'),
    acts: [...elected, [at('2025-06-03'), 'registerWinner', { decisionNumber: 'Р-9' }], [at('2025-06-20'), 'recordSpecialCheck', { result: 'negative', reference: 'КНБ-2' }]],
    stage: 'special_check_negative',
    outcome: 'special_check_negative',
  },
  {
    // 36(1): four years from registration 03.06.2025 = 03.06.2029, a Sunday → Monday 04.06.2029
    name: 'a positive check: in office, the fund reports in, the run ends for the next term',
    start: at('2025-04-28', '09:00'),
    acts: [
      ...elected, [at('2025-06-03'), 'registerWinner', { decisionNumber: 'Р-9' }],
      [at('2025-06-04'), 'submitFundReport', { candidateId: 'A' }], [at('2025-06-04', '11:00'), 'submitFundReport', { candidateId: 'B' }],
      [at('2025-06-04', '12:00'), 'submitFundReport', { candidateId: 'B' }, 'duplicate'],
      [at('2025-06-20'), 'recordSpecialCheck', { result: 'positive', reference: 'КНБ-1' }],
    ],
    stage: 'in_office',
    outcome: 'took_office',
    deadlines: {},
  },
];

describe('rural akim election, the pure core (no Temporal, PostgreSQL or SMTP)', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const { p, refusals, now } = await run(row);
    expect(refusals).toEqual(row.acts.map((a) => a[3] ?? null));
    const st = p.state();
    expect(st.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(st.outcome).toBe(row.outcome);
    const dates = Object.fromEntries(st.deadlines.map((d) => [d.rule, d.period.date]));
    expect(dates).toMatchObject(row.deadlines ?? {});
    if (row.deadlines && Object.keys(row.deadlines).length === 0) expect(st.deadlines).toEqual([]);
    expect(st.overdue).toEqual(row.overdue ?? []);
    // no stale deadline: every one listed is still to come, or overdue (TartipNextDeadline is the next timer)
    for (const d of st.deadlines) expect(d.overdue === true || Date.parse(d.period.instant) > now(), d.rule).toBe(true);
    if (row.milestones) {
      const f = st.facts as unknown as { calendar: { milestones: { id: string; date: string }[] } };
      expect(Object.fromEntries(f.calendar.milestones.map((m) => [m.id, m.date]))).toMatchObject(row.milestones);
    }
  });

  it('the next term: continue-as-new input with the term 03.06.2025–04.06.2029 and the call deadline 25.04.2029 (04.06 − 40 days)', async () => {
    const row = ROWS.at(-1)!;
    const { p, input } = await run(row);
    expect(p.book.ended()).toBe(true);
    const next = spec.next!(p.book, input)!;
    expect(next).toMatchObject({ cycle: 2, trigger: { kind: 'term_end', termEnd: '2029-06-04' }, incumbent: { candidateId: 'A', termStart: '2025-06-03', termEnd: '2029-06-04' } });
    const second = await run({ name: 'cycle 2', start: next.simulation!.legalStart, input: next, acts: [], stage: 'awaiting_call' });
    expect(second.p.state().deadlines.map((d) => [d.rule, d.period.date, d.onExpiry])).toEqual([
      ['art36_1.p10.call_deadline', '2029-04-25', 'call_overdue_notice'],
      ['art36.p1.term', '2029-06-04', 'record_term_end'],
    ]);
  });

  it('refuses an unknown interpretation option at start, naming it', async () => {
    await expect(run({ name: 'bad option', start: at('2025-05-01'), input: { interpretations: [{ id: 'art36_1.p6.two_days_boundary', chosen: 'e_minus_3' }] }, acts: [], stage: 'awaiting_call' }))
      .rejects.toMatchObject({ body: { code: 'invalid_option', field: 'interpretations.art36_1.p6.two_days_boundary' } });
  });

  it('records: one timer_expiry per deadline that fired, with its derivation; the call deadline closes with the call', async () => {
    const { records } = await run({ name: 'records', start: at('2025-04-28', '09:00'), acts: elected, stage: 'registering_winner' });
    const expiries = records.filter((r) => r.act.type === 'timer_expiry').map((r) => (r.act.payload as { rule: string; consequence: string }));
    expect(expiries.map((e) => [e.rule, e.consequence])).toEqual([
      ['art36_1.p3.nomination_closes', 'nomination_closed'],
      ['art36_1.p3.declaration_check/A', 'declaration_check_period_ended'],
      ['art36_1.p3.declaration_check/B', 'declaration_check_period_ended'],
      ['art36_1.p6.registration_ends', 'campaign'],
      ['art36_1.p5.publish_registered', 'overdue_notice'],
      ['art36_1.p7.campaign_ends', 'silence'],
      ['art36_1.p10.hold_within_month', 'voting'],
    ]);
    expect(records.map((r) => r.step)).toContain('c1/start');
  });
});

describe('36-1(10): the electors are the district maslikhat as it stands on election day', () => {
  it('reads the register on election day: a deputy entered after the call (20.05) counts', async () => {
    // the register as it stands at legal now: the 20th deputy is entered on 20.05, after the call of 02.05
    const register = {
      rosterAsOf: async (q: { maslikhatId: string; date: string }) => {
        const r = await io.rosterAsOf(q as never);
        return clock() < Date.parse(at('2025-05-20', '00:00')) ? { ...r, deputies: r.deputies.slice(0, 19) } : r;
      },
    } as unknown as Io;
    const { p } = await run({ name: 'electors', start: at('2025-04-28', '09:00'), acts: [...called, ...candidates(['A', 'B'])], until: at('2025-06-01', '09:00'), stage: 'voting' }, register);
    expect(p.state().facts).toMatchObject({ electors: { date: '2025-06-01', deputies: 20 } });
  });
});
