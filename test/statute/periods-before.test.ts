// Lead times ("не позднее чем за N дней до"), direction 'before', for any procedure: computePeriod
// and periodOf, with dates counted by hand on the Kazakhstan calendar.
//
// How the dates below were counted (period.days_before = e_minus_n, the default): the event day
// A is not counted; the day before it is day 1; the Nth day counted back is the boundary.
//   10 calendar days before Saturday 22.03.2025: 21.03 is day 1, …, 12.03 is day 10 → 12.03.2025.
//   Under "не позднее" it is the last day the act is in time (until 24:00 of 12.03): a notice on
//   12.03 is in time, on 13.03 it is late. The ten days 12.03–21.03 lie between the notice day
//   (counted) and the session. n_clear_days wants ten whole days between the act and the event:
//   13.03…21.03 is only nine, so the last day is 11.03.2025.
// Calendar 2025 (statute/calendar/kz-official.ts): 8 March Saturday → carried to Monday 10 March;
// Nauryz 21 (Fri), 22 (Sat), 23 (Sun) March, carried over to Monday 24 and Tuesday 25 March;
// 1 May (Thu) Unity Day, 7 May (Wed) Defender Day, 9 May (Fri) Victory Day.
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../statute/calendar/index.js';
import { periodOf } from '../../statute/deadlines.js';
import { periodBefore } from '../../statute/election-calendar.js';
import { computePeriod, PERIOD_INTERPRETATIONS, type PeriodInput } from '../../statute/periods.js';
import { KZ_148_2018, periodFor, rule, rulesOf, type RuleId } from '../../statute/rules.js';
import type { InterpretationUse } from '../../statute/types.js';
import { statuteError } from '../harness/errors.js';

const kz = officialCalendar();
const E = KZ_148_2018;
const before = (anchor: string, count: number, unit: PeriodInput['unit'], more: Partial<PeriodInput> = {}) =>
  computePeriod({ anchor, count, unit, kind: 'deadline', direction: 'before', ...more }, kz);
const choose = (id: string, chosen: string): InterpretationUse[] => [{ id, chosen }];

