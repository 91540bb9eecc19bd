import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatuteError } from '../../statute/errors.js';
import { KZ_148_2018, rule, type RuleId } from '../../statute/rules.js';
import {
  atLeastFraction,
  atMostFraction,
  evaluateThreshold,
  majorityOf,
  moreThanFraction,
  requireThreshold,
  requiredCount,
  satisfies,
  senateRecallSupport,
  spec,
} from '../../statute/thresholds.js';
import type { ThresholdSpec } from '../../statute/editions/types.js';
import { statuteError as refusal } from '../harness/errors.js';

const E = KZ_148_2018;
const t = (id: RuleId) => rule(E, id, 'threshold');


describe('a 25-seat maslikhat (catalogue §4.1 worked example)', () => {
  it.each([
    ['1/5 initiators of no confidence', 'art24.p1.initiators_one_fifth', 5],
    ['1/3 for an extraordinary session', 'art10.p2.extraordinary_initiators', 9],
    ['2/3 session quorum', 'art11.p3.quorum', 17],
    ['3/4 legitimacy', 'art5.p4.legitimacy_three_quarters', 19],
    ['majority of the total (no confidence)', 'art24.p5.vote_majority', 13],
    ['majority of the total (consent)', 'art23_1.p3.consent_majority', 13],
  ] as const satisfies readonly (readonly [string, RuleId, number])[])('%s: %s requires %i', (_label, id, required) => {
    const d = evaluateThreshold(t(id), { baseValue: 25, actual: required });
    expect(d.required).toBe(required);
    expect(d.met).toBe(true);
    expect(evaluateThreshold(t(id), { baseValue: 25, actual: required - 1 }).met).toBe(false);
    expect(d.citations[0]?.article).toBe(t(id).cite.article);
  });

  it('records the base and rounding interpretations it used', () => {
    const d = evaluateThreshold(t('art24.p1.initiators_one_fifth'), { baseValue: 25, actual: 5 });
    expect(d.test).toBe('at_least_fraction 1/5 of total_deputies');
    expect(d.base).toBe('total_deputies');
    expect(d.interpretations).toEqual([
      { id: 'total_deputies.base', chosen: 'seats_fixed' },
      { id: 'rounding.at_least_fraction_ceil', chosen: 'ceil' },
    ]);
    const other = evaluateThreshold(t('art24.p1.initiators_one_fifth'), {
      baseValue: 24, actual: 5, interpretations: [{ id: 'total_deputies.base', chosen: 'mandates_held' }],
    });
    expect(other.interpretations[0]).toEqual({ id: 'total_deputies.base', chosen: 'mandates_held' });
  });
});

