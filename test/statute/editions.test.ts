import { describe, expect, it } from 'vitest';
import { StatuteError } from '../../statute/errors.js';
import { INTERPRETATIONS, interpretation, useOf } from '../../statute/interpretations.js';
import { MESSAGES, formatCitation, formatRefusal, formatRuleValue } from '../../statute/messages.js';
import {
  DEFAULT_EDITION_ID,
  EDITIONS,
  KZ_148_2018,
  PROCEDURES,
  defineEdition,
  editionInForce,
  getEdition,
  periodFor,
  procedureCode,
  RULE_IDS,
  isRuleId,
  rule,
  ruleById,
  rulesOf,
} from '../../statute/rules.js';
import type { Edition, PeriodRule, RuleId } from '../../statute/rules.js';
import { periodOf } from '../../statute/deadlines.js';
import { computePeriod } from '../../statute/periods.js';
import { officialCalendar } from '../../statute/calendar/index.js';
import { statuteError as refusal } from '../harness/errors.js';

const E = KZ_148_2018;


/**
 * TEST FIXTURE — NOT A REAL LAW. A hypothetical later edition that makes the no-confidence
 * signature collection 15 working days; everything else is inherited.
 */
const FIXTURE_2030 = defineEdition({
  id: 'kz-148@2030-01-01-TEST-FIXTURE',
  effectiveFrom: '2030-01-01',
  basedOn: KZ_148_2018,
  title: { en: 'TEST FIXTURE, not a law', ru: 'ТЕСТОВЫЕ ДАННЫЕ, не закон', kk: 'СЫНАҚ ДЕРЕКТЕРІ, заң емес' },
  overrides: [
    {
      ...rule(KZ_148_2018, 'art24.p4.signature_collection', 'period'),
      period: { count: 15, unit: 'working_day', kind: 'deadline', anchor: 'written_appeal', direction: 'after' },
      cite: {
        law: '148', article: '24', paragraph: '4',
        quote: 'в течение пятнадцати рабочих дней со дня письменного обращения (ТЕСТОВЫЕ ДАННЫЕ)',
        source: 'test-fixture', wording: 'Hypothetical Law No 0-TEST of 01.01.2030 (test fixture)',
      },
    } as PeriodRule,
  ],
});
const WITH_FIXTURE: readonly Edition[] = [...EDITIONS, FIXTURE_2030];