describe('computePeriod, direction before: table of hand-counted lead times', () => {
  it.each([
    // anchor (event day), count, unit, interpretations, rawEnd, date, how it was counted
    ['2025-03-22', 10, 'calendar_day', [], '2025-03-12', '2025-03-12', '22 − 10: day 1 = 21.03 … day 10 = 12.03 (Wed)'],
    ['2025-03-22', 10, 'calendar_day', choose('period.days_before', 'n_clear_days'), '2025-03-11', '2025-03-11', 'ten whole days 12.03–21.03 left in between'],
    ['2025-03-22', 3, 'calendar_day', [], '2025-03-19', '2025-03-19', 'extraordinary session: 22 − 3'],
    ['2025-05-12', 10, 'calendar_day', [], '2025-05-02', '2025-05-02', '39-3(8) сход on Monday 12 May: 12 − 10 = Friday 2 May (1 May is the holiday, not 2 May)'],
    ['2025-04-02', 10, 'calendar_day', [], '2025-03-23', '2025-03-23', 'lands on Sunday 23 March (Nauryz): stays (no_move)'],
    ['2025-04-02', 10, 'calendar_day', choose('period.before_non_working_day', 'previous_working_day'), '2025-03-23', '2025-03-20', '23 Sun, 22 Sat, 21 Fri Nauryz → Thursday 20 March'],
    ['2025-03-26', 5, 'working_day', [], '2025-03-14', '2025-03-14', 'back from Wed 26: 25, 24 carry-over, 23, 22, 21 Nauryz skipped; 20, 19, 18, 17 = 1–4; 16, 15 weekend; Fri 14 = 5'],
    ['2025-03-26', 5, 'working_day', choose('period.days_before', 'n_clear_days'), '2025-03-13', '2025-03-13', 'six working days back: Thu 13'],
    ['2025-03-12', 2, 'working_day', [], '2025-03-07', '2025-03-07', 'back from Wed 12: Tue 11 = 1; Mon 10 (8 March carried over), 9, 8 skipped; Fri 7 = 2'],
    ['2025-03-31', 1, 'month', [], '2025-02-28', '2025-02-28', 'no 31 February: the last day of the month (period.month_end)'],
    ['2025-03-31', 1, 'month', choose('period.month_end', 'first_day_of_next_month'), '2025-03-01', '2025-03-01', 'no 31 February: 1 March under the other reading'],
    ['2024-02-29', 1, 'year', [], '2023-02-28', '2023-02-28', '29 February − 1 year'],
    ['2025-06-15', 2, 'month', [], '2025-04-15', '2025-04-15', 'same date two months back'],
  ] as const)('%s − %i %s %j → rawEnd %s, date %s (%s)', (anchor, count, unit, interpretations, rawEnd, date, _how) => {
    const d = before(anchor, count, unit, { interpretations: [...interpretations] });
    expect(d.direction).toBe('before');
    expect(d.anchor).toBe(anchor);
    expect(d.count).toBe(count);
    expect(d.rawEnd).toBe(rawEnd);
    expect(d.date).toBe(date);
    expect(d.date <= d.rawEnd).toBe(true); // never moved later: that would shorten the lead time
  });

  it('the derivation: anchor, count, direction, the days skipped (working days), the choices used', () => {
    const d = before('2025-03-26', 5, 'working_day');
    expect(d).toMatchObject({ anchor: '2025-03-26', count: 5, unit: 'working_day', kind: 'deadline', direction: 'before', rawEnd: '2025-03-14', date: '2025-03-14' });
    // counted back, so listed from the latest day down
    expect(d.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2025-03-25', 'carry_over'], ['2025-03-24', 'carry_over'], ['2025-03-23', 'holiday'], ['2025-03-22', 'holiday'], ['2025-03-21', 'holiday'],
      ['2025-03-16', 'weekend'], ['2025-03-15', 'weekend'],
    ]);
    expect(d.skipped[4]!.label).toContain('Наурыз');
    expect(d.interpretations).toEqual([
      { id: 'period.days_before', chosen: 'e_minus_n' },
      { id: 'period.before_non_working_day', chosen: 'no_move' },
    ]);
    // no forward-counting choice is recorded for a lead time
    expect(d.interpretations.map((u) => u.id)).not.toContain('period.start_next_day');
    // a deadline ends at 24:00 legal time (UTC+5) of its day
    expect(before('2025-03-22', 10, 'calendar_day').instant).toBe('2025-03-12T19:00:00.000Z');
  });

  it('kind waiting ("начинается за N дней до"): the first allowed day, from 00:00; never moved', () => {
    const d = computePeriod({ anchor: '2025-06-01', count: 30, unit: 'calendar_day', kind: 'waiting', direction: 'before' }, kz);
    expect(d.date).toBe('2025-05-02');
    expect(d.instant).toBe('2025-05-01T19:00:00.000Z');
    expect(d.interpretations).toEqual([{ id: 'period.days_before', chosen: 'e_minus_n' }]);
  });

  it('forward periods are unchanged and carry no direction field', () => {
    const d = computePeriod({ anchor: '2025-03-17', count: 10, unit: 'working_day', kind: 'deadline' }, kz);
    expect('direction' in d).toBe(false);
    expect(d.date).toBe('2025-04-03');
    expect(computePeriod({ anchor: '2025-03-17', count: 10, unit: 'working_day', kind: 'deadline', direction: 'after' }, kz)).toEqual(d);
  });

  it('refuses a bad direction and unknown options', () => {
    expect(statuteError(() => before('2025-03-22', 10, 'calendar_day', { direction: 'backwards' as never })).body).toMatchObject({ code: 'invalid_direction', field: 'direction' });
    expect(statuteError(() => before('2025-03-22', 10, 'calendar_day', { interpretations: choose('period.days_before', 'e_minus_n_plus_1') })).body.code).toBe('invalid_option');
  });

  it('the two lead-time interpretations are period interpretations with defaults among their options', () => {
    expect(PERIOD_INTERPRETATIONS.daysBefore.options).toContain(PERIOD_INTERPRETATIONS.daysBefore.default);
    expect(PERIOD_INTERPRETATIONS.beforeNonWorkingDay.default).toBe('no_move');
  });
});