describe('boundaries', () => {
  it('exactly one fifth meets "не менее одной пятой", one fewer does not', () => {
    for (const n of [5, 10, 25, 50]) {
      expect(evaluateThreshold(t('art24.p1.initiators_one_fifth'), { baseValue: n, actual: n / 5 }).met).toBe(true);
      expect(evaluateThreshold(t('art24.p1.initiators_one_fifth'), { baseValue: n, actual: n / 5 - 1 }).met).toBe(false);
    }
    expect(atLeastFraction(26, 1, 5)).toBe(6); // 5.2 → 6
  });

  it('majority of the total is floor(n/2)+1: 13 of 25, 13 of 24, not 12 of 24', () => {
    expect(majorityOf(25)).toBe(13);
    expect(majorityOf(24)).toBe(13);
    expect(satisfies({ numerator: 1, denominator: 2, comparison: 'majority' }, 12, 24)).toBe(false);
  });

  it('two thirds of those present: 2 of 3, 4 of 6, not 3 of 5', () => {
    const r = t('art24_1.p8.participation');
    expect(evaluateThreshold(r, { baseValue: 3, actual: 2 }).met).toBe(true);
    expect(evaluateThreshold(r, { baseValue: 6, actual: 4 }).met).toBe(true);
    expect(evaluateThreshold(r, { baseValue: 5, actual: 3 }).met).toBe(false);
    expect(evaluateThreshold(r, { baseValue: 5, actual: 4 }).required).toBe(4);
  });

  it('exactly 25% of all electors meets; one below does not', () => {
    const r = t('art24_1.p2.electors_25pct');
    expect(evaluateThreshold(r, { baseValue: 400, actual: 100 }).met).toBe(true);
    expect(evaluateThreshold(r, { baseValue: 400, actual: 99 }).met).toBe(false);
    expect(evaluateThreshold(r, { baseValue: 401, actual: 100 }).met).toBe(false); // 24.94 %
    expect(evaluateThreshold(r, { baseValue: 401, actual: 101 }).required).toBe(101);
  });

  it('"свыше одного процента недостоверных": exactly 1% invalid passes, one more is refused', () => {
    const r = t('art24_1.p6.invalid_max_1pct');
    expect(evaluateThreshold(r, { baseValue: 300, actual: 3 })).toMatchObject({ met: true, required: 3 });
    expect(evaluateThreshold(r, { baseValue: 300, actual: 4 }).met).toBe(false);
    // 150 signatures: 1 % is 1.5, so 1 invalid passes and 2 are more than 1 %.
    expect(evaluateThreshold(r, { baseValue: 150, actual: 1 }).met).toBe(true);
    expect(evaluateThreshold(r, { baseValue: 150, actual: 2 }).met).toBe(false);
    expect(refusal(() => requireThreshold(r, { baseValue: 300, actual: 4 })).body).toMatchObject({
      code: 'above_cap', rule: 'art24_1.p6.invalid_max_1pct', params: { required: 3, actual: 4 },
    });
  });

  it('"более пятидесяти процентов принявших участие": exactly 50% fails, one more passes', () => {
    const r = t('art24_1.p10.pass_more_than_50pct');
    expect(evaluateThreshold(r, { baseValue: 200, actual: 100 }).met).toBe(false);
    expect(evaluateThreshold(r, { baseValue: 200, actual: 101 }).met).toBe(true);
    expect(evaluateThreshold(r, { baseValue: 201, actual: 101 }).met).toBe(true);
    expect(evaluateThreshold(r, { baseValue: 201, actual: 100 }).met).toBe(false);
  });

  it('requireThreshold refuses below the threshold with the rule and its citation', () => {
    const e = refusal(() => requireThreshold(t('art24.p1.initiators_one_fifth'), { baseValue: 25, actual: 4 }));
    expect(e.body.code).toBe('below_threshold');
    expect(e.body.citation?.article).toBe('24');
    expect(e.body.params).toMatchObject({ required: 5, actual: 4, base: 25 });
  });
});

describe('Senate recall support, 24-1(2): 25% of all electors and 25% "от одного маслихата"', () => {
  const total = t('art24_1.p2.electors_25pct');
  const per = t('art24_1.p2.one_maslikhat_25pct');
  // Region: regional maslikhat 40 electors, two district maslikhats of 20 each → 80 electors.
  const strongInOne = [
    { maslikhat: 'region', electors: 40, signatures: 20 },
    { maslikhat: 'district-A', electors: 20, signatures: 0 },
    { maslikhat: 'district-B', electors: 20, signatures: 0 },
  ];
  const everywhere = [
    { maslikhat: 'region', electors: 40, signatures: 10 },
    { maslikhat: 'district-A', electors: 20, signatures: 5 },
    { maslikhat: 'district-B', electors: 20, signatures: 5 },
  ];

  it('strong support in one maslikhat only: passes "at_least_one", fails "each" (the default)', () => {
    const r = senateRecallSupport(total, per, strongInOne);
    expect(r.total).toMatchObject({ required: 20, actual: 20, met: true });
    expect(r.perMaslikhat.map((d) => [d.required, d.met])).toEqual([[10, true], [5, false], [5, false]]);
    expect(r.readings).toEqual({ each: false, at_least_one: true });
    expect(r.chosen).toBe('each');
    expect(r.met).toBe(false);
    expect(r.interpretations[0]).toEqual({ id: 'art24_1.p2.one_maslikhat', chosen: 'each' });
    const alt = senateRecallSupport(total, per, strongInOne, [{ id: 'art24_1.p2.one_maslikhat', chosen: 'at_least_one' }]);
    expect(alt).toMatchObject({ chosen: 'at_least_one', met: true, readings: { each: false, at_least_one: true } });
  });

  it('exactly 25% in every maslikhat passes under both readings; one signature less fails both', () => {
    expect(senateRecallSupport(total, per, everywhere)).toMatchObject({ met: true, readings: { each: true, at_least_one: true } });
    const short = everywhere.map((m) => (m.maslikhat === 'district-B' ? { ...m, signatures: 4 } : m));
    const r = senateRecallSupport(total, per, short);
    expect(r.total.met).toBe(false);
    expect(r.readings).toEqual({ each: false, at_least_one: false });
  });

  it('a city of republican significance (one maslikhat): both readings agree', () => {
    const r = senateRecallSupport(total, per, [{ maslikhat: 'city', electors: 39, signatures: 10 }]);
    expect(r.readings).toEqual({ each: true, at_least_one: true });
  });

  it('rejects bad input with the field at fault', () => {
    expect(refusal(() => senateRecallSupport(total, per, [])).body.field).toBe('maslikhats');
    expect(refusal(() => senateRecallSupport(total, per, [{ maslikhat: 'x', electors: 10, signatures: 11 }])).body)
      .toMatchObject({ code: 'count_exceeds_base', field: 'maslikhats.0.signatures' });
    expect(refusal(() => senateRecallSupport(total, per, [{ maslikhat: 'x', electors: 10.5, signatures: 1 }])).body)
      .toMatchObject({ code: 'invalid_count', field: 'maslikhats.0.electors' });
    expect(refusal(() => senateRecallSupport(total, per, strongInOne, [{ id: 'art24_1.p2.one_maslikhat', chosen: 'most' }])).body)
      .toMatchObject({ code: 'invalid_option' });
  });
});

