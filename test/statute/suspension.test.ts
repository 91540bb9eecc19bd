// suspendPeriod: a statutory period stopped (a court, the law) and resumed, with hand-counted
// dates on the Kazakhstan calendar. 2025 (statute/calendar/kz-official.ts): 8 March (Sat) carried
// to Monday 10 March; Nauryz 21 (Fri), 22 (Sat), 23 (Sun) March, carried to Monday 24 and
// Tuesday 25 March; weekends Saturday and Sunday.
// Default (period.suspension_resumes = day_after_resumption): the days before suspendedFrom count,
// suspendedFrom … resumedOn do not, the remainder runs from the day after resumedOn.
import { describe, expect, it } from 'vitest';
import { LATEST_OFFICIAL_VERSION, officialCalendar } from '../../statute/calendar/index.js';
import { periodOf, type DatedPeriod } from '../../statute/deadlines.js';
import { computePeriod, type PeriodInput } from '../../statute/periods.js';
import { KZ_148_2018 } from '../../statute/rules.js';
import { applySuspension, reapplySuspensions, suspendPeriod } from '../../statute/suspension.js';
import { statuteError } from '../harness/errors.js';

const kz = officialCalendar();
const E = KZ_148_2018;
const period = (anchor: string, count: number, unit: PeriodInput['unit'], kind: PeriodInput['kind'] = 'deadline'): DatedPeriod => ({
  ...computePeriod({ anchor, count, unit, kind }, kz),
  rule: 'test.period',
  editionId: 'test',
});
const RESUMPTION_DAY = [{ id: 'period.suspension_resumes', chosen: 'resumption_day' }];

describe('suspendPeriod: table of hand-counted suspensions', () => {
  it.each([
    // period, suspendedFrom, resumedOn, recorded, original date, days suspended, new rawEnd, new date, how
    [() => period('2025-03-01', 10, 'calendar_day'), '2025-03-05', '2025-03-07', [], '2025-03-11', 3, '2025-03-14', '2025-03-14',
      'days 2.03–11.03; 2, 3, 4 March counted (3), 5–7 stopped (3 days), the 7 left run 8–14 March → Friday 14'],
    [() => period('2025-03-01', 10, 'calendar_day'), '2025-03-05', '2025-03-07', RESUMPTION_DAY, '2025-03-11', 2, '2025-03-13', '2025-03-13',
      'resumption_day: 7 March runs again, only 5–6 stopped → 13 March'],
    [() => period('2025-03-01', 10, 'calendar_day'), '2025-03-02', '2025-03-02', [], '2025-03-11', 1, '2025-03-12', '2025-03-12',
      'stopped on the first day only: nothing counted before, one day later'],
    [() => period('2025-03-06', 10, 'calendar_day'), '2025-03-10', '2025-03-14', [], '2025-03-17', 5, '2025-03-21', '2025-03-26',
      'was Sun 16 → Mon 17; 5 days later is Fri 21 (Nauryz); 22, 23, 24, 25 off → Wednesday 26 March'],
    [() => period('2025-01-31', 1, 'month'), '2025-02-10', '2025-02-12', [], '2025-02-28', 3, '2025-03-03', '2025-03-03',
      'one month from 31 January ends 28 February; 3 days stopped → Monday 3 March'],
    [() => periodOf(E, 'art24.p4.signature_collection', '2025-03-17', kz), '2025-03-19', '2025-03-27', [], '2025-04-03', 9, '2025-04-09', '2025-04-09',
      '10 working days from Mon 17 March: 18 March counted (1); 19–27 stopped; the 9 left from Fri 28: 28, 31, 1, 2, 3, 4, 7, 8, 9 April → Wednesday 9 April'],
    [() => periodOf(E, 'art24.p4.signature_collection', '2025-03-17', kz), '2025-03-19', '2025-03-27', RESUMPTION_DAY, '2025-04-03', 8, '2025-04-08', '2025-04-08',
      'resumption_day: the 9 left from Thu 27: 27, 28, 31, 1, 2, 3, 4, 7, 8 April → Tuesday 8 April'],
    [() => periodOf(E, 'art24.p8.repeat_vote', '2025-03-17', kz), '2025-04-01', '2025-04-10', [], '2025-09-18', 10, '2025-09-27', '2025-09-28',
      'six months: last day 17.09, allowed from 18.09; 10 days stopped → last day Sat 27.09, allowed from Sun 28.09 (a waiting period never moves)'],
  ] as const)('%#: %s', (make, from, resumed, recorded, originalDate, days, newRawEnd, newDate, _how) => {
    const p = make();
    expect(p.date).toBe(originalDate);
    const s = suspendPeriod(p, from, resumed, kz, [...recorded]);
    expect(s.suspension).toMatchObject({ suspendedFrom: from, resumedOn: resumed, daysSuspended: days, originalRawEnd: p.rawEnd, originalDate: p.date, originalInstant: p.instant, newRawEnd, newDate });
    expect(s.rawEnd).toBe(newRawEnd);
    expect(s.date).toBe(newDate);
    expect(s.rule).toBe(p.rule);
    expect(s.interpretations.at(-1)).toEqual({ id: 'period.suspension_resumes', chosen: recorded.length ? 'resumption_day' : 'day_after_resumption' });
  });

  it('the derivation of a working-day suspension: elapsed, remaining, the days skipped after resumption, the new instant', () => {
    const p = periodOf(E, 'art24.p4.signature_collection', '2025-03-17', kz);
    const s = suspendPeriod(p, '2025-03-19', '2025-03-27', kz);
    expect(s.suspension).toEqual({
      suspendedFrom: '2025-03-19',
      resumedOn: '2025-03-27',
      runsAgainFrom: '2025-03-28',
      daysSuspended: 9,
      elapsedBefore: 1,
      workingDaysRemaining: 9,
      originalRawEnd: '2025-04-03',
      originalDate: '2025-04-03',
      originalInstant: '2025-04-03T19:00:00.000Z',
      newRawEnd: '2025-04-09',
      newDate: '2025-04-09',
      interpretation: { id: 'period.suspension_resumes', chosen: 'day_after_resumption' },
    });
    // Nauryz (21–25 March) fell inside the suspension: it is no longer a skipped day of the count
    expect(s.skipped.map((d) => d.date)).toEqual(['2025-03-29', '2025-03-30', '2025-04-05', '2025-04-06']);
    expect(s.instant).toBe('2025-04-09T19:00:00.000Z'); // 24:00 Astana time (UTC+5)
    expect(s.interpretations).toEqual([...p.interpretations, { id: 'period.suspension_resumes', chosen: 'day_after_resumption' }]);
    // the original is not changed
    expect(p.date).toBe('2025-04-03');
  });

  it('a deadline that recorded no_move keeps a new end on a non-working day', () => {
    const p: DatedPeriod = {
      ...computePeriod({ anchor: '2025-03-06', count: 10, unit: 'calendar_day', kind: 'deadline', interpretations: [{ id: 'period.deadline_non_working_day', chosen: 'no_move' }] }, kz),
      rule: 'test.period', editionId: 'test',
    };
    expect(suspendPeriod(p, '2025-03-10', '2025-03-14', kz).date).toBe('2025-03-21');
  });

  it('refuses what cannot be suspended, with the rule and the date that decides it', () => {
    const p = period('2025-03-01', 10, 'calendar_day');
    expect(statuteError(() => suspendPeriod(p, '2025-03-12', '2025-03-14', kz)).body).toMatchObject({ code: 'too_late', field: 'suspendedFrom', rule: 'test.period', date: '2025-03-11' });
    expect(statuteError(() => suspendPeriod(p, '2025-03-01', '2025-03-03', kz)).body).toMatchObject({ code: 'too_early', field: 'suspendedFrom', date: '2025-03-02' });
    expect(statuteError(() => suspendPeriod(p, '2025-03-05', '2025-03-04', kz)).body).toMatchObject({ code: 'out_of_order', field: 'resumedOn' });
    expect(statuteError(() => suspendPeriod(p, '2025-02-30', '2025-03-04', kz)).body).toMatchObject({ code: 'invalid_date', field: 'suspendedFrom' });
    expect(statuteError(() => suspendPeriod({ ...p, calendarVersion: 'other' }, '2025-03-05', '2025-03-07', kz)).body).toMatchObject({ code: 'invalid_calendar', field: 'calendar' });
    expect(statuteError(() => suspendPeriod(p, '2025-03-05', '2025-03-07', kz, [{ id: 'period.suspension_resumes', chosen: 'never' }])).body.code).toBe('invalid_option');
    const lead = periodOf(E, 'art10.p3.notice_regular', '2025-03-22', kz);
    expect(statuteError(() => suspendPeriod(lead, '2025-03-05', '2025-03-07', kz)).body).toMatchObject({ code: 'unsupported_direction', rule: 'art10.p3.notice_regular' });
  });
});

