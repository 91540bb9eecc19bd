// The rural akim election calendar (Art. 36-1) counted back from election day, on the official
// calendar: dated scenarios, the named interpretations, the vote and the strategy by edition.
import { describe, expect, it } from 'vitest';
import { LATEST_OFFICIAL_VERSION, officialCalendar } from '../../statute/calendar/index.js';
import {
  ageOn, checkElectionDay, checkExtension, decideVote, electionCalendar, electionStrategy, milestone, periodBefore,
  requireMinAge, triggerDeadline, type MilestoneId,
} from '../../statute/election-calendar.js';
import { defineEdition, KZ_148_2018 } from '../../statute/editions/index.js';
import { StatuteError } from '../../statute/errors.js';
import { DEFAULT_EDITION_ID, getEdition } from '../../statute/rules.js';

const E = getEdition(DEFAULT_EDITION_ID);
const CAL = officialCalendar(`kz-official@${LATEST_OFFICIAL_VERSION}`);
const HOLD = 'art36_1.p10.hold_within_month';

function refusal(fn: () => unknown): StatuteError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatuteError) return e;
    throw e;
  }
  throw new Error('expected a StatuteError');
}

const dates = (c: ReturnType<typeof electionCalendar>) => Object.fromEntries(c.milestones.map((m) => [m.id, m.date])) as Record<MilestoneId, string>;

describe('election day Sunday 1 June 2025 (default interpretations)', () => {
  const c = electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: HOLD }, CAL);
  const d = dates(c);

  it('counts the lead times back as E−N: nomination 2 → 7 May, registration ends 17 May', () => {
    expect(d.nomination_opens).toBe('2025-05-02');
    expect(d.nomination_closes).toBe('2025-05-07');
    expect(d.registration_ends).toBe('2025-05-17');
    // nomination opens at 00:00 Astana time of 2 May; registration ends at 24:00 of 17 May (UTC+5)
    expect(milestone(c, 'nomination_opens').instant).toBe('2025-05-01T19:00:00.000Z');
    expect(milestone(c, 'registration_ends').instant).toBe('2025-05-17T19:00:00.000Z');
  });

  it('publishes the registered candidates by the 7th day after registration: Saturday 24 May moves to Monday 26 May', () => {
    expect(d.publish_registered).toBe('2025-05-26');
    expect(milestone(c, 'publish_registered').period.skipped.map((s) => s.date)).toEqual(['2025-05-24', '2025-05-25']);
  });

  it('campaigns from the day registration ends to 00:00 of 31 May; 31 May is the silence day', () => {
    expect(d.campaign_starts).toBe('2025-05-17');
    expect(milestone(c, 'campaign_ends').instant).toBe('2025-05-30T19:00:00.000Z');
    expect(d.silence_starts).toBe('2025-05-31');
    expect(milestone(c, 'campaign_ends').period.interpretations).toEqual([]);
  });

  it('T-9 default from_e_minus_2: E−2 (30 May) is frozen, so withdrawals end on 29 May', () => {
    expect(d.candidate_withdrawal_deadline).toBe('2025-05-29');
    expect(d.submission_withdrawal_deadline).toBe('2025-05-29');
    expect(d.freeze_starts).toBe('2025-05-30');
    expect(milestone(c, 'freeze_starts').period.interpretations).toContainEqual({ id: 'art36_1.p6.two_days_boundary', chosen: 'from_e_minus_2' });
  });

  it('registers the winner within five days: 6 June is Kurban Ait, then a weekend → 9 June', () => {
    expect(d.register_winner).toBe('2025-06-09');
    expect(milestone(c, 'register_winner').period.skipped.map((s) => s.reason)).toContain('holiday');
    expect(d.repeat_election_deadline).toBe('2025-08-01');
    expect(milestone(c, 'repeat_election_deadline').conditional).toBe(true);
  });

  it('every milestone cites Art. 36-1 verbatim and records what it depends on', () => {
    for (const m of c.milestones) {
      expect(m.period.citations[0]?.article, m.id).toBe('36-1');
      expect(m.period.citations[0]?.quote.length, m.id).toBeGreaterThan(10);
      expect(m.derivation).toContain(m.date);
    }
    expect(milestone(c, 'nomination_opens').derivation).toBe('E−30 = 2025-05-02 (days.unqualified_are_calendar: calendar_day, art36_1.p3.days_before: e_minus_n)');
    expect(c.interpretations.map((u) => u.id)).toEqual(expect.arrayContaining(['art36_1.p3.days_before', 'art36_1.p6.two_days_boundary']));
    expect(c.strategy).toBe('indirect_by_district_maslikhat');
  });
});