describe('edition kz-148@2018-07-12', () => {
  it('is the default and is in force from 12 July 2018', () => {
    expect(getEdition(DEFAULT_EDITION_ID)).toBe(E);
    expect(E.effectiveFrom).toBe('2018-07-12');
    expect(E.source).toBe('000_183c24e7cb45d52d.txt');
    expect(E.caveat?.en).toMatch(/not the current law/);
    expect(editionInForce('2025-03-17').id).toBe('kz-148@2018-07-12');
    expect(editionInForce('2018-07-12').id).toBe('kz-148@2018-07-12');
  });

  it('knows no edition before it, and refuses bad dates', () => {
    expect(refusal(() => editionInForce('2018-07-11')).body).toMatchObject({ code: 'no_edition_in_force', date: '2018-07-11' });
    expect(refusal(() => editionInForce('2025-02-30')).body).toMatchObject({ code: 'invalid_date', field: 'date' });
    expect(refusal(() => editionInForce('17.03.2025')).body.code).toBe('invalid_date');
    expect(refusal(() => getEdition('kz-148@1999-01-01')).body).toMatchObject({ code: 'unknown_edition', field: 'edition' });
  });

  it('P-17 no confidence: appeal on 17 March 2025 → 10 working days of collection, Art 24(4)', () => {
    const r = rule(E, 'art24.p4.signature_collection', 'period');
    expect(r.period).toEqual({ count: 10, unit: 'working_day', kind: 'deadline', anchor: 'written_appeal', direction: 'after' });
    expect(r.cite).toMatchObject({ law: '148', article: '24', paragraph: '4', wording: 'Law No 101-V of 13.06.2013' });
    expect(r.since).toBe('2018-07-12');
    expect(formatRuleValue(r, 'en')).toBe('10 working days, deadline, from: written appeal');
    expect(formatRuleValue(r, 'ru')).toBe('10 рабочих дней, крайний срок, от: written appeal');
  });

  it('has the parameters of P-15, P-17, P-18, P-19 and P-20', () => {
    const ids = (p: string) => rulesOf(E, p).map((r) => r.id);
    expect(ids('akim_consent')).toEqual(expect.arrayContaining([
      'art23_1.p3.consent_majority', 'art23_1.p3.resubmission', 'art23_1.p4.max_submissions', 'art11.p3.quorum',
    ]));
    expect(ids('no_confidence')).toEqual(expect.arrayContaining([
      'art24.p1.initiators_one_fifth', 'art24.p2.ground_two_non_approvals', 'art24.p4.signature_collection',
      'art24.p4.signature_verification', 'art24.p5.session', 'art24.p5.vote_majority', 'art24.p7.superior_decision',
      'art24.p8.repeat_vote', 'art24.p8.repeat_vote_majority',
    ]));
    expect(ids('senate_recall')).toEqual(expect.arrayContaining([
      'art24_1.p1.notify', 'art24_1.p2.electors_25pct', 'art24_1.p2.one_maslikhat_25pct', 'art24_1.p3.sheet_issue',
      'art24_1.p4.collection', 'art24_1.p4.verification', 'art24_1.p6.invalid_max_1pct', 'art24_1.p6.reinitiation_bar',
      'art24_1.p7.notify_deputy', 'art24_1.p7.joint_sitting', 'art24_1.p8.quorum', 'art24_1.p8.participation',
      'art24_1.p9.protocol_to_cec', 'art24_1.p10.cec_result', 'art24_1.p10.pass_more_than_50pct', 'art24_1.p11.appeal',
    ]));
    expect(ids('rural_akim_election')).toEqual(expect.arrayContaining([
      'art36.p1.term', 'art36.p1.min_age', 'art36_1.p3.min_candidates', 'art36_1.p3.nomination_opens',
      'art36_1.p3.nomination_closes', 'art36_1.p3.extension_max', 'art36_1.p3.declaration_check',
      'art36_1.p5.publish_registered', 'art36_1.p5.registration_appeal', 'art36_1.p6.registration_ends',
      'art36_1.p6.freeze', 'art36_1.p7.max_proxies', 'art36_1.p9.fund_report', 'art36_1.p10.call_deadline',
      'art36_1.p10.hold_within_month', 'art36_1.p10.early_vacancy', 'art36_1.p10.elector_quorum',
      'art36_1.p10.repeat_election', 'art36_1.p11.register_winner',
    ]));
    expect(ids('rural_akim_dismissal')).toEqual(expect.arrayContaining([
      'art36.p2.dismissal_consents', 'art36_1.p10.early_vacancy', 'art39_3.p11.decision',
    ]));
  });

  it('P-15 norms without a number: the four citations workflows/akim-consent.ts wrote by hand', () => {
    // The citations as workflows/akim-consent.ts defined them (PRESENCE, THIRD_REFUSAL.*, ACTING):
    // the edition's rules carry the same law, article, paragraph, subparagraph, source and quote,
    // plus the wording (the amending acts) every other 23-1 rule carries.
    const SRC = '000_183c24e7cb45d52d.txt';
    const handMade = {
      'art23_1.p3.candidate_presence': { law: '148', article: '23-1', paragraph: '3', source: SRC, quote: 'Присутствие кандидата на должность акима на внеочередной сессии маслихата по рассмотрению представления о даче согласия на назначение на должность акима обязательно' },
      'art23_1.p4.third_refusal_president': { law: '148', article: '23-1', paragraph: '4', subparagraph: '1', source: SRC, quote: 'Президент Республики Казахстан вправе досрочно прекратить полномочия соответствующего маслихата после консультаций с Премьер-Министром Республики Казахстан и председателями Палат Парламента Республики Казахстан' },
      'art23_1.p4.third_refusal_regional_akim': { law: '148', article: '23-1', paragraph: '4', subparagraph: '2', source: SRC, quote: 'аким области письменно уведомляет Президента Республики Казахстан и ставит вопрос о досрочном прекращении полномочий соответствующего маслихата' },
      'art23_1.p4.acting_akim': { law: '148', article: '23-1', paragraph: '4', source: SRC, quote: 'назначает временно исполняющего обязанности акима до назначения акима соответствующей административно-территориальной единицы с согласия вновь сформированного маслихата' },
    } as const;
    for (const [id, c] of Object.entries(handMade) as [keyof typeof handMade, (typeof handMade)[keyof typeof handMade]][]) {
      const r = rule(E, id, 'norm');
      expect(r.procedure, id).toBe('P-15');
      expect({ ...r.cite, wording: undefined }, id).toEqual({ ...c, wording: undefined });
      expect(r.cite.wording, id).toBe(rule(E, 'art23_1.p3.resubmission').cite.wording);
    }
    expect(rule(E, 'art23_1.p4.third_refusal_president', 'norm').norm).toEqual({ modality: 'power', subject: 'president', what: 'terminate_maslikhat_early' });
    expect(formatRuleValue(rule(E, 'art23_1.p4.third_refusal_regional_akim'), 'en')).toBe('duty (regional akim): notify president raise early termination');
    expect(formatRuleValue(rule(E, 'art23_1.p3.candidate_presence'), 'ru')).toBe('условие (candidate): present at extraordinary session');
    expect(rulesOf(E, 'akim_consent').filter((r) => r.kind === 'norm').map((r) => r.id)).toEqual([
      'art23_1.p3.candidate_presence', 'art23_1.p4.third_refusal_president', 'art23_1.p4.third_refusal_regional_akim', 'art23_1.p4.acting_akim',
    ]);
    // a norm needs its modality, subject and what
    const bad = { ...rule(E, 'art23_1.p4.acting_akim', 'norm'), id: 'art23_1.p4.bad', norm: { modality: 'maybe', subject: 'x', what: 'y' } };
    expect(refusal(() => defineEdition({ id: 'n-TEST', effectiveFrom: '2031-01-01', basedOn: E, title: FIXTURE_2030.title, overrides: [bad as never] })).body).toMatchObject({ code: 'invalid_rule', field: 'norm' });
  });

  it('Senate recall bar is one year (RU), not three (the older English text)', () => {
    const r = rule(E, 'art24_1.p6.reinitiation_bar', 'bar');
    expect(r.bar.period).toMatchObject({ count: 1, unit: 'year', kind: 'waiting', anchor: 'refusal' });
  });

  it('repeat no-confidence vote is a waiting period of six months from the first vote', () => {
    expect(rule(E, 'art24.p8.repeat_vote', 'period').period).toMatchObject({ count: 6, unit: 'month', kind: 'waiting', anchor: 'first_vote' });
  });

  it('a period in plain "дней" is calendar days under the named interpretation; explicit day types carry none', () => {
    for (const r of rulesOf(E)) {
      if (r.kind !== 'period' && r.kind !== 'bar') continue;
      const p = r.kind === 'period' ? r.period : r.bar.period;
      const q = r.cite.quote;
      const unqualified = /(дней|дня|дневный|дневный срок)/.test(q) && !/рабочих|календарных/.test(q);
      const uses = (r.interpretations ?? []).some((u) => u.id === 'days.unqualified_are_calendar' && u.chosen === 'calendar_day');
      if (unqualified && p.unit === 'calendar_day') expect(uses, r.id).toBe(true);
      if (/рабочих/.test(q)) expect([r.id, p.unit]).toEqual([r.id, 'working_day']);
      if (/календарных/.test(q)) expect(uses, r.id).toBe(false);
    }
    expect(rule(E, 'art24_1.p4.collection').interpretations).toContainEqual({ id: 'days.unqualified_are_calendar', chosen: 'calendar_day' });
    expect(rule(E, 'art11.p4.break_max').interpretations ?? []).not.toContainEqual({ id: 'days.unqualified_are_calendar', chosen: 'calendar_day' });
  });

  it('every rule id reads like its citation and every rule has three titles', () => {
    for (const r of rulesOf(E)) {
      const art = r.id.slice(3, r.id.indexOf('.')).replace('_', '-');
      expect(art, r.id).toBe(r.cite.article);
      if (r.cite.paragraph) expect(r.id.split('.')[1], r.id).toBe(`p${r.cite.paragraph}`);
      for (const lang of ['en', 'ru', 'kk'] as const) expect(r.title[lang].length, `${r.id} ${lang}`).toBeGreaterThan(5);
      expect(r.title.kk, r.id).not.toBe(r.title.ru);
    }
    // Kazakh, not Russian in disguise: nearly every title uses letters Russian lacks.
    const kazakh = rulesOf(E).filter((r) => /[әғқңөұүһі]/i.test(r.title.kk)).length;
    expect(kazakh / rulesOf(E).length).toBeGreaterThan(0.9);
  });

  it('every interpretation a rule uses exists, with a valid option', () => {
    for (const r of rulesOf(E)) {
      for (const u of r.interpretations ?? []) {
        expect(interpretation(u.id).options, `${r.id} ${u.id}`).toContain(u.chosen);
      }
    }
  });
});

