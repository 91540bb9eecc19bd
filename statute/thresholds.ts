// Thresholds in exact integer arithmetic: no floating point takes part in a legal decision.
// Every check is a cross-multiplication of safe integers (bases here are at most a few
// thousand electors, so products stay far below 2^53).
import { StatuteError } from './errors.js';
import { useOf } from './interpretations.js';
import type { Comparison, ThresholdRule, ThresholdSpec } from './editions/types.js';
import type { Citation, InterpretationUse, ThresholdBase, ThresholdDerivation } from './types.js';

function checkCount(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new StatuteError(
      { code: 'invalid_count', field, params: { field, value: String(value) } },
      `${field} must be a non-negative integer, got ${String(value)}`,
    );
  }
}

function checkWithin(actual: number, base: number, field: string): void {
  if (actual > base) {
    throw new StatuteError(
      { code: 'count_exceeds_base', field, params: { field, actual, base } },
      `${field} (${actual}) cannot exceed its base (${base})`,
    );
  }
}

function checkFraction(numerator: number, denominator: number): void {
  checkCount(numerator, 'numerator');
  checkCount(denominator, 'denominator');
  if (denominator === 0 || numerator > denominator) {
    throw new StatuteError(
      { code: 'invalid_count', field: 'denominator', params: { field: 'fraction', value: `${numerator}/${denominator}` } },
      `fraction ${numerator}/${denominator} must satisfy 0 <= n <= d, d > 0`,
    );
  }
}

// ── The counting primitives (one per phrase of catalogue §4.1) ──

/** "не менее n/d от N": the smallest k with k·d ≥ n·N, i.e. ceil(n·N/d). */
export function atLeastFraction(base: number, numerator: number, denominator: number): number {
  checkCount(base, 'base');
  checkFraction(numerator, denominator);
  return Math.floor((numerator * base + denominator - 1) / denominator);
}

/** "более n/d от N" / "свыше": the smallest k with k·d > n·N, i.e. floor(n·N/d) + 1. */
export function moreThanFraction(base: number, numerator: number, denominator: number): number {
  checkCount(base, 'base');
  checkFraction(numerator, denominator);
  return Math.floor((numerator * base) / denominator) + 1;
}

/** "большинство от N": more than half, floor(N/2) + 1. */
export function majorityOf(base: number): number {
  return moreThanFraction(base, 1, 2);
}

/** "не более n/d от N" (the complement of "свыше"): the largest k with k·d ≤ n·N. */
export function atMostFraction(base: number, numerator: number, denominator: number): number {
  checkCount(base, 'base');
  checkFraction(numerator, denominator);
  return Math.floor((numerator * base) / denominator);
}

/** Whether `actual` satisfies the comparison, by cross-multiplication. */
export function satisfies(spec: Pick<ThresholdSpec, 'numerator' | 'denominator' | 'comparison'>, actual: number, base: number): boolean {
  checkCount(actual, 'actual');
  checkCount(base, 'base');
  checkFraction(spec.numerator, spec.denominator);
  const lhs = actual * spec.denominator;
  const rhs = spec.numerator * base;
  switch (spec.comparison) {
    case 'at_least': return lhs >= rhs;
    case 'more_than':
    case 'majority': return lhs > rhs;
    case 'at_most': return lhs <= rhs;
  }
}

/** The smallest count that satisfies the rule (for `at_most`: the largest). */
export function requiredCount(spec: Pick<ThresholdSpec, 'numerator' | 'denominator' | 'comparison'>, base: number): number {
  switch (spec.comparison) {
    case 'at_least': return atLeastFraction(base, spec.numerator, spec.denominator);
    case 'more_than':
    case 'majority': return moreThanFraction(base, spec.numerator, spec.denominator);
    case 'at_most': return atMostFraction(base, spec.numerator, spec.denominator);
  }
}

// ── Derivations ──

export interface ThresholdInput {
  /** The denominator: the size of the base (seats, electors, signatures, participants…). */
  baseValue: number;
  /** The count being tested (votes, signatures, deputies present, invalid signatures…). */
  actual: number;
  /** Options recorded by the procedure; defaults are used otherwise. */
  interpretations?: readonly InterpretationUse[];
}

/** Anything with a threshold and a citation: an edition rule, or a spec made up in place. */
export interface ThresholdSource {
  id: string;
  threshold: ThresholdSpec;
  cite?: Citation;
  interpretations?: readonly InterpretationUse[];
}

function describe(spec: ThresholdSpec): string {
  if (spec.comparison === 'majority') return `majority of ${spec.base}`;
  const name = { at_least: 'at_least_fraction', more_than: 'more_than_fraction', at_most: 'at_most_fraction' }[spec.comparison];
  return `${name} ${spec.numerator}/${spec.denominator} of ${spec.base}`;
}

/**
 * Tests a threshold: `required`, `actual`, `met`, with the rule's citation and the
 * interpretations used (the base of "общее число депутатов", the rounding of "не менее").
 */