describe('input validation', () => {
  const r = t('art11.p3.quorum');
  it.each([
    [{ baseValue: -1, actual: 0 }, 'invalid_count', 'baseValue'],
    [{ baseValue: 25, actual: 2.5 }, 'invalid_count', 'actual'],
    [{ baseValue: 25, actual: Number.NaN }, 'invalid_count', 'actual'],
    [{ baseValue: 25, actual: 26 }, 'count_exceeds_base', 'actual'],
  ])('%o → %s on %s', (input, code, field) => {
    expect(refusal(() => evaluateThreshold(r, input)).body).toMatchObject({ code, field });
  });
  it('a base of zero needs zero for "не менее" and one for "более"', () => {
    expect(atLeastFraction(0, 2, 3)).toBe(0);
    expect(moreThanFraction(0, 1, 2)).toBe(1);
    expect(atMostFraction(0, 1, 100)).toBe(0);
  });
  it('rejects a malformed fraction', () => {
    expect(refusal(() => spec(3, 2, 'at_least', 'participants')).body.code).toBe('invalid_count');
    expect(refusal(() => spec(1, 0, 'at_least', 'participants')).body.code).toBe('invalid_count');
  });
});

describe('properties (fast-check)', () => {
  const fraction = fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
    .filter(([n, d]) => n <= d)
    .map(([n, d]) => ({ numerator: n, denominator: d }));
  const comparison = fc.constantFrom('at_least', 'more_than') as fc.Arbitrary<ThresholdSpec['comparison']>;
  const base = fc.integer({ min: 0, max: 100_000 });

  it('required is minimal: required meets, required − 1 does not', () => {
    fc.assert(
      fc.property(fraction, comparison, base, (f, comparison, n) => {
        const s = { ...f, comparison };
        const req = requiredCount(s, n);
        if (req <= n) expect(satisfies(s, req, n)).toBe(true);
        if (req >= 1 && req - 1 <= n) expect(satisfies(s, req - 1, n)).toBe(false);
      }),
    );
  });

  it('monotone: every count at or above required meets', () => {
    fc.assert(
      fc.property(fraction, comparison, base, fc.integer({ min: 0, max: 100_000 }), (f, comparison, n, k) => {
        const s = { ...f, comparison };
        const actual = Math.min(k, n);
        expect(satisfies(s, actual, n)).toBe(actual >= requiredCount(s, n));
      }),
    );
  });

  it('at_most: required is the largest count allowed', () => {
    fc.assert(
      fc.property(fraction, base, (f, n) => {
        const s = { ...f, comparison: 'at_most' as const };
        const max = requiredCount(s, n);
        expect(satisfies(s, max, n)).toBe(true);
        if (max + 1 <= n) expect(satisfies(s, max + 1, n)).toBe(false);
      }),
    );
  });

  it('majority is floor(n/2)+1 and agrees with more_than 1/2', () => {
    fc.assert(
      fc.property(base, (n) => {
        expect(majorityOf(n)).toBe(Math.floor(n / 2) + 1);
        expect(majorityOf(n)).toBe(moreThanFraction(n, 50, 100));
      }),
    );
  });

  it('"each" never passes where "at_least_one" fails', () => {
    const m = fc.array(
      fc.integer({ min: 1, max: 200 }).chain((electors) =>
        fc.integer({ min: 0, max: electors }).map((signatures) => ({ electors, signatures })),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(m, (list) => {
        const r = senateRecallSupport(t('art24_1.p2.electors_25pct'), t('art24_1.p2.one_maslikhat_25pct'),
          list.map((x, i) => ({ maslikhat: `m${i}`, ...x })));
        if (r.readings.each) expect(r.readings.at_least_one).toBe(true);
      }),
    );
  });
});
