// Art. 24 (P-17), the pure core: the specification run through the engine's Pipeline with an
// in-memory record and a manual clock; no Temporal, PostgreSQL or SMTP. Each row: dated acts →
// stage, outcome, deadline dates, refusal codes. Dates are counted by hand on the official
// calendar (2025: 8 March a holiday with its carry-over on Monday 10 March; Наурыз 21–25 March
// with its carry-overs; months counted to the same day number).
import { describe, expect, it } from 'vitest';
import { LATEST_OFFICIAL_VERSION, officialCalendar } from '../../statute/calendar/index.js';
import { DEFAULT_EDITION_ID, getEdition } from '../../statute/rules.js';
import type { Io } from '../../workflows/engine/spec.js';
import { noConfidenceSpec } from '../../workflows/no-confidence.js';
import { refusalOf, startPure } from '../harness/pure.js';

const calendarRef = `kz-official@${LATEST_OFFICIAL_VERSION}`;
// 25 seats: one fifth = 5, majority of the total = 13, quorum (two thirds) = 17
const DEPUTIES = Array.from({ length: 25 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
const FIVE = DEPUTIES.slice(0, 5);
const at = (date: string, time = '10:00'): string => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const START = at('2025-03-03', '12:00');

function input(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    editionId: DEFAULT_EDITION_ID, calendarRef, unit: 'KZ-TEST-R', simulation: { legalStart: START },
    startedBy: clerk, maslikhatId: 'M-TEST',
    akim: { postId: 'A-TEST', personId: 'P-AKIM', name: 'Серікбаев Серік' },
    superior: { name: 'Президент Республики Казахстан', role: 'president', address: 'president@akorda.example.kz' },
    maslikhat: { name: 'Тестовый областной маслихат', role: 'maslikhat', address: 'maslikhat@example.kz' },
    ground: { nonApprovals: [{ decision: '12/1', date: '2024-06-20', report: 'budget 2023' }, { decision: '18/2', date: '2025-01-15', report: 'budget 2024' }] },
    appeal: { at: at('2025-03-03'), initiators: ['D01', 'D02'] },
    roster: { seats: 25, deputies: DEPUTIES.map((id) => ({ id })) },
    ...over,
  };
}

type Step = { at: string; act: string; input: Record<string, unknown>; refused?: string } | { until: string };
const sheet = (date: string, n: string, ids: string[], time?: string, refused?: string): Step => ({ at: at(date, time), act: 'submitSheet', input: { sheet: n, signatures: ids.map((deputyId) => ({ deputyId })) }, ...(refused ? { refused } : {}) });
const handIn = (date: string, refused?: string): Step => ({ at: at(date), act: 'handInSheets', input: {}, ...(refused ? { refused } : {}) });
const protocol = (date: string, invalid: string[] = []): Step => ({ at: at(date), act: 'recordProtocol', input: { protocol: { number: 'P-1' }, invalid: invalid.map((deputyId) => ({ deputyId, reason: 'signature not authentic' })) } });
const vote = (date: string, present: number, votesFor: number, refused?: string): Step => ({ at: at(date), act: 'recordVote', input: { session: { number: 'XX', kind: 'extraordinary' }, present, votesFor }, ...(refused ? { refused } : {}) });
const decide = (date: string, decision: 'terminate' | 'keep', refused?: string): Step => ({ at: at(date), act: 'recordSuperiorDecision', input: { decision, act: { number: 'Указ 1' } }, ...(refused ? { refused } : {}) });
const withdraw = (date: string, refused?: string): Step => ({ at: at(date), act: 'withdraw', input: { reason: 'r' }, ...(refused ? { refused } : {}) });
const until = (date: string, time?: string): Step => ({ until: at(date, time) });
// appeal 03.03 → sheet 05.03 → handed in 06.03 → protocol 11.03
const TO_VOTE = [sheet('2025-03-05', 'S1', FIVE), handIn('2025-03-06'), protocol('2025-03-11')];
const KEPT = [...TO_VOTE, vote('2025-04-10', 20, 13), decide('2025-04-15', 'keep')];

/** plain data for the one activity the spec calls: the register's roster on the appeal day (9 of 10 seats held) */
const io = {
  rosterAsOf: async () => ({ seats: 10, deputies: Array.from({ length: 9 }, (_, i) => ({ id: `R${i}`, fullName: `Депутат ${i}` })), digest: 'fixture' }),
} as unknown as Io;

async function run(over: Record<string, unknown>, steps: Step[]) {
  // the engine's own pipeline, as the interpreter runs it (test/harness/pure.ts)
  const r = await startPure(noConfidenceSpec, START, input(over), io);
  const { p, records } = r;
  const refusals: (string | null)[] = [];
  for (const s of steps) {
    if ('until' in s) await r.until(s.until);
    else refusals.push(await r.act(s.act, { actor: clerk, at: s.at, ...s.input }));
  }
  const b = p.book;
  return {
    p, b, records, refusals,
    deadlines: Object.fromEntries(b.deadlines.map((d) => [d.rule, d.period.date])),
    periods: b.periods.map((x) => [x.rule, x.date]),
  };
}

const refusalsOf = (steps: Step[]) => steps.filter((s): s is Exclude<Step, { until: string }> => !('until' in s)).map((s) => s.refused ?? null);

interface Row {
  name: string;
  over?: Record<string, unknown>;
  steps: Step[];
  stage: string;
  outcome?: string | null;
  /** open deadlines (rule → last day) at the end */
  deadlines?: Record<string, string>;
  /** every period computed, in order (rule, last day) */
  periods?: [string, string][];
  overdue?: string[];
}

const ROWS: Row[] = [
  {
    name: 'happy path: 1/5 signs, the vote passes 13 of 25, the President dismisses',
    steps: [...TO_VOTE, vote('2025-04-10', 20, 13), decide('2025-04-15', 'terminate')],
    stage: 'closed', outcome: 'dismissed', deadlines: {},
    periods: [
      // 10 working days from 03.03: 4–7 (4), 8 holiday, 9 Sunday, 10 carry-over, 11–14 (8), 17, 18 → 18.03
      ['art24.p4.signature_collection', '2025-03-18'],
      // 5 working days from the hand-in on 06.03: 7, 11, 12, 13, 14 (8–10 off) → 14.03
      ['art24.p4.signature_verification', '2025-03-14'],
      // one month from the protocol of 11.03 → 11.04
      ['art24.p5.session', '2025-04-11'],
      // 10 working days from receipt on 10.04 (the notice delivered that day): 11, 14–18, 21–24 → 24.04
      ['art24.p7.superior_decision', '2025-04-24'],
    ],
  },
  {
    name: 'exactly one fifth (5 of 25) passes: the session is due within a month of the protocol (11.03 → 11.04)',
    steps: TO_VOTE, stage: 'session_due', outcome: null, deadlines: { 'art24.p5.session': '2025-04-11' },
  },
  {
    name: 'one signature found not authentic: 5 valid of 6 minus 2 = 4 < 5, the initiative ends',
    steps: [sheet('2025-03-05', 'S1', [...FIVE, 'D06']), handIn('2025-03-06'), protocol('2025-03-11', ['D05', 'D06'])],
    stage: 'closed', outcome: 'initiative_ended', deadlines: {},
  },
  {
    name: '12 of 20 present is a majority of those present, not of the total (13 of 25)',
    steps: [...TO_VOTE, vote('2025-04-10', 20, 12)], stage: 'closed', outcome: 'no_confidence_not_expressed',
  },
  {
    name: '16 present is below the 11(3) quorum (17 of 25): the vote is refused, the session still due',
    steps: [...TO_VOTE, vote('2025-04-10', 16, 14, 'below_threshold'), vote('2025-04-10', 25, 26, 'count_exceeds_base')],
    stage: 'session_due', deadlines: { 'art24.p5.session': '2025-04-11' },
  },
  {
    name: 'collection closes by itself at the end of 18.03; 18.03 18:30 is in time, 19.03 too late; verification 19, 20, (21–25 Наурыз and carry-overs), 26, 27, 28 → 28.03',
    steps: [sheet('2025-03-05', 'S1', ['D01', 'D02', 'D03']), sheet('2025-03-18', 'S2', ['D04'], '18:30'), sheet('2025-03-19', 'S3', ['D05'], undefined, 'too_late')],
    stage: 'verifying', deadlines: { 'art24.p4.signature_verification': '2025-03-28' },
    periods: [['art24.p4.signature_collection', '2025-03-18'], ['art24.p4.signature_verification', '2025-03-28']],
  },
  {
    name: 'each signature is checked: not a deputy, twice in a sheet, again in another sheet, an empty sheet; a sheet before the appeal',
    steps: [
      sheet('2025-03-03', 'S0', ['D01'], '09:00', 'too_early'),
      sheet('2025-03-05', 'S1', ['D01', 'X99'], undefined, 'not_a_deputy'),
      sheet('2025-03-05', 'S2', ['D01', 'D01'], undefined, 'duplicate'),
      sheet('2025-03-05', 'S3', ['D01']),
      sheet('2025-03-05', 'S3', ['D02'], undefined, 'duplicate'),
      sheet('2025-03-06', 'S4', ['D01'], undefined, 'duplicate'),
      { at: at('2025-03-06'), act: 'submitSheet', input: { sheet: 'S5', signatures: [] }, refused: 'invalid_input' },
    ],
    stage: 'collecting', deadlines: { 'art24.p4.signature_collection': '2025-03-18' },
  },
  {
    name: 'no sheet, nothing to hand in; a protocol before the hand-in is at the wrong stage',
    steps: [handIn('2025-03-04', 'no_sheets'), { ...protocol('2025-03-04'), refused: 'wrong_stage' }],
    stage: 'collecting',
  },
  {
    name: 'verification overdue after 14.03: notified, the protocol still awaited (interpretation overdue_notice)',
    steps: [sheet('2025-03-05', 'S1', FIVE), handIn('2025-03-06'), until('2025-03-15')],
    stage: 'verifying', outcome: null, overdue: ['art24.p4.signature_verification'], deadlines: { 'art24.p4.signature_verification': '2025-03-14' },
  },
  {
    name: 'verification overdue with initiative_lapses: the procedure lapses on 14.03',
    over: { interpretations: [{ id: 'art24.p4.verification_overdue', chosen: 'initiative_lapses' }] },
    steps: [sheet('2025-03-05', 'S1', FIVE), handIn('2025-03-06'), until('2025-03-15')],
    stage: 'closed', outcome: 'lapsed', deadlines: {},
  },
  {
    name: 'no session by 11.04: overdue on 12.04, still due',
    steps: [...TO_VOTE, until('2025-04-12')], stage: 'session_due', overdue: ['art24.p5.session'],
  },
  {
    name: 'the President silent to 24.04: not yet overdue at 24.04 23:00',
    steps: [...TO_VOTE, vote('2025-04-10', 20, 13), until('2025-04-24', '23:00')],
    stage: 'superior_deciding', overdue: [], deadlines: { 'art24.p7.superior_decision': '2025-04-24' },
  },
  {
    name: 'the President silent past 24.04: overdue, notified, the decision still awaited',
    steps: [...TO_VOTE, vote('2025-04-10', 20, 13), until('2025-04-25')],
    stage: 'superior_deciding', outcome: null, overdue: ['art24.p7.superior_decision'],
  },
  {
    name: 'received counted from the session day (session_day): the same 24.04',
    over: { interpretations: [{ id: 'art24.p7.decision_received', chosen: 'session_day' }] },
    steps: [...TO_VOTE, vote('2025-04-10', 20, 13)],
    stage: 'superior_deciding', deadlines: { 'art24.p7.superior_decision': '2025-04-24' },
  },
  {
    name: 'silence deemed a rejection: the akim kept on 24.04; the repeat vote allowed six months from the first vote (10.04 → from 11.10)',
    over: { interpretations: [{ id: 'art24.p7.superior_silence', chosen: 'deemed_rejected' }] },
    steps: [...TO_VOTE, vote('2025-04-10', 20, 13), until('2025-04-26')],
    stage: 'repeat_vote_possible', deadlines: { 'art24.p8.repeat_vote': '2025-10-11' },
  },
  {
    name: '24(8): a repeat vote on 10.10 is too early, on 11.10 it binds the superior: keeping is refused, then dismissal',
    steps: [...KEPT, vote('2025-10-10', 20, 13, 'too_early'), vote('2025-10-11', 20, 13), decide('2025-10-13', 'keep', 'dismissal_mandatory'), withdraw('2025-10-13', 'wrong_stage'), decide('2025-10-14', 'terminate')],
    stage: 'closed', outcome: 'dismissed',
  },
  {
    name: 'a repeat vote that fails (12 of 25) leaves the gate open for another one',
    steps: [...KEPT, vote('2025-10-20', 20, 12)], stage: 'repeat_vote_possible', outcome: null,
  },
  {
    name: 'withdrawn while collecting; nothing after the outcome',
    steps: [sheet('2025-03-05', 'S1', FIVE), withdraw('2025-03-06'), handIn('2025-03-07', 'wrong_stage'), withdraw('2025-03-07', 'wrong_stage')],
    stage: 'closed', outcome: 'withdrawn', deadlines: {},
  },
  {
    name: 'the register (no roster in the input): 10 seats, 9 mandates held; one fifth of 10 seats = 2',
    over: { roster: undefined, maslikhatId: 'M-REG', appeal: { at: at('2025-03-03'), initiators: ['R0'] } },
    steps: [sheet('2025-03-05', 'S1', ['R9'], undefined, 'not_a_deputy'), sheet('2025-03-05', 'S2', ['R0', 'R1']), handIn('2025-03-06'), protocol('2025-03-11')],
    stage: 'session_due',
  },
];

describe('Art. 24, pure: dated acts → stage, deadlines, refusals', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const r = await run(row.over ?? {}, row.steps);
      expect(r.refusals).toEqual(refusalsOf(row.steps));
      expect(r.b.stage).toBe(row.stage);
      if (row.outcome !== undefined) expect(r.b.outcome).toBe(row.outcome);
      if (row.deadlines) expect(r.deadlines).toEqual(row.deadlines);
      if (row.periods) expect(r.periods).toEqual(row.periods);
      if (row.overdue) expect(r.b.overdue()).toEqual(row.overdue);
    });
  }
});

