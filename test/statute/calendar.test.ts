// The official working-day calendar, read as dated scenarios, and user calendars (full or overlay).
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_FORMAT,
  calendarDataSchema,
  calendarFromJson,
  officialCalendar,
  officialCalendarVersions,
} from '../../statute/calendar/index.js';
import { KZ_OFFICIAL_2026_11_22 } from '../../statute/calendar/kz-official.js';
import { statuteError } from '../harness/errors.js';

const kz = officialCalendar();

function off(date: string): { reason?: string; label?: string } {
  const d = kz.dayInfo(date);
  expect(d.working, `${date} should be a non-working day`).toBe(false);
  return { reason: d.reason, label: d.label };
}
function on(date: string): void {
  expect(kz.dayInfo(date).working, `${date} should be a working day`).toBe(true);
}


describe('official calendar: identity and data', () => {
  it('has an id and version a procedure can pin', () => {
    expect(kz.id).toBe('kz-official');
    expect(kz.version).toBe('2026-11-22');
    expect(kz.ref).toBe('kz-official@2026-11-22');
    expect(officialCalendar('kz-official@2026-11-22').ref).toBe(kz.ref);
    expect(officialCalendarVersions()).toContain('2026-11-22');
  });

  it('refuses an unknown pinned version', () => {
    const e = statuteError(() => officialCalendar('kz-official@1999-01-01'));
    expect(e.body.code).toBe('unknown_calendar');
    expect(e.body.field).toBe('calendar');
  });

  it('is valid against its own published schema, with a source on every entry and no date twice', () => {
    const parsed = calendarDataSchema.parse(KZ_OFFICIAL_2026_11_22);
    for (const r of parsed.rules) expect(r.source.length).toBeGreaterThan(10);
    for (const e of parsed.dated) expect(e.source.length).toBeGreaterThan(10);
    const dates = parsed.dated.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(parsed.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it('every transfer pairs a day off on a weekday with a working day', () => {
    for (const e of KZ_OFFICIAL_2026_11_22.dated.filter((x) => x.kind === 'day_off')) {
      expect(e.pairedWith).toBeDefined();
      expect(kz.dayInfo(e.pairedWith!).working).toBe(true);
      expect(kz.dayInfo(e.date).working).toBe(false);
      expect(kz.dayInfo(e.date).reason).toBe('transfer');
    }
  });
});

describe('weekends and fixed holidays', () => {
  it('Saturday and Sunday are weekend days; an ordinary Monday works', () => {
    expect(off('2025-04-05').reason).toBe('weekend');
    expect(off('2025-04-06').reason).toBe('weekend');
    on('2025-04-07');
  });

  it.each([
    ['2025-01-01', 'New Year'],
    ['2025-01-02', 'New Year'],
    ['2025-01-07', 'Orthodox Christmas'],
    ['2025-03-08', "International Women's Day"],
    ['2025-03-21', 'Nauryz'],
    ['2025-03-22', 'Nauryz'],
    ['2025-03-23', 'Nauryz'],
    ['2025-05-01', 'Unity Day of the People of Kazakhstan'],
    ['2025-05-07', 'Defender of the Fatherland Day'],
    ['2025-05-09', 'Victory Day'],
    ['2025-07-06', 'Capital Day'],
    ['2025-06-06', 'Kurban Ait (first day)'],
    ['2025-08-30', 'Constitution Day'],
    ['2025-10-25', 'Republic Day'],
    ['2025-12-16', 'Independence Day'],
  ])('%s is a holiday: %s', (date, label) => {
    expect(off(date)).toEqual({ reason: 'holiday', label });
  });

  it('each holiday carries its label in ru, en and kk, and its source', () => {
    const d = kz.dayInfo('2024-03-22');
    expect(d.labels).toEqual({ en: 'Nauryz', ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' });
    expect(d.source).toContain('267-II');
    expect(d.provisional).toBe(false);
  });
});

describe('holidays changed over time', () => {
  it('1 December (First President) was a day off until 2021, not from 2022', () => {
    expect(off('2021-12-01').label).toBe('Day of the First President');
    on('2022-12-01');
  });

  it('Independence Day was 16–17 December until 2021, one day (16th) from 2022', () => {
    off('2021-12-16');
    off('2021-12-17');
    off('2022-12-16');
    // 17 December 2024 is a Tuesday: an ordinary working day now
    on('2024-12-17');
  });

  it('25 October (Republic Day) is a holiday from 2022, not before', () => {
    on('2021-10-25');
    expect(off('2022-10-25').label).toBe('Republic Day');
    expect(off('2023-10-25').label).toBe('Republic Day');
  });

  it('30 August was Constitution Day until 2025; in 2026 it is no holiday (provisional)', () => {
    expect(off('2024-08-30').label).toBe('Constitution Day');
    expect(off('2026-08-30').reason).toBe('weekend'); // Sunday, no longer a holiday
    on('2026-08-31');
    expect(kz.dayInfo('2026-08-31').provisional).toBe(true);
  });

  it('Constitution Day moves to 15 March from 2027 (provisional, unconfirmed rule)', () => {
    expect(off('2027-03-15').label).toBe('Constitution Day');
    on('2026-03-16');
    expect(kz.yearInfo(2027).reasons.join(' ')).toContain('constitution_day_2027');
  });
});

describe('carry-over: a holiday on a weekend day moves the day off to the next working day', () => {
  it('16 December 2023 (Saturday) → Monday 18 December off', () => {
    expect(kz.dayInfo('2023-12-18')).toMatchObject({ working: false, reason: 'carry_over', carriedFrom: '2023-12-16' });
  });

  it('1 January 2023 (Sunday) → 2 January is a holiday anyway, so Tuesday 3 January is off', () => {
    off('2023-01-02');
    expect(off('2023-01-03').reason).toBe('carry_over');
    on('2023-01-04');
  });

  it('2022: 1–2 January on the weekend → 3 and 4 January off; 7 May (Sat) skips 9 May → 10 May off', () => {
    expect(off('2022-01-03').reason).toBe('carry_over');
    expect(off('2022-01-04').reason).toBe('carry_over');
    expect(off('2022-05-10').reason).toBe('carry_over');
    on('2022-05-11');
  });

  it('Nauryz 2020 (Sat–Mon) → 24 and 25 March off', () => {
    expect(off('2020-03-24').reason).toBe('carry_over');
    expect(off('2020-03-25').reason).toBe('carry_over');
    on('2020-03-26');
  });

  it('Nauryz 2025 (Fri–Sun) → 24 and 25 March off', () => {
    expect(off('2025-03-24').reason).toBe('carry_over');
    expect(off('2025-03-25').reason).toBe('carry_over');
  });

  it('religious holidays are not carried over: Christmas 7 Jan 2023 (Sat), Kurban Ait 16 Jun 2024 (Sun)', () => {
    off('2023-01-07');
    on('2023-01-09');
    off('2024-06-16');
    on('2024-06-17');
  });

  it('Constitution Day 30 August 2025 (Saturday) → Monday 1 September; Republic Day 25 Oct 2025 → 27 Oct', () => {
    expect(off('2025-09-01').reason).toBe('carry_over');
    expect(off('2025-10-27').reason).toBe('carry_over');
  });

  it('Capital Day 6 July 2025 (Sunday) → 7 July', () => {
    expect(off('2025-07-07').reason).toBe('carry_over');
  });
});

describe('transfers of days off (перенос выходных дней)', () => {
  it('2023: Saturday 1 July worked, Friday 7 July off (6–9 July rest)', () => {
    expect(kz.dayInfo('2023-07-01')).toMatchObject({ working: true, reason: 'transfer', pairedWith: '2023-07-07' });
    expect(off('2023-07-07').reason).toBe('transfer');
  });

  it('2022: 22 October worked, 24 October off before Republic Day', () => {
    on('2022-10-22');
    expect(off('2022-10-24').reason).toBe('transfer');
  });

  it('2024: 4 May worked, 8 May off', () => {
    on('2024-05-04');
    expect(off('2024-05-08').reason).toBe('transfer');
  });

  it('2025: Sunday 5 January worked, Friday 3 January off', () => {
    on('2025-01-05');
    expect(off('2025-01-03').reason).toBe('transfer');
  });

  it('2020: the Victory Day carry-over (Mon 11 May) was moved to Fri 8 May', () => {
    on('2020-05-11');
    expect(off('2020-05-08').reason).toBe('transfer');
  });

  it('2018: five transfers, e.g. 29 December worked and 31 December off', () => {
    expect(kz.workingWeekendDays(2018).map((d) => d.date)).toEqual([
      '2018-03-03',
      '2018-04-28',
      '2018-05-05',
      '2018-08-25',
      '2018-12-29',
    ]);
    expect(off('2018-12-31').reason).toBe('transfer');
  });
});

describe('provisional years are said, never silent', () => {
  it.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])('%i is confirmed', (y) => {
    expect(kz.yearInfo(y)).toMatchObject({ provisional: false, reasons: [] });
  });

  it.each([2026, 2027])('%i is provisional, with reasons', (y) => {
    const info = kz.yearInfo(y);
    expect(info.provisional).toBe(true);
    expect(info.reasons.length).toBeGreaterThan(0);
    expect(kz.dayInfo(`${y}-02-10`).provisional).toBe(true);
  });

  it('a year outside the coverage is provisional, and still answers weekends and fixed holidays', () => {
    expect(kz.yearInfo(2030).provisional).toBe(true);
    expect(kz.yearInfo(2030).reasons[0]).toContain('outside');
    expect(kz.dayInfo('2030-01-01')).toMatchObject({ working: false, reason: 'holiday', provisional: true });
  });

  it('Kurban Ait 2026 is listed but marked unconfirmed', () => {
    const d = kz.dayInfo('2026-05-27');
    expect(d).toMatchObject({ working: false, reason: 'holiday', confirmed: false, provisional: true });
  });
});

describe('nonWorkingDays(year)', () => {
  it('2025: holidays, carry-overs and transfers in date order, weekends left out', () => {
    expect(kz.nonWorkingDays(2025).map((d) => d.date)).toEqual([
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-07', '2025-03-08', '2025-03-10',
      '2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25', '2025-05-01',
      '2025-05-07', '2025-05-09', '2025-06-06', '2025-07-06', '2025-07-07', '2025-08-30',
      '2025-09-01', '2025-10-25', '2025-10-27', '2025-12-16',
    ]);
  });
});

describe('dayInfo input', () => {
  it('refuses an invalid date with invalid_date naming the field', () => {
    const e = statuteError(() => kz.dayInfo('2025-02-30'));
    expect(e.body).toMatchObject({ code: 'invalid_date', field: 'date' });
  });
});

describe('user calendars (what-if)', () => {
  const overlay = {
    format: CALENDAR_FORMAT,
    type: 'overlay',
    base: 'kz-official',
    id: 'what-if',
    version: '1',
    add: [
      { date: '2025-04-07', kind: 'holiday', label: 'Local day off' },
      { date: '2025-03-24', kind: 'working_day', label: 'Worked' },
    ],
  };

  it('an overlay adds holidays and working days on the official calendar and names itself', () => {
    const c = calendarFromJson(overlay);
    expect(c.ref).toBe('what-if@1');
    expect(c.basedOn).toBe('kz-official@2026-11-22');
    expect(c.dayInfo('2025-04-07')).toMatchObject({ working: false, reason: 'holiday', label: 'Local day off' });
    expect(c.dayInfo('2025-03-24').working).toBe(true);
    expect(c.dayInfo('2025-03-25').working).toBe(false); // the rest of the official calendar stays
    expect(c.dayInfo('2025-04-07').source).toBe('overlay what-if@1');
  });

  it('an overlay can declare a provisional year confirmed for its what-if', () => {
    const c = calendarFromJson({ ...overlay, years: [{ year: 2026, confirmed: true }] });
    expect(c.yearInfo(2026).reasons.some((r) => r.startsWith('2026 not confirmed'))).toBe(false);
  });

  it('a full calendar replaces the official one', () => {
    const c = calendarFromJson({
      format: CALENDAR_FORMAT,
      type: 'calendar',
      id: 'six-day-week',
      version: '2025-01-01',
      weekend: [0],
      coverage: { from: 2025, to: 2025 },
      carryOverSource: 'none',
      rules: [
        {
          id: 'ny',
          month: 1,
          day: 1,
          validFrom: 2025,
          labels: { en: 'New Year' },
          carryOver: false,
          source: 'test',
          confirmed: true,
        },
      ],
      dated: [],
      years: [{ year: 2025, confirmed: true }],
    });
    expect(c.dayInfo('2025-04-05').working).toBe(true); // a Saturday works here
    expect(c.dayInfo('2025-04-06').working).toBe(false);
    expect(c.dayInfo('2025-03-21').working).toBe(true);
    expect(c.yearInfo(2025).provisional).toBe(false);
  });

  it.each([
    [{ ...overlay, add: [{ date: '2025-02-30', kind: 'holiday', label: 'x' }] }, 'add.0.date'],
    [{ ...overlay, add: [{ date: '2025-02-03', kind: 'party', label: 'x' }] }, 'add.0.kind'],
    [{ ...overlay, add: [{ date: '2025-02-03', kind: 'holiday' }] }, 'add.0.label'],
    [{ ...overlay, base: 'kz-official@1990-01-01' }, 'base'],
    [{ ...overlay, extra: 1 }, '(root)'],
    [{ ...overlay, format: 'v0' }, 'format'],
    [{ ...overlay, type: 'other' }, 'type'],
    [{ ...overlay, id: 'Has Spaces' }, 'id'],
  ])('refuses a bad file naming the field (%#)', (obj, field) => {
    const e = statuteError(() => calendarFromJson(obj));
    expect(e.body.code).toBe('invalid_calendar');
    expect(e.body.field).toBe(field);
    expect(e.message).toContain(field);
  });
});
