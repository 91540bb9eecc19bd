// `tartip deadline` and `tartip calendar`, run as a user runs them: node client/bin/tartip.js ...
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function tartip(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'client/bin/tartip.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TARTIP_LANG: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-cal-'));
function file(name: string, content: unknown): string {
  const p = path.join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('tartip deadline', () => {
  it('10 working days from 17 March 2025 → 3 April, with the Nauryz days it skipped', () => {
    const r = tartip(['deadline', '--from', '2025-03-17', '--working-days', '10']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Deadline: 2025-04-03 \(Thu\)/);
    expect(r.stdout).toContain('2025-04-03T19:00:00.000Z');
    expect(r.stdout).toContain('2025-03-21 Fri holiday');
    expect(r.stdout).toContain('2025-03-24 Mon carry-over');
    expect(r.stdout).toContain('267-II');
    expect(r.stdout).toContain('kz-official@2026-11-22');
    expect(r.stdout).not.toContain('provisional');
  });

  it('--json: date, provisional and skipped, plus the whole derivation', () => {
    const r = tartip(['deadline', '--from', '2025-02-26', '--days', '10', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      date: string;
      rawEnd: string;
      provisional: boolean;
      skipped: { date: string; reason: string; label: string; source?: string }[];
      interpretations: { id: string; chosen: string }[];
      calendarId: string;
    };
    expect(out.date).toBe('2025-03-11');
    expect(out.rawEnd).toBe('2025-03-08');
    expect(out.provisional).toBe(false);
    expect(out.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2025-03-08', 'holiday'],
      ['2025-03-09', 'weekend'],
      ['2025-03-10', 'carry_over'],
    ]);
    expect(out.interpretations[0]).toEqual({ id: 'period.start_next_day', chosen: 'next_day' });
    expect(out.calendarId).toBe('kz-official');
  });

  it('--waiting: 6 months from 17 March 2025 → allowed from 18 September', () => {
    const r = tartip(['deadline', '--from', '2025-03-17', '--months', '6', '--waiting', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { date: string; rawEnd: string; kind: string };
    expect(out).toMatchObject({ date: '2025-09-18', rawEnd: '2025-09-17', kind: 'waiting' });
  });

  it('a provisional year is said in the text and in JSON, with the year and the reasons', () => {
    const text = tartip(['deadline', '--from', '2026-12-25', '--days', '10']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('WARNING: provisional');
    expect(text.stdout).toContain('2027');
    const json = JSON.parse(tartip(['deadline', '--from', '2026-12-25', '--days', '10', '--json']).stdout) as {
      provisional: boolean;
      provisionalYears: number[];
      provisionalReasons: Record<string, string[]>;
    };
    expect(json.provisional).toBe(true);
    expect(json.provisionalYears).toEqual([2027]);
    expect(json.provisionalReasons['2027']!.length).toBeGreaterThan(0);
  });

  it('--lang ru and TARTIP_LANG=kk change the headings', () => {
    expect(tartip(['deadline', '--from', '2025-03-17', '--working-days', '10', '--lang', 'ru']).stdout).toMatch(/^Крайний срок: 2025-04-03/);
    expect(tartip(['deadline', '--from', '2025-03-17', '--working-days', '10'], { TARTIP_LANG: 'kk' }).stdout).toMatch(
      /^Соңғы мерзім: 2025-04-03/,
    );
  });

  it('--region matters before 1 March 2024', () => {
    const r = tartip(['deadline', '--from', '2023-01-30', '--days', '10', '--region', 'aktobe', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ instant: '2023-02-09T19:00:00.000Z', utcOffset: '+05:00' });
  });

  it('--help prints usage and exits 0', () => {
    const r = tartip(['deadline', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: tartip deadline --from YYYY-MM-DD');
  });

  it.each([
    [['--from', '2025-02-30', '--days', '3'], 'tartip deadline: --from: "2025-02-30" is not a valid date (YYYY-MM-DD)'],
    [['--from', '2025-02-03', '--days', '-3'], 'tartip deadline: --days: -3 is not a whole number from 1 to 36600'],
    [['--from', '2025-02-03', '--days=0'], 'tartip deadline: --days: 0 is not a whole number from 1 to 36600'],
    [['--from', '2025-02-03', '--working-days', '2.5'], 'tartip deadline: --working-days: "2.5" is not a whole number'],
    [['--from', '2025-02-03', '--days', '3', '--months', '1'], 'tartip deadline: give only one of --days, --months'],
    [['--from', '2025-02-03'], 'tartip deadline: give one of --working-days, --days, --months, --years'],
    [['--days', '3'], 'tartip deadline: --from YYYY-MM-DD is required'],
    [['--from', '2025-02-03', '--days', '3', '--weeks', '2'], "tartip deadline: Unknown option '--weeks'"],
    [['--from', '2025-02-03', '--days', '3', '--lang', 'fr'], 'tartip deadline: --lang: "fr" is not one of kk, ru, en'],
    [['--from', '2025-02-03', '--days', '3', '--region', 'mars'], 'tartip deadline: --region: "mars" is not a known region'],
    [['--from', '2025-02-03', '--days', '3', 'extra'], "tartip deadline: Unexpected argument 'extra'"],
  ])('%j exits 2 with one line on stderr', (args, message) => {
    const r = tartip(['deadline', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(message)).toBe(true);
  });
});

describe('tartip deadline --calendar FILE', () => {
  const overlay = {
    format: 'tartip-calendar/1',
    type: 'overlay',
    base: 'kz-official',
    id: 'what-if',
    version: '1',
    add: [{ date: '2025-04-03', kind: 'day_off', label: 'Extra day off' }],
  };

  it('an overlay changes the answer and is named in the output', () => {
    const r = tartip(['deadline', '--from', '2025-03-17', '--working-days', '10', '--calendar', file('ok.json', overlay), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2025-04-04', calendarId: 'what-if', calendar: 'what-if@1' });
  });

  it.each([
    ['bad-date.json', { ...overlay, add: [{ date: '2025-13-01', kind: 'holiday', label: 'x' }] }, 'add.0.date: not a valid date'],
    ['bad-kind.json', { ...overlay, add: [{ date: '2025-04-01', kind: 'nap', label: 'x' }] }, 'add.0.kind'],
    ['not-json.json', '{ nope', 'is not valid JSON'],
  ])('a bad file (%s) exits 2 naming the field', (name, content, fragment) => {
    const p = file(name, content);
    const r = tartip(['deadline', '--from', '2025-03-17', '--days', '10', '--calendar', p]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`tartip deadline: --calendar: "${p}"`);
    expect(r.stderr).toContain(fragment);
  });

  it('a missing file exits 2', () => {
    const r = tartip(['deadline', '--from', '2025-03-17', '--days', '10', '--calendar', path.join(tmp, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });
});

describe('tartip calendar', () => {
  it('lists the non-working days of 2023 with reasons and sources, confirmed', () => {
    const r = tartip(['calendar', '2023']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Non-working days in 2023 — Calendar kz-official@2026-11-22: confirmed/);
    expect(r.stdout).toContain('2023-06-28 Wed  holiday');
    expect(r.stdout).toContain('Kurban Ait (first day)');
    expect(r.stdout).toContain('2023-07-07 Fri  transfer');
    expect(r.stdout).toContain('2023-07-01 Sat  transfer');
    expect(r.stdout).toContain('2023-12-18 Mon  carry-over');
    expect(r.stdout).toContain('P2300000326');
  });

  it('2027 is provisional, and says why', () => {
    const r = tartip(['calendar', '2027']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PROVISIONAL');
    expect(r.stdout).toContain('Why provisional');
  });

  it('--json', () => {
    const r = tartip(['calendar', '2022', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      year: number;
      provisional: boolean;
      calendar: string;
      nonWorkingDays: { date: string; reason: string; source?: string }[];
      workingWeekendDays: { date: string }[];
    };
    expect(out).toMatchObject({ year: 2022, provisional: false, calendar: 'kz-official@2026-11-22' });
    expect(out.nonWorkingDays.map((d) => d.date)).toContain('2022-10-25');
    expect(out.nonWorkingDays.map((d) => d.date)).not.toContain('2022-12-01');
    expect(out.nonWorkingDays.every((d) => typeof d.source === 'string')).toBe(true);
    expect(out.workingWeekendDays.map((d) => d.date)).toEqual(['2022-03-05', '2022-08-27', '2022-10-22']);
  });

  it('--lang ru', () => {
    expect(tartip(['calendar', '2024', '--lang', 'ru']).stdout).toMatch(/^Нерабочие дни 2024 года/);
  });

  it('--help', () => {
    const r = tartip(['calendar', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: tartip calendar YEAR');
  });

  it.each([
    [[], 'tartip calendar: YEAR is required'],
    [['20x5'], 'tartip calendar: YEAR: "20x5" is not a year'],
    [['2025', '2026'], "tartip calendar: Unexpected argument '2026'"],
    [['2025', '--bogus'], "tartip calendar: Unknown option '--bogus'"],
  ])('%j exits 2 with one line on stderr', (args, message) => {
    const r = tartip(['calendar', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(message)).toBe(true);
  });
});
