// fast-check arbitraries from zod 4 schemas (issue 13): `valueOf(schema)` gives values that follow
// a schema's structure (objects with their required and optional keys, enums, bounded texts and
// numbers, ISO dates and instants, arrays within their bounds, unions), by walking `_zod.def`;
// `hostile(values)` breaks such values the ways a client can: a field dropped, a wrong type, a
// control character, a lone surrogate, 100 KB of text, numbers out of range or NaN-like strings,
// extra keys, deep nesting, 10,000 items, dates that are not dates, instants far away.
// Refinements (`.refine`) are not solved: a value may fail them, which is a refusal like any other.
// Small and general on purpose: any start or act schema of workflows/definitions.ts goes in.
import fc from 'fast-check';
import type { core } from 'zod';

type Schema = core.$ZodType;
type Def = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ValueOptions {
  /** texts of `min`–`max` UTF-16 units (the default: printable Latin, Cyrillic, Kazakh, tab and newline) */
  text?: (min: number, max: number) => fc.Arbitrary<string>;
  /** `z.iso.datetime()` values (default: 2020–2030, Z or +05:00) */
  instant?: fc.Arbitrary<string>;
  /** `z.iso.date()` values (default: 1950–2035) */
  date?: fc.Arbitrary<string>;
  /** items an array gets beyond its minimum, at most (default 3) */
  extraItems?: number;
  /** how much longer than its minimum a text gets, at most (default 24) */
  extraText?: number;
  /** the arbitrary of a field by its dotted path from the root (array items as `*`), e.g. `at`, `roster.deputies.*.id` */
  fields?: Record<string, fc.Arbitrary<unknown>>;
}

// one UTF-16 unit each, so that a length bound on units holds by construction
const CLEAN_UNITS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
  ...'ӘәҒғҚқҢңӨөҰұҮүҺһІі',
  '\t', '\n', '«', '»', '—', '№', '\u00a0',
];
const unit = fc.constantFrom(...CLEAN_UNITS);
export const cleanText = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit, minLength: min, maxLength: max });

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** ISO date of a day number since 1970-01-01 (years 0000–9999 allowed). */
export const isoDay = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const DAY = 86_400_000;
const msOf = (iso: string) => Date.parse(iso);

/** YYYY-MM-DD between two dates (inclusive). */
export const dateBetween = (from: string, to: string): fc.Arbitrary<string> =>
  fc.integer({ min: Math.floor(msOf(`${from}T00:00:00Z`) / DAY), max: Math.floor(msOf(`${to}T00:00:00Z`) / DAY) }).map((d) => isoDay(d * DAY));

/** An instant with an offset (Z, +05:00, +06:00 or -03:30) between two instants, to the second. */
export const instantBetween = (fromMs: number, toMs: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: Math.floor(fromMs / 1000), max: Math.floor(toMs / 1000) }), fc.constantFrom(0, 300, 360, -210)).map(([s, off]) => withOffset(s * 1000, off));

/** `ms` written in the offset `minutes` east of UTC, e.g. 2025-03-03T15:00:00+05:00. */
export function withOffset(ms: number, minutes: number): string {
  const d = new Date(ms + minutes * 60_000);
  const t = `${isoDay(d.getTime())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (minutes === 0) return `${t}Z`;
  const a = Math.abs(minutes);
  return `${t}${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const checksOf = (d: Def): Def[] => ((d.checks ?? []) as { _zod: { def: Def } }[]).map((c) => c._zod.def);
const isOptional = (s: Schema) => (s as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function lengths(d: Def, fallbackMax: number, extra: number): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum);
    if (c.check === 'max_length') max = Math.min(max, c.maximum);
    if (c.check === 'length_equals') min = max = c.length;
  }
  return { min, max: Math.min(max, min + extra, Math.max(min, fallbackMax)) };
}

