// computePeriod, read as dated scenarios, plus properties that hold for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFromJson, CALENDAR_FORMAT, dayToIso, isoToDay, officialCalendar } from '../../statute/calendar/index.js';
import { computePeriod, PERIOD_INTERPRETATIONS, type PeriodInput } from '../../statute/periods.js';
import type { Citation } from '../../statute/types.js';
import { statuteError } from '../harness/errors.js';

const kz = officialCalendar();
const days = (anchor: string, count: number, more: Partial<PeriodInput> = {}) =>
  computePeriod({ anchor, count, unit: 'calendar_day', kind: 'deadline', ...more }, kz);
const workingDays = (anchor: string, count: number, more: Partial<PeriodInput> = {}) =>
  computePeriod({ anchor, count, unit: 'working_day', kind: 'deadline', ...more }, kz);


describe('deadlines of 10 calendar days that end on a holiday', () => {
  it.each([
    // anchor, raw end, deadline, what happens
    ['2024-12-22', '2025-01-01', '2025-01-05', 'New Year 1–2 Jan, 3 Jan off by transfer, Sat 4; Sunday 5 Jan 2025 is a working day'],
    ['2022-12-28', '2023-01-07', '2023-01-09', 'Christmas on Saturday 7 Jan 2023: no carry-over, Monday 9 Jan works'],
    ['2025-02-26', '2025-03-08', '2025-03-11', '8 March 2025 is a Saturday: carried over to Monday 10 March'],
    ['2024-03-11', '2024-03-21', '2024-03-26', 'Nauryz 21–23 March 2024 (Thu–Sat), Saturday carried over to Monday 25'],
    ['2024-04-21', '2024-05-01', '2024-05-02', '1 May 2024 (Wednesday)'],
    ['2024-04-27', '2024-05-07', '2024-05-10', '7 May 2024, 8 May off by transfer, 9 May Victory Day'],
    ['2025-04-29', '2025-05-09', '2025-05-12', '9 May 2025 (Friday) and the weekend'],
    ['2025-06-26', '2025-07-06', '2025-07-08', 'Capital Day on Sunday 6 July 2025, carried over to Monday 7 July'],
    ['2025-05-27', '2025-06-06', '2025-06-09', 'Kurban Ait on Friday 6 June 2025'],
    ['2024-08-20', '2024-08-30', '2024-09-02', 'Constitution Day, Friday 30 August 2024'],
    ['2023-10-15', '2023-10-25', '2023-10-26', 'Republic Day, Wednesday 25 October 2023'],
    ['2021-12-06', '2021-12-16', '2021-12-20', 'Independence Day 16–17 December 2021, then the weekend'],
    ['2024-12-06', '2024-12-16', '2024-12-17', 'Independence Day 16 December 2024; 17 December works since 2022'],
    ['2023-06-21', '2023-07-01', '2023-07-01', 'Saturday 1 July 2023 is a working day by transfer: no move'],
  ])('%s + 10 days: raw end %s → deadline %s (%s)', (anchor, rawEnd, deadline) => {
    const d = days(anchor, 10);
    expect(d.rawEnd).toBe(rawEnd);
    expect(d.date).toBe(deadline);
    expect(d.provisional).toBe(false);
  });

  it('records each skipped day with its reason, label and source', () => {
    const d = days('2025-02-26', 10);
    expect(d.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2025-03-08', 'holiday'],
      ['2025-03-09', 'weekend'],
      ['2025-03-10', 'carry_over'],
    ]);
    expect(d.skipped[0]!.label).toBe("Международный женский день / International Women's Day");
    expect(d.skipped[0]!.source).toContain('267-II');
    expect(d.skipped[2]!.source).toContain('при совпадении выходного и праздничного дней');
  });
});

describe('working days', () => {
  it('appeal on 17 March 2025 → 10 working days close on 3 April (Nauryz and its carry-overs skipped)', () => {
    const d = workingDays('2025-03-17', 10);
    expect(d.date).toBe('2025-04-03');
    expect(d.rawEnd).toBe('2025-04-03');
    expect(d.skipped.filter((s) => s.reason !== 'weekend').map((s) => s.date)).toEqual([
      '2025-03-21',
      '2025-03-22',
      '2025-03-23',
      '2025-03-24',
      '2025-03-25',
    ]);
  });

  it('26 June 2023 + 5 working days: Kurban Ait skipped, working Saturday 1 July counted → Monday 3 July', () => {
    const d = workingDays('2023-06-26', 5);
    expect(d.date).toBe('2023-07-03');
    expect(d.skipped.map((s) => s.date)).toEqual(['2023-06-28', '2023-07-02']);
  });

  it('an anchor on a Friday: counting starts on Monday', () => {
    expect(workingDays('2025-04-04', 1).date).toBe('2025-04-07');
  });

  it('2 working days from Friday 29 December 2017 cross the 2018 New Year → 4 January 2018, provisional for 2017', () => {
    const d = workingDays('2017-12-29', 2);
    expect(d.date).toBe('2018-01-04');
    // 30–31 December 2017 were looked at, and 2017 is outside the calendar's coverage
    expect(d.provisionalYears).toEqual([2017]);
  });
});

