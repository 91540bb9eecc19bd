// A statutory clock stopped and resumed (statute/suspension.ts): hand-counted on the 2025
// calendar, where 21–25 March are non-working (Nauryz 21–23, carry-overs 24–25).
import { describe, expect, it } from 'vitest';
import { officialCalendar, LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { computePeriod } from '../../statute/periods.js';
import { reapplySuspensions, suspendPeriod } from '../../statute/suspension.js';
import type { DatedPeriod } from '../../statute/deadlines.js';
import type { PeriodUnit } from '../../statute/types.js';

const calendar = officialCalendar(`kz-official@${LATEST_OFFICIAL_VERSION}`);
const period = (anchor: string, count: number, unit: PeriodUnit, kind: 'deadline' | 'waiting' = 'deadline'): DatedPeriod => ({
  ...computePeriod({ anchor, count, unit, kind }, calendar), rule: 'test.rule', editionId: 'test',
});

describe('suspendPeriod: the remainder runs after the clock is resumed', () => {
  it.each([
    // 10 WD from 17.03 end 03.04 (18, 19, 20, 26, 27, 28, 31, 1, 2, 3). Stopped 19.03: only 18.03 had run;
    // 9 left (19, 20, 26, 27, 28, 31, 1, 2, 3), counted again from 31.03: 31, 1, 2, 3, 4, 7, 8, 9, 10 → 10.04
    { what: 'working days, stopped early', p: ['2025-03-17', 10, 'working_day'], from: '2025-03-19', to: '2025-03-31', date: '2025-04-10', days: 12, left: 9 },
    // stopped 02.04 with 2 left (2, 3); resumed 07.04: 7, 8 → 08.04
    { what: 'working days, stopped near the end', p: ['2025-03-17', 10, 'working_day'], from: '2025-04-02', to: '2025-04-07', date: '2025-04-08', days: 5, left: 2 },
    // 30 calendar days from 03.03 end 02.04 (4.03 is day 1); stood still 10.03–14.03 (5 days) → 07.04
    { what: 'calendar days', p: ['2025-03-03', 30, 'calendar_day'], from: '2025-03-10', to: '2025-03-15', date: '2025-04-07', days: 5 },
    // one month from 10.02 ends 10.03, the carry-over of 8 March (a Saturday), so 11.03; 3 days stood still → 14.03
    { what: 'a month', p: ['2025-02-10', 1, 'month'], from: '2025-02-20', to: '2025-02-23', date: '2025-03-14', days: 3 },
    // resumed the day it stopped: nothing moves
    { what: 'no time stood still', p: ['2025-03-17', 10, 'working_day'], from: '2025-03-27', to: '2025-03-27', date: '2025-04-03', days: 0 },
    // stopped before the period began (anchor 17.03: it starts running 18.03): only 18.03–19.03 stood still
    { what: 'stopped before the period began', p: ['2025-03-03', 30, 'calendar_day'], from: '2025-03-01', to: '2025-03-06', date: '2025-04-04', days: 2 },
  ] as const)('$what', ({ p, from, to, date, days, ...rest }) => {
    const base = period(p[0], p[1], p[2]);
    const r = suspendPeriod(base, from, to, calendar);
    expect(r.period.date).toBe(date);
    expect(r.suspension).toMatchObject({ suspendedFrom: from, resumedOn: to, days, originalDate: base.date, date });
    if ('left' in rest) expect(r.suspension.remainingWorkingDays).toBe(rest.left);
    // the deadline ends at 24:00 Astana time of its last day
    expect(r.period.instant).toBe(new Date(Date.parse(`${date}T00:00:00+05:00`) + 86_400_000).toISOString());
  });

  it('an auditor reapplies the recorded suspensions to a freshly computed period and gets the same', () => {
    const base = period('2025-03-17', 10, 'working_day');
    const once = suspendPeriod(base, '2025-03-19', '2025-03-31', calendar).period;
    const twice = suspendPeriod(once, '2025-04-01', '2025-04-03', calendar).period;
    expect(twice.suspensions).toHaveLength(2);
    expect(reapplySuspensions(base, twice.suspensions, calendar)).toEqual(twice);
    // a forged date does not survive the recomputation
    expect(reapplySuspensions(base, twice.suspensions, calendar).date).not.toBe('2025-04-30');
  });
});