describe('lookup', () => {
  it('rule() throws unknown_rule with the rule and edition (ids from outside the code go through ruleById)', () => {
    const e = refusal(() => ruleById(E, 'art99.p1.nothing'));
    expect(e.body).toMatchObject({ code: 'unknown_rule', rule: 'art99.p1.nothing', params: { edition: E.id } });
    expect(refusal(() => rule(E, 'art24.p4.signature_collection', 'threshold')).body.code).toBe('wrong_rule_kind');
    expect(refusal(() => ruleById(E, 'art24.p4.signature_collection', 'threshold')).body.code).toBe('wrong_rule_kind');
    expect(refusal(() => ruleById(E, 'toString')).body.code).toBe('unknown_rule');
    // a repealed rule keeps its RuleId but is not in the later edition: still refused at run time
    const later = defineEdition({ id: 'z-TEST', effectiveFrom: '2031-01-01', basedOn: E, title: FIXTURE_2030.title, overrides: [], repeals: ['art24.p8.repeat_vote'] });
    expect(refusal(() => rule(later, 'art24.p8.repeat_vote')).body.code).toBe('unknown_rule');
  });

  it('RuleId: a misspelt id is a compile error; the type and RULE_IDS are exactly the editions\' ids', () => {
    // @ts-expect-error — 'art24.p4.signature_colection' is not a RuleId (tsc --noEmit fails if this line compiles)
    expect(refusal(() => rule(E, 'art24.p4.signature_colection')).body.code).toBe('unknown_rule');
    // @ts-expect-error — periodOf takes a RuleId too
    expect(refusal(() => periodOf(E, 'art24.p4.signature_colection', '2025-03-17', officialCalendar())).body.code).toBe('unknown_rule');
    const ids: RuleId[] = ['art23_1.p3.candidate_presence', 'art24.p4.signature_collection'];
    expect(ids.every(isRuleId)).toBe(true);
    expect(isRuleId('art99.p1.nothing')).toBe(false);
    for (const id of Object.keys(E.rules)) expect(isRuleId(id), id).toBe(true);
    expect([...RULE_IDS].sort()).toEqual([...new Set(EDITIONS.flatMap((e) => Object.keys(e.rules)))].sort());
    // RuleId is derived from the edition data; it must stay a literal union, never widen to string
    // (a rule whose id is not a literal would do that, and every typo would compile again)
    const literal: [string] extends [RuleId] ? false : true = true;
    expect(literal).toBe(true);
  });

  it('procedures by name or by catalogue number', () => {
    expect(PROCEDURES).toMatchObject({
      akim_consent: 'P-15', no_confidence: 'P-17', senate_recall: 'P-18', rural_akim_election: 'P-19', rural_akim_dismissal: 'P-20',
    });
    expect(procedureCode('P-17')).toBe('P-17');
    expect(rulesOf(E, 'P-17')).toEqual(rulesOf(E, 'no_confidence'));
    expect(refusal(() => rulesOf(E, 'impeachment')).body).toMatchObject({ code: 'unknown_procedure', field: 'procedure' });
    expect(rulesOf(E).length).toBe(Object.keys(E.rules).length);
  });
});