describe('months and years', () => {
  it.each([
    ['2025-01-31', 1, 'month', '2025-02-28', '2025-02-28'],
    ['2024-01-31', 1, 'month', '2024-02-29', '2024-02-29'],
    ['2023-03-31', 1, 'month', '2023-04-30', '2023-05-02'], // Sunday 30 April, then 1 May
    ['2025-03-17', 6, 'month', '2025-09-17', '2025-09-17'],
    ['2024-02-29', 1, 'year', '2025-02-28', '2025-02-28'],
    ['2024-02-29', 4, 'year', '2028-02-29', '2028-02-29'],
    ['2021-08-30', 1, 'year', '2022-08-30', '2022-08-31'], // Constitution Day, Tuesday 30 August 2022
  ] as const)('%s + %i %s: raw end %s, deadline %s', (anchor, count, unit, rawEnd, deadline) => {
    const d = computePeriod({ anchor, count, unit, kind: 'deadline' }, kz);
    expect(d.rawEnd).toBe(rawEnd);
    expect(d.date).toBe(deadline);
  });

  it('records period.month_end only when the date had to be clamped', () => {
    const clamped = computePeriod({ anchor: '2025-01-31', count: 1, unit: 'month', kind: 'deadline' }, kz);
    expect(clamped.interpretations.map((i) => i.id)).toContain('period.month_end');
    const plain = computePeriod({ anchor: '2025-01-15', count: 1, unit: 'month', kind: 'deadline' }, kz);
    expect(plain.interpretations.map((i) => i.id)).not.toContain('period.month_end');
  });

  it('the other option of period.month_end: 31 January + 1 month → 1 March (Saturday) → Monday 3 March 2025', () => {
    const d = computePeriod(
      {
        anchor: '2025-01-31',
        count: 1,
        unit: 'month',
        kind: 'deadline',
        interpretations: [{ id: 'period.month_end', chosen: 'first_day_of_next_month' }],
      },
      kz,
    );
    expect([d.rawEnd, d.date]).toEqual(['2025-03-01', '2025-03-03']);
  });
});

describe('waiting ("по истечении") versus deadline on the same inputs', () => {
  it('6 months from 17 March 2025: the period runs 18.03–17.09; deadline 17 September, allowed from 18 September', () => {
    const deadline = computePeriod({ anchor: '2025-03-17', count: 6, unit: 'month', kind: 'deadline' }, kz);
    const waiting = computePeriod({ anchor: '2025-03-17', count: 6, unit: 'month', kind: 'waiting' }, kz);
    expect(deadline.rawEnd).toBe('2025-09-17');
    expect(deadline.date).toBe('2025-09-17');
    expect(waiting.rawEnd).toBe('2025-09-17');
    expect(waiting.date).toBe('2025-09-18');
    expect(waiting.interpretations).toContainEqual({ id: 'period.waiting_first_allowed_day', chosen: 'day_after_last_day' });
    expect(deadline.instant).toBe('2025-09-17T19:00:00.000Z'); // 24:00 of 17 Sept, UTC+5
    expect(waiting.instant).toBe('2025-09-17T19:00:00.000Z'); // 00:00 of 18 Sept: the same moment
  });

  it('1 month from 22 February 2025: the deadline moves off Nauryz to 26 March; the waiting result stays on Sunday 23 March', () => {
    const deadline = computePeriod({ anchor: '2025-02-22', count: 1, unit: 'month', kind: 'deadline' }, kz);
    const waiting = computePeriod({ anchor: '2025-02-22', count: 1, unit: 'month', kind: 'waiting' }, kz);
    expect(deadline.date).toBe('2025-03-26');
    expect(waiting.date).toBe('2025-03-23');
    expect(waiting.skipped).toEqual([]);
  });

  it('the other option of period.waiting_first_allowed_day: the last day itself', () => {
    const w = computePeriod(
      {
        anchor: '2025-03-17',
        count: 6,
        unit: 'month',
        kind: 'waiting',
        interpretations: [{ id: 'period.waiting_first_allowed_day', chosen: 'last_day' }],
      },
      kz,
    );
    expect(w.date).toBe('2025-09-17');
  });
});

