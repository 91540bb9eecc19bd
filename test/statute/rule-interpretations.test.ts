// interpretationsOf(rule): every interpretation that applies to a rule — listed by the rule,
// applied by period arithmetic, or naming the rule — checked against what the computations record.
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../statute/calendar/index.js';
import { periodOfId } from '../../statute/deadlines.js';
import { electionCalendar } from '../../statute/election-calendar.js';
import { INTERPRETATIONS } from '../../statute/interpretations.js';
import { interpretationsOf } from '../../statute/rule-interpretations.js';
import { KZ_148_2018, rule, ruleById, rulesOf } from '../../statute/rules.js';

const E = KZ_148_2018;
const kz = officialCalendar();
const ids = (id: Parameters<typeof rule>[1]) => interpretationsOf(rule(E, id)).map((a) => a.id);
const byId = (id: Parameters<typeof rule>[1]) => Object.fromEntries(interpretationsOf(rule(E, id)).map((a) => [a.id, a]));

describe('interpretationsOf', () => {
  it('art36_1.p3.submission_withdrawal: the two-days boundary of 36-1(6) and the lead-time readings', () => {
    const a = byId('art36_1.p3.submission_withdrawal');
    expect(a['art36_1.p6.two_days_boundary']).toMatchObject({ chosen: 'from_e_minus_2', default: 'from_e_minus_2', via: 'rule' });
    expect(a['art36_1.p3.days_before']).toMatchObject({ via: 'rule', default: 'e_minus_n' });
    // the general reading follows the procedure's own id for the same question
    expect(a['period.days_before']).toMatchObject({ via: 'period', sameAs: 'art36_1.p3.days_before', chosen: 'e_minus_n' });
    expect(a['period.before_non_working_day']).toMatchObject({ via: 'period', default: 'no_move' });
    expect(a['period.start_next_day']).toBeUndefined(); // a lead time is not counted forward
  });

  it('art24.p4.signature_verification: anchor, non-working day, and the consequences that name it', () => {
    expect(ids('art24.p4.signature_verification')).toEqual([
      'period.anchor_day', 'period.deadline_non_working_day', 'art24.p4.insufficient_signatures', 'art24.p4.verification_overdue',
    ]);
    const a = byId('art24.p4.signature_verification');
    expect(a['period.anchor_day']).toMatchObject({ via: 'rule', sameAs: 'period.start_next_day', chosen: 'next_day' });
    expect(a['art24.p4.verification_overdue']).toMatchObject({ via: 'names_rule', default: 'overdue_notice', chosen: 'overdue_notice' });
    // the Civil Code behind the period arithmetic is shown, unverified
    expect(a['period.deadline_non_working_day']!.external).toEqual([expect.objectContaining({ article: '172', verified: false })]);
  });

  it('months add period.month_end; waiting periods the first-allowed-day rule instead of the non-working-day one', () => {
    expect(ids('art24.p5.session')).toContain('period.month_end');
    expect(ids('art24.p8.repeat_vote')).toEqual(expect.arrayContaining(['period.waiting_first_allowed_day', 'period.month_end', 'art24.p8.repeat_vote_procedure']));
    expect(ids('art24.p8.repeat_vote')).not.toContain('period.deadline_non_working_day');
    expect(ids('art11.p3.quorum')).toEqual(['total_deputies.base', 'rounding.at_least_fraction_ceil']);
    expect(ids('art23_1.p3.resubmission')).toEqual(expect.arrayContaining(['art23_1.p3.resubmission_overdue', 'art23_1.p3.decision_received']));
  });

  it('each interpretation once; every interpretation applies to some rule; every appliesTo names a rule', () => {
    const reached = new Set<string>();
    for (const r of rulesOf(E)) {
      const list = interpretationsOf(r).map((a) => a.id);
      expect(new Set(list).size, r.id).toBe(list.length);
      for (const id of list) reached.add(id);
    }
    for (const id of Object.keys(INTERPRETATIONS)) expect(reached.has(id), id).toBe(true);
    for (const i of Object.values(INTERPRETATIONS)) for (const target of i.appliesTo ?? []) expect(() => ruleById(E, target), `${i.id} → ${target}`).not.toThrow();
  });

  it('complete: every interpretation periodOf records for a rule is listed under it', () => {
    let checked = 0;
    for (const r of rulesOf(E)) {
      if (r.kind !== 'period' && r.kind !== 'bar') continue;
      const listed = new Set(interpretationsOf(r).flatMap((a) => [a.id, ...(a.sameAs ? [a.sameAs] : [])]));
      for (const anchor of ['2025-01-31', '2025-03-22']) {
        for (const u of periodOfId(E, r.id, anchor, kz).interpretations) {
          expect(listed.has(u.id), `${r.id}: ${u.id}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('complete: every interpretation the election calendar records for a milestone is listed under its rule', () => {
    const c = electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: 'art36_1.p10.hold_within_month' }, kz);
    let checked = 0;
    for (const m of c.milestones) {
      const listed = new Set(interpretationsOf(ruleById(E, m.rule)).flatMap((a) => [a.id, ...(a.sameAs ? [a.sameAs] : [])]));
      for (const u of m.period.interpretations) {
        expect(listed.has(u.id), `${m.id} (${m.rule}): ${u.id}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});