describe('periodFor: a rule as computePeriod input', () => {
  it('appeal on Monday 17 March 2025 → signature collection (10 working days) closes on a working day after Nauryz', () => {
    const { input, recordAlso } = periodFor(rule(E, 'art24.p4.signature_collection'), '2025-03-17');
    expect(input).toEqual({
      anchor: '2025-03-17', count: 10, unit: 'working_day', kind: 'deadline', citations: [rule(E, 'art24.p4.signature_collection').cite],
    });
    expect(recordAlso).toEqual([]);
    const d = computePeriod(input, officialCalendar());
    expect(d.citations[0]?.article).toBe('24');
    expect(d.date > '2025-03-28').toBe(true); // Nauryz (21–25 March) is skipped
  });

  it('an unqualified "дней" is calendar days by default, working days if the procedure recorded so', () => {
    const r = rule(E, 'art24_1.p4.collection');
    const byDefault = periodFor(r, '2025-03-17');
    expect(byDefault.input.unit).toBe('calendar_day');
    expect(byDefault.recordAlso).toContainEqual({ id: 'days.unqualified_are_calendar', chosen: 'calendar_day' });
    const recorded = periodFor(r, '2025-03-17', [
      { id: 'days.unqualified_are_calendar', chosen: 'working_day' },
      { id: 'period.anchor_day', chosen: 'next_day' },
    ]);
    expect(recorded.input.unit).toBe('working_day');
    expect(recorded.input.interpretations).toEqual([{ id: 'period.anchor_day', chosen: 'next_day' }]);
    expect(recorded.recordAlso).toContainEqual({ id: 'days.unqualified_are_calendar', chosen: 'working_day' });
    expect(() => computePeriod(recorded.input, officialCalendar())).not.toThrow();
  });

  it('the one-year recall bar: refusal on 1 April 2025 → re-initiation allowed from 2 April 2026', () => {
    const { input } = periodFor(rule(E, 'art24_1.p6.reinitiation_bar'), '2025-04-01');
    expect(input).toMatchObject({ count: 1, unit: 'year', kind: 'waiting' });
    expect(computePeriod(input, officialCalendar()).date).toBe('2026-04-02');
  });

  it('passes lead times (counted back from election day) on with their direction; refuses non-period rules', () => {
    const { input, recordAlso } = periodFor(rule(E, 'art36_1.p6.registration_ends'), '2025-06-01');
    expect(input).toMatchObject({ anchor: '2025-06-01', count: 15, unit: 'calendar_day', kind: 'deadline', direction: 'before' });
    // the 36-1 reading of "за N дней до" is applied as the general period.days_before
    expect(input.interpretations).toEqual([{ id: 'period.days_before', chosen: 'e_minus_n' }]);
    expect(recordAlso).toContainEqual({ id: 'art36_1.p3.days_before', chosen: 'e_minus_n' });
    expect(computePeriod(input, officialCalendar()).date).toBe('2025-05-17');
    expect(refusal(() => periodFor(rule(E, 'art11.p3.quorum'), '2025-06-01')).body.code).toBe('wrong_rule_kind');
  });
});