describe('interpretations', () => {
  it('every period records period.start_next_day; deadlines record the non-working-day rule', () => {
    const d = days('2025-03-17', 10);
    expect(d.interpretations).toEqual([
      { id: 'period.start_next_day', chosen: 'next_day' },
      { id: 'period.deadline_non_working_day', chosen: 'next_working_day' },
    ]);
    for (const i of Object.values(PERIOD_INTERPRETATIONS)) {
      expect(i.options).toContain(i.default);
      expect(i.rationale.length).toBeGreaterThan(40);
    }
    expect(PERIOD_INTERPRETATIONS.startNextDay.rationale).toContain('начинается на следующий день');
  });

  it('same_day: the anchor is day 1 (also accepted under the id period.anchor_day)', () => {
    const a = days('2025-04-01', 10, { interpretations: [{ id: 'period.start_next_day', chosen: 'same_day' }] });
    const b = days('2025-04-01', 10, { interpretations: [{ id: 'period.anchor_day', chosen: 'same_day' }] });
    expect(a.rawEnd).toBe('2025-04-10');
    expect(b.rawEnd).toBe('2025-04-10');
    expect(days('2025-04-01', 10).rawEnd).toBe('2025-04-11');
  });

  it('no_move: a deadline may end on a non-working day when a procedure records that choice', () => {
    const d = days('2025-02-26', 10, { interpretations: [{ id: 'period.deadline_non_working_day', chosen: 'no_move' }] });
    expect(d.date).toBe('2025-03-08');
    expect(d.skipped).toEqual([]);
  });

  it('recorded choices outside period arithmetic are left to the caller, not refused', () => {
    const d = days('2025-03-17', 10, { interpretations: [{ id: 'days.unqualified_are_calendar', chosen: 'calendar_day' }] });
    expect(d.date).toBe('2025-03-27');
    expect(d.interpretations.map((i) => i.id)).not.toContain('days.unqualified_are_calendar');
  });

  it('citations given are carried into the derivation', () => {
    const cite: Citation = { law: '148', article: '24', paragraph: '4', quote: 'в течение десяти рабочих дней', source: '000_183c24e7cb45d52d.txt' };
    expect(workingDays('2025-03-17', 10, { citations: [cite] }).citations).toEqual([cite]);
  });
});

describe('legal time: the instant a deadline ends', () => {
  it.each([
    ['2025-03-25', 'astana', '2025-04-04T19:00:00.000Z', '+05:00'], // UTC+5 everywhere since 1 March 2024
    ['2023-01-30', 'astana', '2023-02-09T18:00:00.000Z', '+06:00'],
    ['2023-01-30', 'almaty', '2023-02-09T18:00:00.000Z', '+06:00'],
    ['2023-01-30', 'aktobe', '2023-02-09T19:00:00.000Z', '+05:00'],
    ['2023-01-30', 'kostanay', '2023-02-09T18:00:00.000Z', '+06:00'],
    ['2018-11-30', 'kyzylorda', '2018-12-10T18:00:00.000Z', '+06:00'],
    ['2019-01-21', 'kyzylorda', '2019-01-31T19:00:00.000Z', '+05:00'], // UTC+5 from 21 December 2018
    ['2024-02-19', 'astana', '2024-02-29T19:00:00.000Z', '+05:00'], // 24:00 of 29 Feb 2024 came in the new time
  ] as const)('10 days from %s in %s end at %s (UTC%s)', (anchor, region, instant, offset) => {
    const d = days(anchor, 10, { region });
    expect(d.instant).toBe(instant);
    expect(d.utcOffset).toBe(offset);
    expect(d.region).toBe(region);
  });

  it('the default region is Astana', () => {
    expect(days('2023-01-30', 10).region).toBe('astana');
  });
});

describe('provisional answers are visible', () => {
  it('a deadline ending in 2027 says so, and which year', () => {
    const d = days('2026-12-25', 10);
    expect(d.rawEnd).toBe('2027-01-04');
    expect(d.date).toBe('2027-01-05'); // 2 January 2027 is a Saturday: Monday 4 January off
    expect(d.provisional).toBe(true);
    expect(d.provisionalYears).toEqual([2027]);
  });

  it('a deadline in a confirmed year is not provisional', () => {
    expect(days('2025-03-17', 10)).toMatchObject({ provisional: false, provisionalYears: [] });
  });

  it('the derivation names the calendar it used', () => {
    expect(days('2025-03-17', 10)).toMatchObject({ calendarId: 'kz-official', calendarVersion: '2026-11-22' });
  });

  it('a what-if overlay changes the answer and names itself', () => {
    const whatIf = calendarFromJson({
      format: CALENDAR_FORMAT,
      type: 'overlay',
      base: 'kz-official@2026-11-22',
      id: 'extra-day-off',
      version: '1',
      add: [{ date: '2025-04-03', kind: 'day_off', label: 'Extra day off' }],
    });
    const d = computePeriod({ anchor: '2025-03-17', count: 10, unit: 'working_day', kind: 'deadline' }, whatIf);
    expect(d.date).toBe('2025-04-04');
    expect(d.calendarId).toBe('extra-day-off');
  });
});