function numberOf(d: Def): fc.Arbitrary<number> {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let int = d.type === 'int';
  for (const c of checksOf(d)) {
    if (c.check === 'number_format') int = int || /int/.test(String(c.format));
    if (c.check === 'greater_than') lo = Math.max(lo, Number(c.value) + (c.inclusive ? 0 : int ? 1 : Number.EPSILON));
    if (c.check === 'less_than') hi = Math.min(hi, Number(c.value) - (c.inclusive ? 0 : int ? 1 : Number.EPSILON));
  }
  if (int) {
    const min = Number.isFinite(lo) ? Math.ceil(lo) : -1000;
    const max = Number.isFinite(hi) ? Math.floor(hi) : Number.MAX_SAFE_INTEGER;
    // small values mostly (counts of people), the whole range sometimes
    return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, min + 60) }), weight: 4 }, { arbitrary: fc.integer({ min, max }), weight: 1 });
  }
  return fc.double({ min: Number.isFinite(lo) ? lo : -1e6, max: Number.isFinite(hi) ? hi : 1e6, noNaN: true, noDefaultInfinity: true });
}

/** Values following the structure of `schema` (its input side: what a client sends). */
export function valueOf(schema: Schema, o: ValueOptions = {}): fc.Arbitrary<unknown> {
  const text = o.text ?? cleanText;
  const instant = o.instant ?? instantBetween(msOf('2020-01-01T00:00:00Z'), msOf('2030-12-31T00:00:00Z'));
  const date = o.date ?? dateBetween('1950-01-01', '2035-12-31');
  const extraItems = o.extraItems ?? 3;
  const extraText = o.extraText ?? 24;
  const lazies = new Map<Schema, number>();

  const walk = (s: Schema, path: string): fc.Arbitrary<unknown> => {
    const over = o.fields?.[path];
    if (over) return over;
    const d = defOf(s);
    switch (d.type) {
      case 'string': {
        const formats = [d, ...checksOf(d)].filter((c) => c.check === 'string_format' || c.format);
        const format = formats.find((c) => c.format && c.format !== 'regex')?.format as string | undefined;
        if (format === 'datetime') return instant;
        if (format === 'date') return date;
        const pattern = formats.map((c) => c.pattern as RegExp | undefined).find(Boolean);
        if (pattern) {
          // the pattern says the form; only the schema's own bounds are kept (rarely any)
          const { min, max } = lengths(d, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
          return fc.stringMatching(pattern).filter((x) => x.length >= min && x.length <= max);
        }
        const { min, max } = lengths(d, 200, extraText);
        return text(min, max);
      }
      case 'number':
      case 'int':
        return numberOf(d);
      case 'bigint':
        return fc.bigInt({ min: -1000n, max: 1000n });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'undefined':
      case 'void':
        return fc.constant(undefined);
      case 'nan':
        return fc.constant(Number.NaN);
      case 'date':
        return fc.date({ noInvalidDate: true });
      case 'enum':
        return fc.constantFrom(...(Object.values(d.entries) as (string | number)[]));
      case 'literal':
        return fc.constantFrom(...(d.values as unknown[]));
      case 'object': {
        const shape = d.shape as Record<string, Schema>;
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        const required: string[] = [];
        for (const [k, v] of Object.entries(shape)) {
          model[k] = walk(v, path ? `${path}.${k}` : k);
          if (!isOptional(v)) required.push(k);
        }
        return fc.record(model, { requiredKeys: required as never[] });
      }
      case 'record':
        return fc.dictionary(walk(d.keyType, `${path}.*key`) as fc.Arbitrary<string>, walk(d.valueType, `${path}.*`), { maxKeys: extraItems });
      case 'array': {
        const { min, max } = lengths(d, min0(d) + extraItems, extraItems);
        return fc.array(walk(d.element, path ? `${path}.*` : '*'), { minLength: min, maxLength: max });
      }
      case 'tuple':
        return fc.tuple(...(d.items as Schema[]).map((x, i) => walk(x, `${path}.${i}`)));
      case 'union':
        return fc.oneof(...(d.options as Schema[]).map((x) => walk(x, path)));
      case 'intersection':
        return fc.tuple(walk(d.left, path), walk(d.right, path)).map(([a, b]) => (isPlain(a) && isPlain(b) ? { ...a, ...b } : a));
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        return walk(d.innerType, path);
      case 'nullable':
        return fc.oneof({ arbitrary: walk(d.innerType, path), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
      case 'pipe':
        return walk(d.in, path);
      case 'lazy': {
        // recursion: a few levels, then the smallest thing that fits
        const n = lazies.get(s) ?? 0;
        if (n >= 3) return fc.constant(null);
        lazies.set(s, n + 1);
        try {
          return walk(d.getter(), path);
        } finally {
          lazies.set(s, n);
        }
      }
      default:
        // any, unknown, custom, transform, …: a small JSON value
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  return walk(schema, '');
}

const min0 = (d: Def) => checksOf(d).find((c) => c.check === 'min_length')?.minimum ?? 0;
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---- hostile variants ------------------------------------------------------------------------

export type Path = (string | number)[];

/**
 * The nodes of a JSON-like value with their paths, the root first, breadth first: at most `limit`
 * of them, none deeper than `depth` (a value already made huge or deep is not walked whole).
 */
export function nodes(v: unknown, limit = 2000, depth = 40): { path: Path; value: unknown }[] {
  const out: { path: Path; value: unknown }[] = [];
  const queue: { path: Path; value: unknown }[] = [{ path: [], value: v }];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const n = queue[i]!;
    out.push(n);
    if (n.path.length >= depth || queue.length > limit) continue;
    if (Array.isArray(n.value)) n.value.slice(0, limit).forEach((x, j) => queue.push({ path: [...n.path, j], value: x }));
    else if (isPlain(n.value)) for (const [k, x] of Object.entries(n.value)) queue.push({ path: [...n.path, k], value: x });
  }
  return out;
}

/** `v` with the node at `p` replaced by `f(node)`; `f` returning REMOVE drops it. Copies along the path only. */
export function update(v: unknown, p: Path, f: (x: unknown) => unknown): unknown {
  if (p.length === 0) return f(v);
  const [h, ...rest] = p;
  if (Array.isArray(v)) {
    const next = update(v[h as number], rest, f);
    return next === REMOVE ? v.filter((_, i) => i !== h) : v.map((x, i) => (i === h ? next : x));
  }
  const o = v as Record<string, unknown>;
  const next = update(o[h as string], rest, f);
  const copy: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) if (k !== h) copy[k] = x;
  if (next !== REMOVE) define(copy, String(h), next);
  return copy;
}
export const REMOVE = Symbol('remove');
/** An own property even for `__proto__` (as JSON.parse makes one). */
const define = (o: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

const INSTANT = /^\d{4}-\d\d-\d\dT/;
const DATE = /^\d{4}-\d\d-\d\d$/;

export const CONTROL_CODES = [...Array.from({ length: 9 }, (_, i) => i), 11, 12, ...Array.from({ length: 18 }, (_, i) => 14 + i), ...Array.from({ length: 33 }, (_, i) => 127 + i)];
export const NOT_DATES = ['2025-02-30', '2025-13-01', '2025-00-10', '2023-02-29', '24.03.2025', '2025-3-4', '20250303', '', ' ', 'tomorrow', '2025-03-03T24:00:00Z', '2025-03-03T10:00:00', '2025-03-03 10:00:00+05:00', '2025-03-03T10:00:00+24:00', '2025-03-03T10:60:00Z', '+002025-03-03', '2025-03-03T10:00:00.+05:00', '1e3', 'null'];
export const FAR_INSTANTS = ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00+05:00', '0000-02-29T12:00:00Z', '0001-01-01T00:00:00+05:00', '0999-12-31T23:59:59Z', '1000-01-01T00:00:00-23:59', '1899-12-31T23:59:59+05:00', '1969-12-31T23:59:59.999999999Z', '2100-01-01T00:00:00+05:00', '2999-12-31T23:59:59+05:00', '9999-12-31T23:59:59Z', '9999-12-31T23:59:59-23:59', '9999-12-31T23:59:59.9999999+00:00'];
export const FAR_DATES = ['0000-01-01', '0000-02-29', '0001-01-01', '0999-12-31', '1000-01-01', '1899-12-31', '1900-01-01', '2100-12-31', '2999-12-31', '9999-12-31'];
export const BAD_NUMBERS = [-1, -0, 0.5, 1.5, -1e9, 1e9, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
export const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e999', '0x1F', ' 12 ', '12abc', '-0', '', '5', '1,5', '٣'];
export const WRONG_TYPES: unknown[] = [null, true, false, 0, 1, -7.25, '', 'x', [], [1], {}, { a: 1 }, 'null', '[object Object]'];
export const EXTRA_KEYS = ['extra', 'constructor', 'toString', '__proto__', 'prototype', 'hasOwnProperty', '', ' ', 'at ', 'ключ', 'a.b', '$where', 'id\u0000', 'key\u0007'];

export type MutationKind =
  | 'drop_field' | 'wrong_type' | 'control_character' | 'lone_surrogate' | 'huge_text' | 'bad_number' | 'nan_like'
  | 'extra_key' | 'deep_nesting' | 'huge_array' | 'not_a_date' | 'far_instant';

export interface Mutation {
  kind: MutationKind;
  /** which candidate node (modulo their number) */
  pick: number;
  /** the mutation's own choice (a character, a value, a depth …) */
  n: number;
  m: number;
}

export const MUTATIONS: readonly MutationKind[] = ['drop_field', 'wrong_type', 'control_character', 'lone_surrogate', 'huge_text', 'bad_number', 'nan_like', 'extra_key', 'deep_nesting', 'huge_array', 'not_a_date', 'far_instant'];

/** Dates are what passes a schema and still goes wrong later: their mutations come three times as often. */
const WEIGHT: Partial<Record<MutationKind, number>> = { far_instant: 3, not_a_date: 2 };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(...MUTATIONS.map((k) => ({ arbitrary: fc.constant(k), weight: WEIGHT[k] ?? 1 }))),
  pick: fc.nat(), n: fc.nat(), m: fc.nat(),
});

const choose = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** The one mutation applied to `v`, and what it did (for the failure message). */
export function mutate(v: unknown, x: Mutation): { value: unknown; how: string } {
  const all = nodes(v);
  const where = (pred: (n: { path: Path; value: unknown }) => boolean) => {
    const c = all.filter(pred);
    return c.length ? choose(c, x.pick) : choose(all, x.pick);
  };
  const at = (n: { path: Path }) => n.path.join('.') || '(root)';
  switch (x.kind) {
    case 'drop_field': {
      const c = all.filter((n) => n.path.length > 0 && typeof n.path[n.path.length - 1] === 'string');
      if (!c.length) return { value: undefined, how: 'the body dropped' };
      const n = choose(c, x.pick);
      return { value: update(v, n.path, () => REMOVE), how: `${at(n)} dropped` };
    }
    case 'wrong_type': {
      const n = choose(all, x.pick);
      const w = choose(WRONG_TYPES.filter((t) => typeof t !== typeof n.value || Array.isArray(t) !== Array.isArray(n.value)), x.n);
      return { value: update(v, n.path, () => w), how: `${at(n)} = ${JSON.stringify(w)}` };
    }
    case 'control_character': {
      const n = where((y) => typeof y.value === 'string');
      const c = String.fromCharCode(choose(CONTROL_CODES, x.n));
      return { value: update(v, n.path, (s) => (typeof s === 'string' ? s.slice(0, x.m % (s.length + 1)) + c + s.slice(x.m % (s.length + 1)) : c)), how: `${at(n)}: U+${c.charCodeAt(0).toString(16).padStart(4, '0')} inserted` };
    }
    case 'lone_surrogate': {
      const n = where((y) => typeof y.value === 'string');
      const c = String.fromCharCode(x.n % 2 ? 0xd800 + (x.m % 0x400) : 0xdc00 + (x.m % 0x400));
      return { value: update(v, n.path, (s) => (typeof s === 'string' ? (x.m % 2 ? s + c : c + s) : c)), how: `${at(n)}: lone surrogate U+${c.charCodeAt(0).toString(16)}` };
    }
    case 'huge_text': {
      const n = where((y) => typeof y.value === 'string');
      const t = choose(['x', 'Ә', 'ab ', '\n'], x.n).repeat(Math.ceil(100_000 / 3) * (1 + (x.m % 3)));
      return { value: update(v, n.path, () => t), how: `${at(n)}: ${t.length} characters` };
    }
    case 'bad_number': {
      const n = where((y) => typeof y.value === 'number');
      const b = choose(BAD_NUMBERS, x.n);
      return { value: update(v, n.path, () => b), how: `${at(n)} = ${String(b)}` };
    }
    case 'nan_like': {
      const n = where((y) => typeof y.value === 'number');
      const b = choose(NAN_LIKE, x.n);
      return { value: update(v, n.path, () => b), how: `${at(n)} = ${JSON.stringify(b)}` };
    }
    case 'extra_key': {
      const n = where((y) => isPlain(y.value));
      const k = choose(EXTRA_KEYS, x.n);
      const val = choose(WRONG_TYPES, x.m);
      return { value: update(v, n.path, (o) => { const c = isPlain(o) ? { ...o } : {}; define(c, k, val); return c; }), how: `${at(n)}: extra key ${JSON.stringify(k)}` };
    }
    case 'deep_nesting': {
      const n = choose(all, x.pick);
      const depth = choose([20, 31, 32, 33, 64, 500, 3000], x.n);
      const arr = x.m % 2 === 1;
      return { value: update(v, n.path, (inner) => { let d: unknown = inner; for (let i = 0; i < depth; i++) d = arr ? [d] : { a: d }; return d; }), how: `${at(n)} nested ${depth} deep in ${arr ? 'arrays' : 'objects'}` };
    }
    case 'huge_array': {
      const n = where((y) => Array.isArray(y.value));
      const items = choose([10_000, 10_001, 1_000, 250_000], x.n);
      return {
        value: update(v, n.path, (a) => {
          const seed = Array.isArray(a) && a.length ? a : [choose(WRONG_TYPES, x.m)];
          return Array.from({ length: items }, (_, i) => seed[i % seed.length]);
        }),
        how: `${at(n)}: ${items} items`,
      };
    }
    case 'not_a_date': {
      const n = where((y) => typeof y.value === 'string' && (INSTANT.test(y.value) || DATE.test(y.value)));
      const s = n.value;
      const swapped = typeof s === 'string' && INSTANT.test(s) ? s.slice(0, 10) : typeof s === 'string' && DATE.test(s) ? `${s}T10:00:00+05:00` : 'x';
      const b = x.m % 4 === 0 ? swapped : choose(NOT_DATES, x.n);
      return { value: update(v, n.path, () => b), how: `${at(n)} = ${JSON.stringify(b)}` };
    }
    case 'far_instant': {
      const n = where((y) => typeof y.value === 'string' && (INSTANT.test(y.value) || DATE.test(y.value)));
      const b = typeof n.value === 'string' && DATE.test(n.value) ? choose(FAR_DATES, x.n) : choose(FAR_INSTANTS, x.n);
      return { value: update(v, n.path, () => b), how: `${at(n)} = ${b}` };
    }
  }
}

/** What a case does to its value: nothing a third of the time (valid in form), else one to three mutations. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.oneof(
  { arbitrary: fc.constant([] as Mutation[]), weight: 1 },
  { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 2 },
);

/**
 * `v` with the mutations applied in turn, and what each did. A property generates the small
 * descriptors (value, mutations) and breaks the value itself, so that a counterexample stays
 * readable even when the broken value is 10,000 items or 3,000 levels deep.
 */
export function broken(v: unknown, ms: readonly Mutation[]): { value: unknown; how: string[] } {
  let value = v;
  const how: string[] = [];
  for (const m of ms) {
    const r = mutate(value, m);
    value = r.value;
    how.push(`${m.kind}: ${r.how}`);
  }
  return { value, how };
}

/** Values of `valid` as they are or broken (see `mutations`), with what was done. */
export function hostile(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ value: unknown; how: string[] }> {
  return fc.tuple(valid, mutations).map(([v, ms]) => broken(v, ms));
}

// ---- what the records can store ------------------------------------------------------------

/** Years PostgreSQL (no year 0, no expanded years) and Temporal's Datetime search attributes (RFC 3339) both take. */
const yearOf = (iso: string): number | null => (/^\d{4}-/.test(iso) ? Number(iso.slice(0, 4)) : null);
/** An instant as the ledger stores it (UTC, `toISOString`): in years 0001–9999. */
export function storableInstant(x: string): boolean {
  const t = Date.parse(x);
  if (!Number.isFinite(t)) return false;
  const y = yearOf(new Date(t).toISOString());
  return y !== null && y >= 1 && y <= 9999;
}
/** A date as a `date` column takes it: years 0001–9999. */
export function storableDate(d: string): boolean {
  const y = yearOf(d);
  return /^\d{4}-\d\d-\d\d$/.test(d) && y !== null && y >= 1 && y <= 9999;
}

/**
 * The JSON text of a value as JSON.stringify writes it (NaN and Infinity as null, undefined keys
 * left out), without recursion: a value nested thousands deep is written, not a stack overflow.
 */
export function toJson(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const out: string[] = [];
  type Frame = { kind: 'value'; v: unknown; inArray: boolean } | { kind: 'text'; t: string };
  const stack: Frame[] = [{ kind: 'value', v, inArray: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.kind === 'text') {
      out.push(f.t);
      continue;
    }
    const x = f.v;
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') out.push(f.inArray ? 'null' : 'null');
    else if (x === null || typeof x !== 'object') out.push(typeof x === 'number' && !Number.isFinite(x) ? 'null' : JSON.stringify(x));
    else if (Array.isArray(x)) {
      stack.push({ kind: 'text', t: ']' });
      for (let i = x.length - 1; i >= 0; i--) {
        stack.push({ kind: 'value', v: x[i], inArray: true });
        if (i > 0) stack.push({ kind: 'text', t: ',' });
      }
      stack.push({ kind: 'text', t: '[' });
    } else {
      const entries = Object.entries(x).filter(([, y]) => y !== undefined && typeof y !== 'function' && typeof y !== 'symbol');
      stack.push({ kind: 'text', t: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push({ kind: 'value', v: entries[i]![1], inArray: false });
        stack.push({ kind: 'text', t: `${i > 0 ? ',' : ''}${JSON.stringify(entries[i]![0])}:` });
      }
      stack.push({ kind: 'text', t: '{' });
    }
  }
  return out.join('');
}

/** A short description of a value for a failure message (long texts, arrays and deep nesting cut). */
export function brief(v: unknown, max = 1500): string {
  const cut = (x: unknown, depth: number): unknown => {
    if (typeof x === 'string') return x.length > 80 ? `${x.slice(0, 40)}…(${x.length})` : x;
    if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
    if (x === null || typeof x !== 'object') return x;
    if (depth > 8) return '…(deeper)';
    if (Array.isArray(x)) return x.length > 12 ? [...x.slice(0, 3).map((y) => cut(y, depth + 1)), `…(${x.length} items)`] : x.map((y) => cut(y, depth + 1));
    const o: Record<string, unknown> = {};
    for (const [k, y] of Object.entries(x)) define(o, k, cut(y, depth + 1));
    return o;
  };
  const s = v === undefined ? 'undefined' : JSON.stringify(cut(v, 0));
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