describe('other readings, recorded', () => {
  it('after_e_minus_2: withdrawals end on E−2 (30 May), the freeze starts on E−1', () => {
    const d = dates(electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: HOLD, recorded: [{ id: 'art36_1.p6.two_days_boundary', chosen: 'after_e_minus_2' }] }, CAL));
    expect(d.candidate_withdrawal_deadline).toBe('2025-05-30');
    expect(d.freeze_starts).toBe('2025-05-31');
  });

  it('n_clear_days: nomination opens on 1 May and registration ends on 16 May', () => {
    const d = dates(electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: HOLD, recorded: [{ id: 'art36_1.p3.days_before', chosen: 'n_clear_days' }] }, CAL));
    expect(d.nomination_opens).toBe('2025-05-01');
    expect(d.registration_ends).toBe('2025-05-16');
    expect(d.silence_starts).toBe('2025-05-31');
  });

  it('working days: 25 working days before 1 June 2025 skip weekends and the May holidays (1, 7, 9 May)', () => {
    const p = periodBefore(E, 'art36_1.p3.nomination_closes', '2025-06-01', CAL, [{ id: 'days.unqualified_are_calendar', chosen: 'working_day' }]);
    expect(p.unit).toBe('working_day');
    expect(p.date).toBe('2025-04-23');
    expect(p.skipped.map((s) => s.date)).toEqual(expect.arrayContaining(['2025-05-09', '2025-05-07', '2025-05-01']));
    // the day before election day is named by the text: a working-day reading does not move it
    const c = electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: HOLD, recorded: [{ id: 'days.unqualified_are_calendar', chosen: 'working_day' }] }, CAL);
    expect(milestone(c, 'campaign_ends').date).toBe('2025-05-31');
    expect(milestone(c, 'silence_starts').date).toBe('2025-05-31');
  });

  it('refuses an unknown option and a forward rule', () => {
    expect(refusal(() => electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: HOLD, recorded: [{ id: 'art36_1.p3.days_before', chosen: 'e_minus_n_plus' }] }, CAL)).body.code).toBe('invalid_option');
    expect(refusal(() => periodBefore(E, 'art36_1.p11.register_winner', '2025-06-01', CAL)).body.code).toBe('unsupported_direction');
  });

  it('dates in years the calendar does not confirm are provisional', () => {
    const c = electionCalendar(E, { electionDay: '2030-06-02', electionDayRule: HOLD }, CAL);
    expect(milestone(c, 'nomination_opens').period.provisional).toBe(true);
  });
});

describe('fewer than two candidates: extension of at most ten days (36-1(3))', () => {
  it('moves the end of nomination and registration, the publication and the campaign', () => {
    const d = dates(electionCalendar(E, { electionDay: '2025-06-01', electionDayRule: HOLD, registrationExtendedTo: '2025-05-27' }, CAL));
    expect(d.nomination_closes).toBe('2025-05-27');
    expect(d.registration_ends).toBe('2025-05-27');
    expect(d.campaign_starts).toBe('2025-05-27');
    expect(d.publish_registered).toBe('2025-06-03');
    expect(d.nomination_opens).toBe('2025-05-02');
  });

  it('refuses more than ten days (28 May) and an end not after 17 May', () => {
    const late = refusal(() => checkExtension(E, '2025-05-17', '2025-05-28', CAL));
    expect(late.body).toMatchObject({ code: 'too_late', field: 'until', rule: 'art36_1.p3.extension_max', date: '2025-05-27' });
    expect(refusal(() => checkExtension(E, '2025-05-17', '2025-05-17', CAL)).body.code).toBe('too_early');
  });
});