describe('bad input is refused with a code and the field', () => {
  it.each([
    [{ anchor: '2025-02-30' }, 'invalid_date', 'anchor'],
    [{ anchor: '17.03.2025' }, 'invalid_date', 'anchor'],
    [{ count: 0 }, 'invalid_count', 'count'],
    [{ count: -3 }, 'invalid_count', 'count'],
    [{ count: 1.5 }, 'invalid_count', 'count'],
    [{ count: Number.NaN }, 'invalid_count', 'count'],
    [{ count: 10_000_000 }, 'invalid_count', 'count'],
    [{ unit: 'week' }, 'invalid_unit', 'unit'],
    [{ kind: 'soon' }, 'invalid_kind', 'kind'],
    [{ region: 'mars' }, 'invalid_region', 'region'],
    [{ interpretations: [{ id: 'period.nope', chosen: 'x' }] }, 'unknown_interpretation', 'interpretations.0.id'],
    [{ interpretations: [{ id: 'period.start_next_day', chosen: 'x' }] }, 'invalid_option', 'interpretations.0.chosen'],
  ])('%j → %s (%s)', (patch, code, field) => {
    const input = { anchor: '2025-03-17', count: 10, unit: 'calendar_day', kind: 'deadline', ...patch } as PeriodInput;
    const e = statuteError(() => computePeriod(input, kz));
    expect(e.body.code).toBe(code);
    expect(e.body.field).toBe(field);
  });
});

describe('properties', () => {
  const from = isoToDay('2018-01-01');
  const to = isoToDay('2027-10-31');
  const anchorArb = fc.integer({ min: from, max: to }).map(dayToIso);

  it('a working-day deadline never lands on a non-working day', () => {
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 60 }), (anchor, n) => {
        const d = workingDays(anchor, n);
        expect(kz.dayInfo(d.date).working).toBe(true);
        expect(d.date).toBe(d.rawEnd);
      }),
      { numRuns: 300 },
    );
  });

  it('adding working days is monotonic: n < m ⇒ date(n) < date(m), and date(n+1) > date(n)', () => {
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (anchor, a, b) => {
        const [n, m] = a <= b ? [a, b + 1] : [b, a + 1];
        expect(workingDays(anchor, n).date < workingDays(anchor, m).date).toBe(true);
        expect(workingDays(anchor, n + 1).date > workingDays(anchor, n).date).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a deadline is never before its raw end, lands on a working day, and every day it skipped is non-working', () => {
    const unitArb = fc.constantFrom('calendar_day', 'working_day', 'month', 'year') as fc.Arbitrary<PeriodInput['unit']>;
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 24 }), unitArb, (anchor, count, unit) => {
        const d = computePeriod({ anchor, count: unit === 'year' ? Math.min(count, 3) : count, unit, kind: 'deadline' }, kz);
        expect(d.date >= d.rawEnd).toBe(true);
        expect(kz.dayInfo(d.date).working).toBe(true);
        for (const s of d.skipped) expect(kz.dayInfo(s.date).working).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a waiting result never moves: it is the day after the raw end, which equals the deadline raw end', () => {
    const unitArb = fc.constantFrom('calendar_day', 'working_day', 'month', 'year') as fc.Arbitrary<PeriodInput['unit']>;
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 24 }), unitArb, (anchor, count, unit) => {
        const w = computePeriod({ anchor, count, unit, kind: 'waiting' }, kz);
        const d = computePeriod({ anchor, count, unit, kind: 'deadline' }, kz);
        expect(isoToDay(w.date)).toBe(isoToDay(w.rawEnd) + 1);
        expect(w.rawEnd).toBe(d.rawEnd);
        expect(isoToDay(w.date)).toBeLessThanOrEqual(isoToDay(d.date) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('a month period ends on the same day of the month, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 36 }), (anchor, n) => {
        const d = computePeriod({ anchor, count: n, unit: 'month', kind: 'waiting' }, kz);
        const a = Number(anchor.slice(8));
        const e = Number(d.rawEnd.slice(8));
        const nextDay = dayToIso(isoToDay(d.rawEnd) + 1);
        expect(e === a || (e < a && nextDay.endsWith('-01'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