describe('a later edition (TEST FIXTURE, not a real law)', () => {
  it('overrides one period with its own date and citation, and inherits the rest', () => {
    const r = rule(FIXTURE_2030, 'art24.p4.signature_collection', 'period');
    expect(r.period.count).toBe(15);
    expect(r.since).toBe('2030-01-01');
    expect(r.introducedBy).toBe(FIXTURE_2030.id);
    expect(r.cite.wording).toMatch(/test fixture/);
    const inherited = rule(FIXTURE_2030, 'art24.p4.signature_verification');
    expect(inherited).toBe(rule(E, 'art24.p4.signature_verification'));
    expect(inherited.since).toBe('2018-07-12');
    expect(Object.keys(FIXTURE_2030.rules)).toEqual(Object.keys(E.rules));
    expect(FIXTURE_2030.basedOn).toBe(E.id);
  });

  it('leaves the older edition untouched and is selected by date', () => {
    expect(rule(E, 'art24.p4.signature_collection', 'period').period.count).toBe(10);
    expect(editionInForce('2029-12-31', WITH_FIXTURE).id).toBe(E.id);
    expect(editionInForce('2030-01-01', WITH_FIXTURE).id).toBe(FIXTURE_2030.id);
    expect(getEdition(FIXTURE_2030.id, WITH_FIXTURE)).toBe(FIXTURE_2030);
  });

  it('refuses an override without its own citation, one that changes kind, or one dated before its base', () => {
    const same = rule(E, 'art24.p4.signature_collection', 'period');
    const def = { id: 'x', effectiveFrom: '2031-01-01', basedOn: E, title: FIXTURE_2030.title };
    expect(refusal(() => defineEdition({ ...def, overrides: [{ ...same, period: { ...same.period, count: 20 } }] })).body.code).toBe('invalid_rule');
    expect(refusal(() => defineEdition({
      ...def,
      overrides: [{ ...same, kind: 'cap', cap: { bound: 'max', limit: 3, counts: 'x' }, cite: { ...same.cite, quote: 'другая' } } as never],
    })).body.code).toBe('invalid_rule');
    expect(refusal(() => defineEdition({ ...def, effectiveFrom: '2017-01-01', overrides: [] })).body.code).toBe('invalid_date');
    expect(refusal(() => defineEdition({
      ...def,
      overrides: [{ ...same, period: { ...same.period, count: 0 }, cite: { ...same.cite, quote: 'другая' } }],
    })).body).toMatchObject({ code: 'invalid_count', field: 'period.count' });
  });

  it('can repeal a rule', () => {
    const e = defineEdition({ id: 'y-TEST', effectiveFrom: '2031-01-01', basedOn: E, title: FIXTURE_2030.title, overrides: [], repeals: ['art24.p8.repeat_vote'] });
    expect(refusal(() => rule(e, 'art24.p8.repeat_vote')).body.code).toBe('unknown_rule');
  });
});