describe('periodOf: any rule counted back from its anchor', () => {
  it.each([
    // rule, anchor, date, recorded also
    ['art10.p3.notice_regular', '2025-03-22', '2025-03-12', 'session notice, 10(3) "не позднее чем за десять дней до сессии"'],
    ['art10.p3.materials_regular', '2025-03-22', '2025-03-17', 'materials, 5 days'],
    ['art10.p3.notice_extraordinary', '2025-03-22', '2025-03-19', 'extraordinary session notice, 3 days'],
    ['art39_3.p8.notice', '2025-05-12', '2025-05-02', 'сход notice, 39-3(8) "не позднее чем за десять календарных дней"'],
    ['art36_1.p10.call_deadline', '2025-07-20', '2025-06-10', 'election called 40 days before the term ends'],
  ] as const satisfies readonly (readonly [RuleId, string, string, string])[])('%s before %s → %s (%s)', (id, anchor, date, _what) => {
    const p = periodOf(E, id, anchor, kz);
    expect(p).toMatchObject({ rule: id, editionId: E.id, anchor, direction: 'before', kind: 'deadline', date });
    expect(p.citations).toEqual([rule(E, id).cite]);
  });

  it('session notice: the derivation records the day type of "дней" and both lead-time choices', () => {
    const p = periodOf(E, 'art10.p3.notice_regular', '2025-03-22', kz);
    expect(p.interpretations).toEqual([
      { id: 'period.days_before', chosen: 'e_minus_n' },
      { id: 'period.before_non_working_day', chosen: 'no_move' },
      { id: 'days.unqualified_are_calendar', chosen: 'calendar_day' },
    ]);
    // a procedure that records working days for an unqualified "дней" gets 10 working days back:
    // back from Wed 26: 25, 24, 23, 22, 21 skipped (Nauryz); 20, 19, 18, 17 = 1–4; 16, 15 weekend; 14, 13, 12, 11 = 5–8;
    // Mon 10 (8 March carried over), 9, 8 skipped; Fri 7 = 9, Thu 6 = 10 → 6 March
    const w = periodOf(E, 'art10.p3.notice_regular', '2025-03-26', kz, [{ id: 'days.unqualified_are_calendar', chosen: 'working_day' }]);
    expect(w.unit).toBe('working_day');
    expect(w.date).toBe('2025-03-06');
    const strict = periodOf(E, 'art10.p3.notice_regular', '2025-03-22', kz, [{ id: 'period.days_before', chosen: 'n_clear_days' }]);
    expect(strict.date).toBe('2025-03-11');
  });

  it('36-1 lead times: periodOf and the election calendar (periodBefore) give the same day under either reading', () => {
    const named = new Set(['art36_1.p7.campaign_ends', 'art36_1.p7.silence']);
    const leads = rulesOf(E, 'rural_akim_election').filter((r) => (r.kind === 'period' ? r.period : r.kind === 'bar' ? r.bar.period : null)?.direction === 'before' && !named.has(r.id));
    expect(leads.length).toBeGreaterThanOrEqual(6);
    for (const chosen of ['e_minus_n', 'n_clear_days']) {
      const recorded = [{ id: 'art36_1.p3.days_before', chosen }];
      for (const r of leads) {
        const a = periodOf(E, r.id as RuleId, '2025-06-01', kz, recorded);
        const b = periodBefore(E, r.id, '2025-06-01', kz, recorded, 'ends');
        expect([r.id, chosen, a.date]).toEqual([r.id, chosen, b.date]);
        expect(a.interpretations, r.id).toContainEqual({ id: 'art36_1.p3.days_before', chosen });
      }
    }
  });

  it('periodFor passes the direction on; forward rules are unchanged', () => {
    expect(periodFor(rule(E, 'art39_3.p8.notice'), '2025-05-12').input).toMatchObject({ direction: 'before', count: 10, unit: 'calendar_day' });
    expect('direction' in periodFor(rule(E, 'art24.p4.signature_collection'), '2025-03-17').input).toBe(false);
  });
});