describe('Art. 24, pure: what the record holds', () => {
  it('the 24(4) collection period is recorded with its derivation at the start, not only when its timer fires', async () => {
    const r = await run({}, []);
    const opened = r.records.find((x) => x.act.type === 'deadlines_opened');
    expect(opened?.act.payload).toMatchObject({ deadlines: [{ rule: 'art24.p4.signature_collection', onExpiry: 'close_collection', period: { date: '2025-03-18', anchor: '2025-03-03' } }] });
    expect(r.records.map((x) => x.act.type)).toEqual(['appeal', 'deadlines_opened']);
  });

  it('the timer closes the collection: one timer_expiry with the derivation; the verification it opens is recorded', async () => {
    const r = await run({}, [sheet('2025-03-05', 'S1', FIVE), until('2025-03-20')]);
    const expiries = r.records.filter((x) => x.act.type === 'timer_expiry');
    expect(expiries.map((x) => x.act.payload)).toMatchObject([{ rule: 'art24.p4.signature_collection', onExpiry: 'close_collection', consequence: 'close_collection', period: { date: '2025-03-18' } }]);
    expect(r.b.facts.sheetsHandedIn).toBe('2025-03-18');
    const opened = r.records.filter((x) => x.act.type === 'deadlines_opened').map((x) => (x.act.payload as { deadlines: { rule: string }[] }).deadlines.map((d) => d.rule));
    expect(opened).toEqual([['art24.p4.signature_collection'], ['art24.p4.signature_verification']]);
  });

  it('the thresholds of the happy path and the interpretations recorded at start', async () => {
    const r = await run({}, [...TO_VOTE, vote('2025-04-10', 20, 13)]);
    expect(r.b.thresholds.map((t) => [t.rule, t.required, t.actual, t.met])).toEqual([
      ['art24.p1.initiators_one_fifth', 5, 5, true],
      ['art24.p5.vote_majority', 13, 13, true],
    ]);
    expect(r.b.interpretations).toEqual(expect.arrayContaining([{ id: 'total_deputies.base', chosen: 'seats_fixed' }, { id: 'art24.p7.decision_received', chosen: 'notice_delivered' }]));
    expect(r.b.facts.decisionReceived).toBe('2025-04-10');
  });

  it('bad starts are refused with the field and the rule', async () => {
    for (const [over, code] of [
      [{ ground: { nonApprovals: [{ decision: '1', date: '2025-01-01', report: 'r' }] } }, 'below_threshold'],
      [{ ground: { nonApprovals: [{ decision: '1', date: '2025-01-01', report: 'r' }, { decision: '2', date: '2025-03-04', report: 'r' }] } }, 'out_of_order'],
      [{ appeal: { at: at('2025-03-03'), initiators: ['Z1'] } }, 'not_a_deputy'],
      [{ appeal: { at: at('2025-03-03'), initiators: ['D01', 'D01'] } }, 'duplicate'],
      [{ appeal: { at: at('2025-03-04'), initiators: ['D01'] } }, 'in_future'],
    ] as const) {
      await expect(run(over, []).then(() => null, refusalOf)).resolves.toBe(code);
    }
  });
});
