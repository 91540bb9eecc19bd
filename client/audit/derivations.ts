// Every deadline (DatedPeriod) and threshold decision (ThresholdDerivation) found anywhere in a
// procedure's records, recomputed with statute/ under the recorded edition and calendar.
// Pure: `tartip audit verify` runs it offline.
import type { Calendar } from '../../statute/calendar/index.js';
import { periodOf, type DatedPeriod } from '../../statute/deadlines.js';
import type { Edition } from '../../statute/editions/types.js';
import { rule } from '../../statute/rules.js';
import { evaluateThreshold } from '../../statute/thresholds.js';
import type { ThresholdDerivation } from '../../statute/types.js';

export type Found =
  | { kind: 'period'; path: string; value: DatedPeriod }
  | { kind: 'threshold'; path: string; value: ThresholdDerivation };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isDatedPeriod(v: unknown): v is DatedPeriod {
  return isObj(v) && typeof v.rule === 'string' && typeof v.anchor === 'string' && typeof v.count === 'number' &&
    typeof v.unit === 'string' && typeof v.date === 'string' && typeof v.instant === 'string' && typeof v.calendarId === 'string';
}

export function isThresholdDerivation(v: unknown): v is ThresholdDerivation {
  return isObj(v) && typeof v.rule === 'string' && typeof v.test === 'string' && typeof v.baseValue === 'number' &&
    typeof v.required === 'number' && typeof v.actual === 'number' && typeof v.met === 'boolean';
}

/** Walks a JSON value; `path` is a JSON path ($.a.b[2]). */
export function findDerivations(value: unknown, path: string, out: Found[] = []): Found[] {
  if (isDatedPeriod(value)) {
    out.push({ kind: 'period', path, value });
    return out;
  }
  if (isThresholdDerivation(value)) {
    out.push({ kind: 'threshold', path, value });
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => findDerivations(v, `${path}[${i}]`, out));
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) findDerivations(v, `${path}.${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}`, out);
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
  kind: 'period' | 'threshold';
  rule: string;
  ok: boolean;
  /** where the recorded value departs from the recomputed one */
  difference?: { path: string; expected: unknown; found: unknown };
  error?: string;
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
      const again = periodOf(edition, d.rule, d.anchor, calendar, d.interpretations ?? []);
      const diff = firstDifference(JSON.parse(JSON.stringify(again)) as unknown, d);
      return diff ? { ...base, ok: false, difference: { ...diff, path: f.path + diff.path } } : { ...base, ok: true };
    }
    const d = f.value;
    const r = rule(edition, d.rule, 'threshold');
    const again = evaluateThreshold(r, { baseValue: d.baseValue, actual: d.actual, interpretations: d.interpretations ?? [] });
    // Art. 24-1(2) names the maslikhat in `test`; everything else must be identical.
    const expected = { ...again, test: d.test.startsWith(again.test) ? d.test : again.test };
    const diff = firstDifference(JSON.parse(JSON.stringify(expected)) as unknown, d);
    return diff ? { ...base, ok: false, difference: { ...diff, path: f.path + diff.path } } : { ...base, ok: true };
  } catch (e) {
    return { ...base, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