export function evaluateThreshold(src: ThresholdSource | ThresholdRule, input: ThresholdInput): ThresholdDerivation {
  const spec = src.threshold;
  checkCount(input.baseValue, 'baseValue');
  checkCount(input.actual, 'actual');
  checkWithin(input.actual, input.baseValue, 'actual');
  const interpretations: InterpretationUse[] = [];
  const add = (id: string): void => {
    if (!interpretations.some((u) => u.id === id)) interpretations.push(useOf(id, input.interpretations));
  };
  if (spec.base === 'total_deputies') add('total_deputies.base');
  if (spec.comparison === 'at_least' && spec.numerator !== spec.denominator) add('rounding.at_least_fraction_ceil');
  for (const u of src.interpretations ?? []) add(u.id);
  const rounding = interpretations.find((u) => u.id === 'rounding.at_least_fraction_ceil');
  if (rounding && rounding.chosen !== 'ceil') {
    throw new StatuteError(
      { code: 'invalid_option', field: 'interpretations.rounding.at_least_fraction_ceil', rule: src.id, params: { interpretation: rounding.id, option: rounding.chosen } },
      `option ${rounding.chosen} of ${rounding.id} is recorded but not implemented: only 'ceil' is`,
    );
  }
  const required = requiredCount(spec, input.baseValue);
  const met = satisfies(spec, input.actual, input.baseValue);
  return {
    rule: src.id,
    test: describe(spec),
    base: spec.base,
    baseValue: input.baseValue,
    required,
    actual: input.actual,
    met,
    citations: src.cite ? [src.cite] : [],
    interpretations,
  };
}

/** Like evaluateThreshold, but throws StatuteError `below_threshold` (or `above_cap`) if not met. */
export function requireThreshold(src: ThresholdSource | ThresholdRule, input: ThresholdInput): ThresholdDerivation {
  const d = evaluateThreshold(src, input);
  if (!d.met) {
    const code = src.threshold.comparison === 'at_most' ? 'above_cap' : 'below_threshold';
    const body = {
      code,
      field: 'actual',
      rule: d.rule,
      params: { rule: d.rule, required: d.required, actual: d.actual, base: d.baseValue },
      ...(src.cite ? { citation: src.cite } : {}),
    };
    throw new StatuteError(body, `${d.rule}: ${d.test} requires ${d.required}, got ${d.actual}`);
  }
  return d;
}

/** A threshold spec built in place (for a phrase not yet in an edition, or in tests). */
export function spec(numerator: number, denominator: number, comparison: Comparison, base: ThresholdBase): ThresholdSpec {
  checkFraction(numerator, denominator);
  return { numerator, denominator, comparison, base };
}

// ── Senate recall support, 24-1(2): 25% of all electors AND 25% "от одного маслихата" ──

export interface MaslikhatSupport {
  /** Which maslikhat (id or name). */
  maslikhat: string;
  /** Its electors (deputies). */
  electors: number;
  /** Valid signatures of its electors. */
  signatures: number;
}

export interface SenateRecallSupport {
  /** Total test: 25% of the electors of all maslikhats of the region. */
  total: ThresholdDerivation;
  /** One derivation per maslikhat: 25% of its own electors. */
  perMaslikhat: ThresholdDerivation[];
  /** Result under each reading of T-5 (total AND the per-maslikhat test). */
  readings: { each: boolean; at_least_one: boolean };
  /** The reading used (`art24_1.p2.one_maslikhat`). */
  chosen: 'each' | 'at_least_one';
  met: boolean;
  interpretations: InterpretationUse[];
}

/**
 * Art 24-1(2). `totalRule` and `perMaslikhatRule` are `art24_1.p2.electors_25pct` and
 * `art24_1.p2.one_maslikhat_25pct` of the edition in force. Returns the result under BOTH
 * readings of "от одного маслихата", with the chosen one (default `each`) deciding `met`.
 */
export function senateRecallSupport(
  totalRule: ThresholdSource | ThresholdRule,
  perMaslikhatRule: ThresholdSource | ThresholdRule,
  maslikhats: readonly MaslikhatSupport[],
  interpretations?: readonly InterpretationUse[],
): SenateRecallSupport {
  if (maslikhats.length === 0) {
    throw new StatuteError(
      { code: 'invalid_count', field: 'maslikhats', params: { field: 'maslikhats', value: '0' } },
      'at least one maslikhat is required',
    );
  }
  const seen = new Set<string>();
  maslikhats.forEach((m, i) => {
    checkCount(m.electors, `maslikhats.${i}.electors`);
    checkCount(m.signatures, `maslikhats.${i}.signatures`);
    checkWithin(m.signatures, m.electors, `maslikhats.${i}.signatures`);
    if (seen.has(m.maslikhat)) {
      throw new StatuteError(
        { code: 'duplicate', field: `maslikhats.${i}.maslikhat`, params: { field: 'maslikhat', value: m.maslikhat } },
        `maslikhat ${m.maslikhat} listed twice`,
      );
    }
    seen.add(m.maslikhat);
  });
  const use = useOf('art24_1.p2.one_maslikhat', interpretations);
  const electors = maslikhats.reduce((s, m) => s + m.electors, 0);
  const signatures = maslikhats.reduce((s, m) => s + m.signatures, 0);
  const opts = interpretations ? { interpretations } : {};
  const total = evaluateThreshold(totalRule, { baseValue: electors, actual: signatures, ...opts });
  const perMaslikhat = maslikhats.map((m) => ({
    ...evaluateThreshold(perMaslikhatRule, { baseValue: m.electors, actual: m.signatures, ...opts }),
    test: `${describe(perMaslikhatRule.threshold)} (maslikhat ${m.maslikhat})`,
  }));
  const readings = {
    each: total.met && perMaslikhat.every((d) => d.met),
    at_least_one: total.met && perMaslikhat.some((d) => d.met),
  };
  const chosen = use.chosen as 'each' | 'at_least_one';
  const used = [use, ...total.interpretations.filter((u) => u.id !== use.id)];
  return { total, perMaslikhat, readings, chosen, met: readings[chosen], interpretations: used };
}
