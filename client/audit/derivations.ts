// Every deadline (DatedPeriod) and threshold decision (ThresholdDerivation) found anywhere in a
// procedure's records, recomputed with statute/ under the recorded edition and calendar.
// Pure: `tartip audit verify` runs it offline.
import type { Calendar } from '../../statute/calendar/index.js';
import { periodOfId as periodOf, type DatedPeriod } from '../../statute/deadlines.js';
import type { Edition } from '../../statute/editions/types.js';
import { ruleById as rule } from '../../statute/rules.js';
import { evaluateThreshold } from '../../statute/thresholds.js';
import { electionCalendar, periodBefore, type ElectionCalendar } from '../../statute/election-calendar.js';
import { isoToDay } from '../../statute/calendar/dates.js';
import { endOfDayInstant, startOfDayInstant } from '../../statute/time.js';
import type { ThresholdDerivation } from '../../statute/types.js';
import { reapplySuspensions, type MovedPeriod } from '../../statute/suspension.js';

export type Found =
  | { kind: 'period'; path: string; value: DatedPeriod }
  | { kind: 'threshold'; path: string; value: ThresholdDerivation }
  | { kind: 'election_calendar'; path: string; value: ElectionCalendar & { rule: string } };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isDatedPeriod(v: unknown): v is DatedPeriod {
  return isObj(v) && typeof v.rule === 'string' && typeof v.anchor === 'string' && typeof v.count === 'number' &&
    typeof v.unit === 'string' && typeof v.date === 'string' && typeof v.instant === 'string' && typeof v.calendarId === 'string';
}

export function isThresholdDerivation(v: unknown): v is ThresholdDerivation {
  return isObj(v) && typeof v.rule === 'string' && typeof v.test === 'string' && typeof v.baseValue === 'number' &&
    typeof v.required === 'number' && typeof v.actual === 'number' && typeof v.met === 'boolean';
}

/** Art. 36-1: a rural akim election's calendar (statute/election-calendar.ts), recomputed as a whole. */
export function isElectionCalendar(v: unknown): v is ElectionCalendar {
  return isObj(v) && typeof v.strategy === 'string' && typeof v.electionDay === 'string' && Array.isArray(v.milestones) && typeof v.editionId === 'string';
}

/**
 * Walks a JSON value; `path` is a JSON path ($.a.b[2]). With `containers` (verification), a
 * derivation made of others (an election calendar) is one item, recomputed whole; without
 * (timelines), its periods are listed one by one.
 */
export function findDerivations(value: unknown, path: string, out: Found[] = [], containers = true): Found[] {
  if (containers && isElectionCalendar(value)) {
    out.push({ kind: 'election_calendar', path, value: { ...value, rule: 'art36_1.calendar' } });
    return out;
  }
  if (isDatedPeriod(value)) {
    out.push({ kind: 'period', path, value });
    return out;
  }
  if (isThresholdDerivation(value)) {
    out.push({ kind: 'threshold', path, value });
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => findDerivations(v, `${path}[${i}]`, out, containers));
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) findDerivations(v, `${path}.${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}`, out, containers);
  return out;
}

/** The first place two JSON values differ (relative path), or null when equal. */
export function firstDifference(expected: unknown, found: unknown, path = ''): { path: string; expected: unknown; found: unknown } | null {
  if (Object.is(expected, found)) return null;
  if (Array.isArray(expected) && Array.isArray(found)) {
    for (let i = 0; i < Math.max(expected.length, found.length); i++) {
      const d = firstDifference(expected[i], found[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObj(expected) && isObj(found)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
    for (const k of keys) {
      if (expected[k] === undefined && found[k] === undefined) continue;
      const d = firstDifference(expected[k], found[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return { path, expected, found };
}

export interface Recheck {
  path: string;
  kind: Found['kind'];
  rule: string;
  ok: boolean;
  /** where the recorded value departs from the recomputed one */
  difference?: { path: string; expected: unknown; found: unknown };
  error?: string;
}

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

/** A period recomputed the way statute/ computes it, then moved again by every recorded suspension of its clock. */
function periodAgain(d: MovedPeriod, edition: Edition, calendar: Calendar): DatedPeriod {
  const fresh = freshPeriod(d, edition, calendar);
  return d.suspensions?.length ? reapplySuspensions(fresh, d.suspensions, calendar) : fresh;
}

/** Forward (periodOf), a lead time of the election calendar (periodBefore), a lead time of the engine (periodOf, recorded with direction 'before'), or a named day. */
function freshPeriod(d: DatedPeriod, edition: Edition, calendar: Calendar): DatedPeriod {
  const r = rule(edition, d.rule);
  // a day the law names itself (count 0): only its boundary instant is computed
  if (d.count === 0 && d.anchor === d.date) {
    const t = d.kind === 'waiting' ? startOfDayInstant(isoToDay(d.date)) : endOfDayInstant(d.date);
    const info = calendar.dayInfo(d.date);
    return { ...d, rawEnd: d.date, instant: t.instant, utcOffset: t.utcOffset, skipped: [], provisional: info.provisional, calendarId: calendar.id, calendarVersion: calendar.version, editionId: edition.id };
  }
  const spec = r.kind === 'period' ? r.period : r.kind === 'bar' ? r.bar.period : null;
  // a lead time the engine computed (computePeriod records its direction) recomputes the same way; the election calendar's milestones by periodBefore
  if (spec?.direction === 'before' && d.direction !== 'before') return periodBefore(edition, d.rule, d.anchor, calendar, d.interpretations ?? [], d.kind === 'waiting' ? 'starts' : 'ends');
  return periodOf(edition, d.rule, d.anchor, calendar, d.interpretations ?? []);
}

function compare(f: Found, again: unknown, base: Omit<Recheck, 'ok'>): Recheck {
  const diff = firstDifference(plain(again), f.value);
  return diff ? { ...base, ok: false, difference: { ...diff, path: f.path + diff.path } } : { ...base, ok: true };
}

/** Recomputes one recorded derivation under `edition` and `calendar`. */
export function recheck(f: Found, edition: Edition, calendar: Calendar): Recheck {
  const base = { path: f.path, kind: f.kind, rule: f.value.rule };
  try {
    if (f.kind === 'period') {
      const d = f.value;
      if (d.editionId !== edition.id) {
        return { ...base, ok: false, difference: { path: `${f.path}.editionId`, expected: edition.id, found: d.editionId } };
      }
      return compare(f, periodAgain(d, edition, calendar), base);
    }
    if (f.kind === 'election_calendar') {
      const c = f.value;
      const day = c.milestones.find((m) => m.id === 'election_day');
      const again = electionCalendar(edition, {
        electionDay: c.electionDay,
        originalElectionDay: c.originalElectionDay,
        ...(c.registrationExtendedTo !== undefined ? { registrationExtendedTo: c.registrationExtendedTo } : {}),
        electionDayRule: day?.rule ?? '',
        recorded: c.interpretations,
      }, calendar);
      const { rule: _r, ...recorded } = c;
      const diff = firstDifference(plain(again), recorded);
      return diff ? { ...base, ok: false, difference: { ...diff, path: f.path + diff.path } } : { ...base, ok: true };
    }
    const d = f.value;
    const r = rule(edition, d.rule, 'threshold');
    const again = evaluateThreshold(r, { baseValue: d.baseValue, actual: d.actual, interpretations: d.interpretations ?? [] });
    // Art. 24-1(2) names the maslikhat in `test`; everything else must be identical.
    return compare(f, { ...again, test: d.test.startsWith(again.test) ? d.test : again.test }, base);
  } catch (e) {
    return { ...base, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