describe('calling the election (36-1(10))', () => {
  it('a term ending 30 June 2025 is called no later than 21 May (E−40 counted from the term end)', () => {
    const p = triggerDeadline(E, { kind: 'term_end', termEnd: '2025-06-30' }, CAL);
    expect(p.date).toBe('2025-05-21');
    expect(p.rule).toBe('art36_1.p10.call_deadline');
  });

  it('an early termination on 10 March 2025 is followed by an election by 10 June', () => {
    expect(triggerDeadline(E, { kind: 'early_termination', terminatedOn: '2025-03-10' }, CAL).date).toBe('2025-06-10');
  });

  it('called on 2 May, election day may be 1 June; 3 June is after the month (2 June)', () => {
    const ok = checkElectionDay(E, { trigger: { kind: 'term_end', termEnd: '2025-06-30' }, callDate: '2025-05-02', electionDay: '2025-06-01' }, CAL);
    expect(ok.latest.date).toBe('2025-06-02');
    expect(ok.interpretations).toContainEqual({ id: 'art36_1.p10.month_anchor', chosen: 'from_calling' });
    const late = refusal(() => checkElectionDay(E, { trigger: { kind: 'term_end', termEnd: '2025-06-30' }, callDate: '2025-05-02', electionDay: '2025-06-03' }, CAL));
    expect(late.body).toMatchObject({ code: 'too_late', field: 'electionDay', rule: HOLD, date: '2025-06-02' });
  });

  it('refuses an election day whose nomination would open before the call', () => {
    const e = refusal(() => checkElectionDay(E, { trigger: { kind: 'term_end', termEnd: '2025-06-30' }, callDate: '2025-05-03', electionDay: '2025-06-01' }, CAL));
    expect(e.body).toMatchObject({ code: 'nomination_before_call', field: 'electionDay', rule: 'art36_1.p3.nomination_opens', date: '2025-05-02' });
  });

  it('T-14 before_term_end: election day within the last month of the term', () => {
    const rec = [{ id: 'art36_1.p10.month_anchor', chosen: 'before_term_end' }];
    expect(checkElectionDay(E, { trigger: { kind: 'term_end', termEnd: '2025-06-30' }, callDate: '2025-05-01', electionDay: '2025-06-05' }, CAL, rec).latest.date).toBe('2025-06-30');
    expect(refusal(() => checkElectionDay(E, { trigger: { kind: 'term_end', termEnd: '2025-06-30' }, callDate: '2025-04-01', electionDay: '2025-05-20' }, CAL, rec)).body).toMatchObject({ code: 'too_early', date: '2025-05-30' });
  });

  it('repeat elections: within two months of the original election day', () => {
    const trig = { kind: 'repeat' as const, originalElectionDay: '2025-06-01' };
    expect(checkElectionDay(E, { trigger: trig, callDate: '2025-06-02', electionDay: '2025-07-27' }, CAL).latest.date).toBe('2025-08-01');
    expect(refusal(() => checkElectionDay(E, { trigger: trig, callDate: '2025-06-02', electionDay: '2025-08-03' }, CAL)).body.code).toBe('too_late');
  });
});

describe('candidates and the vote', () => {
  it('age in whole calendar years on election day (36(1): not younger than 25)', () => {
    expect(ageOn('2000-06-01', '2025-06-01')).toBe(25);
    expect(ageOn('2000-06-02', '2025-06-01')).toBe(24);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(requireMinAge(E, '2000-06-01', '2025-06-01').age).toBe(25);
    const e = refusal(() => requireMinAge(E, '2000-06-02', '2025-06-01'));
    expect(e.body).toMatchObject({ code: 'below_threshold', field: 'candidate.dateOfBirth', rule: 'art36.p1.min_age', params: { required: 25, actual: 24 } });
  });

  it('the most votes of those who voted wins; a tie at the top goes to a re-vote', () => {
    expect(decideVote(E, [{ candidateId: 'a', votes: 10 }, { candidateId: 'b', votes: 7 }], 18)).toMatchObject({ result: 'elected', winner: 'a', topVotes: 10, rule: 'art36_1.p2.plurality' });
    // a plurality, not a majority: 7 of 18 wins against 6 and 5
    expect(decideVote(E, [{ candidateId: 'a', votes: 7 }, { candidateId: 'b', votes: 6 }, { candidateId: 'c', votes: 5 }], 18).winner).toBe('a');
    const tie = decideVote(E, [{ candidateId: 'a', votes: 8 }, { candidateId: 'b', votes: 8 }, { candidateId: 'c', votes: 1 }], 17);
    expect(tie).toMatchObject({ result: 'tie', winner: null, leaders: ['a', 'b'] });
    expect(tie.interpretations).toEqual([{ id: 'art36_1.p10.revote_candidates', chosen: 'tied_leaders' }]);
    expect(decideVote(E, [{ candidateId: 'a', votes: 0 }, { candidateId: 'b', votes: 0 }], 10).result).toBe('no_winner');
    expect(refusal(() => decideVote(E, [{ candidateId: 'a', votes: 10 }, { candidateId: 'b', votes: 9 }], 18)).body.code).toBe('count_exceeds_base');
  });
});

describe('the strategy is chosen by the edition', () => {
  it('kz-148@2018 elects indirectly by the district maslikhat; a later edition based on it inherits', () => {
    expect(electionStrategy(E).electorate).toMatchObject({ kind: 'district_maslikhat_deputies', quorumRule: 'art36_1.p10.elector_quorum' });
    const later = defineEdition({ id: 'kz-148@2031-01-01-test', effectiveFrom: '2031-01-01', basedOn: KZ_148_2018, title: KZ_148_2018.title, overrides: [] });
    expect(electionStrategy(later, [KZ_148_2018, later]).id).toBe('indirect_by_district_maslikhat');
  });

  it('an edition with no strategy of its own or inherited is refused, not guessed', () => {
    const other = defineEdition({ id: 'other-law', effectiveFrom: '2031-01-01', title: KZ_148_2018.title, overrides: [] });
    expect(refusal(() => electionStrategy(other, [other])).body).toMatchObject({ code: 'unknown_edition', field: 'editionId' });
  });
});