describe('interpretations', () => {
  it.each([
    'art24_1.p2.one_maslikhat', 'total_deputies.base', 'rounding.at_least_fraction_ceil', 'days.unqualified_are_calendar',
    'period.anchor_day', 'art24.p7.superior_silence', 'art24.p4.insufficient_signatures', 'art24.p5.session_not_held',
    'art23_1.p3.resubmission_overdue', 'art36_1.p10.month_anchor', 'art24_1.p6.same_grounds', 'art24_1.p8.vote_not_held',
    'art36_1.p11.special_check',
  ])('%s has a question, options including its default, a rationale and a citation', (id) => {
    const i = INTERPRETATIONS[id]!;
    expect(i.options).toContain(i.default);
    expect(i.question.length).toBeGreaterThan(10);
    expect(i.rationale.length).toBeGreaterThan(10);
    expect(i.cite?.law).toBe('148');
  });

  it('T-5 defaults to "each"; T-13 to an overdue notice to the superior', () => {
    expect(useOf('art24_1.p2.one_maslikhat')).toEqual({ id: 'art24_1.p2.one_maslikhat', chosen: 'each' });
    expect(useOf('art23_1.p3.resubmission_overdue').chosen).toBe('overdue_notice_to_superior');
    expect(useOf('total_deputies.base', [{ id: 'total_deputies.base', chosen: 'mandates_held' }]).chosen).toBe('mandates_held');
    expect(refusal(() => useOf('total_deputies.base', 'vacancies')).body.code).toBe('invalid_option');
    expect(refusal(() => interpretation('nope')).body.code).toBe('unknown_interpretation');
  });
});

describe('messages', () => {
  const codes = [
    'invalid_date', 'invalid_count', 'invalid_unit', 'unknown_rule', 'unknown_procedure', 'unknown_edition',
    'no_edition_in_force', 'below_threshold', 'above_cap', 'too_late', 'too_early', 'barred', 'invalid_option',
    'unknown_interpretation', 'count_exceeds_base', 'wrong_rule_kind', 'invalid_rule', 'duplicate', 'unsupported_direction',
    'invalid_kind', 'invalid_region', 'unknown_calendar', 'invalid_calendar', 'not_a_waiting_period', 'register_file_rejected', 'invalid_direction',
    'clock_suspended', 'clock_not_suspended', 'out_of_order', 'in_future',
  ];

  it.each(codes)('%s has kk, ru and en with the same placeholders', (code) => {
    const m = MESSAGES[code]!;
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    expect(ph(m.kk)).toEqual(ph(m.en));
    expect(ph(m.ru)).toEqual(ph(m.en));
    expect(m.kk).not.toBe(m.ru);
    expect(m.ru).toMatch(/[а-яё]/i);
  });

  it('formats a refusal with its parameters and citation in each language', () => {
    const r = rule(E, 'art24_1.p6.reinitiation_bar');
    const body = { code: 'barred', rule: r.id, date: '2026-04-01', citation: r.cite };
    expect(formatRefusal(body, 'en')).toBe('The question may not be raised again before 2026-04-01. (Law 148, Art. 24-1(6))');
    expect(formatRefusal(body, 'ru')).toBe('Повторное возбуждение вопроса не допускается до 2026-04-01. (ст. 24-1 п. 6 Закона № 148)');
    expect(formatRefusal(body, 'kk')).toBe('Мәселені 2026-04-01 күніне дейін қайта қозғауға жол берілмейді. (№ 148 Заңның 24-1-бабы, 6-тармағы)');
  });

  it('formats a thrown StatuteError body', () => {
    const e = refusal(() => ruleById(E, 'art99.p1.nothing'));
    expect(formatRefusal(e.body, 'kk')).toBe('Заңның «kz-148@2018-07-12» редакциясында art99.p1.nothing ережесі жоқ.');
    expect(formatRefusal({ code: 'something_new' }, 'en')).toBe('Request refused (something_new).');
  });

  it('formats citations', () => {
    expect(formatCitation({ law: '148', article: '24', paragraph: '4' }, 'en')).toBe('Law 148, Art. 24(4)');
    expect(formatCitation({ law: '148', article: '21-1' }, 'ru')).toBe('ст. 21-1 Закона № 148');
  });
});