describe('applySuspension: a procedure clock stopped over its open deadlines', () => {
  const cal = officialCalendar(`kz-official@${LATEST_OFFICIAL_VERSION}`);
  const wd = (anchor: string, count: number): DatedPeriod => ({ ...computePeriod({ anchor, count, unit: 'working_day', kind: 'deadline' }, cal), rule: 'art24.p4.signature_collection', editionId: 'kz-148@2018-07-12' });

  it('twice: each suspension counts on from where the last left the period', () => {
    // 10 WD from 17.03 end 03.04. Stopped 19.03, resumed 20.03, runs again 21.03: 18.03 had run, 9 left:
    // 21–25.03 off, 26, 27, 28, 31, 1, 2, 3, 4, 7 → 07.04
    const once = applySuspension(wd('2025-03-17', 10), '2025-03-19', '2025-03-20', cal)!;
    expect(once.date).toBe('2025-04-07');
    // stopped 01.04, resumed 02.04, runs again 03.04: of the 9, 26, 27, 28, 31 had run, 5 left: 3, 4, 7, 8, 9 → 09.04
    const twice = applySuspension(once, '2025-04-01', '2025-04-02', cal)!;
    expect(twice.date).toBe('2025-04-09');
    expect(twice).toMatchObject({ anchor: '2025-03-17', count: 10, unit: 'working_day' });
    expect(twice.suspensions!.map((s) => [s.suspendedFrom, s.newDate])).toEqual([['2025-03-19', '2025-04-07'], ['2025-04-01', '2025-04-09']]);
    // the auditor gets the same from the fresh period and the recorded suspensions
    expect(reapplySuspensions(wd('2025-03-17', 10), twice.suspensions, cal)).toEqual(twice);
  });

  it('a clock stopped before the period began stops it from its first day; one that stopped nothing moves nothing', () => {
    // anchor 17.03, first counted day 18.03: stopped 15.03, resumed 18.03, runs again 19.03 → all 10 from 19.03:
    // 19, 20, 26, 27, 28, 31, 1, 2, 3, 4 → 04.04
    expect(applySuspension(wd('2025-03-17', 10), '2025-03-15', '2025-03-18', cal)!.date).toBe('2025-04-04');
    // resumed before the period began: nothing of it stood still
    expect(applySuspension(wd('2025-03-17', 10), '2025-03-10', '2025-03-12', cal)).toBeNull();
    // stopped after its last counted day
    expect(applySuspension(wd('2025-03-17', 10), '2025-04-04', '2025-04-10', cal)).toBeNull();
  });
});
