// What the maslikhat's procedures share (consent Art. 23-1, no confidence Art. 24, and the
// sessions): the roster a vote counts against, the session's counts and quorum (Art. 11(3)),
// and the people the law says must be told. Pure, except `rosterFor`'s register read.
import { z } from 'zod';
import type { Citation, IsoDate, ThresholdDerivation } from '../../statute/types.js';
import { useOf } from '../../statute/interpretations.js';
import { rule as ruleOf, type RuleId } from '../../statute/rules.js';
import type { Book, Notice } from '../engine/book.js';
import type { Io } from '../engine/spec.js';
import type { RegisterRef } from '../procedure.js';

/** Someone the law says must be told: the President, a superior akim, the maslikhat. */
export const NoticeTarget = z.strictObject({
  name: z.string().min(1).max(300),
  role: z.string().min(1).max(100),
  /** e-mail address ('email') or URL ('webhook') */
  address: z.string().min(3).max(500),
  channel: z.enum(['email', 'webhook']).default('email'),
});
export type NoticeTarget = z.output<typeof NoticeTarget>;

/**
 * The deputies a procedure counts against. Real procedures read it from the register
 * (rosterAsOf); a what-if run (`simulation`) may carry it in its input instead.
 */
export const RosterInput = z.strictObject({
  seats: z.number().int().min(1).max(9999),
  deputies: z.array(z.strictObject({ id: z.string().min(1), fullName: z.string().min(1).optional() })).min(1),
});
export type RosterInput = z.output<typeof RosterInput>;

export interface RosterUsed {
  source: 'register' | 'input';
  date: string;
  seats: number;
  deputies: { id: string; fullName?: string }[];
  digest?: string;
}
/** What the state shows of the roster (the count, not the names). */
export type RosterShown = Omit<RosterUsed, 'deputies'> & { deputies: number };

export const onlyInSimulations = { path: ['roster'], message: 'a roster in the input is allowed in simulations only; real procedures read the register' };

/** The maslikhat's deputies on `date`: from the input in simulations, else from the register. */
export async function rosterFor(io: Io, maslikhatId: string, date: IsoDate, fromInput: RosterInput | undefined): Promise<RosterUsed> {
  if (fromInput) return { source: 'input', date, seats: fromInput.seats, deputies: fromInput.deputies };
  const r = await io.rosterAsOf({ maslikhatId, date });
  return { source: 'register', date, seats: r.seats, deputies: r.deputies.map((d) => ({ id: d.id, fullName: d.fullName })), digest: r.digest };
}

export function shown(r: RosterUsed): RosterShown {
  return { source: r.source, date: r.date, seats: r.seats, deputies: r.deputies.length, ...(r.digest ? { digest: r.digest } : {}) };
}

/** "общее число депутатов" (T-6): the seats fixed for the maslikhat, or the mandates held. */
export function totalDeputies(b: Book<unknown, string>, roster: { seats: number; deputies: number }): number {
  return b.use('total_deputies.base') === 'mandates_held' ? roster.deputies : roster.seats;
}

/** A session's counts: present within the total, votes within those present, and the quorum of Art. 11(3). */
export function checkSessionCounts(b: Book<unknown, string>, base: number, present: number, votesFor: number): void {
  if (present > base) b.refuse({ code: 'count_exceeds_base', field: 'present', params: { field: 'present', actual: present, base } }, `present (${present}) exceeds the total number of deputies (${base})`);
  if (votesFor > present) b.refuse({ code: 'count_exceeds_base', field: 'votesFor', params: { field: 'votesFor', actual: votesFor, base: present } }, `votesFor (${votesFor}) exceeds the deputies present (${present})`);
  // 11(3): "Сессия маслихата правомочна, если на ней присутствует не менее двух третей от общего числа депутатов"
  const quorum = b.peekThreshold('art11.p3.quorum', base, present);
  b.require(quorum, 'present', `present: a session needs ${quorum.required} of ${base} deputies (Art. 11(3)), got ${present}`);
}

/** A notice in the three languages to one addressee, due a day after `at` unless `deadline` says otherwise. */
export function noticeTo(to: NoticeTarget, templateId: string, basis: Citation, at: string, params: Notice['params'], deadline?: string): Notice {
  return {
    addressee: { name: to.name, role: to.role, address: to.address },
    channel: to.channel,
    languages: ['kk', 'ru', 'en'],
    basis,
    deadline: deadline ?? new Date(Date.parse(at) + 86_400_000).toISOString(),
    templateId,
    params,
  };
}

/** The date of an act as its actor wrote it (its own offset). */
/**
 * 18(3): "не может быть избран председателем сессии маслихата более двух раз в течение календарного
 * года": refused (above_cap, naming `field`) when `before` elections of the year already reach the cap.
 */
export function refuseAboveChairCap(b: Book<unknown, string>, before: number, field: string, message: (limit: number) => string): void {
  const cap = ruleOf(b.edition, 'art18.p3.chair_twice_a_year', 'cap');
  if (before < cap.cap.limit) return;
  b.refuse({ code: 'above_cap', field, rule: cap.id, citation: cap.cite, params: { rule: cap.id, required: cap.cap.limit, actual: before + 1, base: cap.cap.counts } }, message(cap.cap.limit));
}

export function dateOfAt(at: string): IsoDate {
  return at.slice(0, 10);
}

// ── issue 15 (i15-b): a vote of a session and the chair's casting vote (Art. 18(6)) ──────────────
// Shared by the session kinds (workflows/regular-session.ts); the threshold of the vote (11(3) the
// total, 11(6) those present, 18(2) the chair's election) is the caller's rule.

export interface VoteInput {
  votesFor: number;
  votesAgainst: number;
  /** 18(6): the side the chair takes when the votes are equally divided */
  castingVote?: 'for' | 'against' | undefined;
}
export interface Vote {
  adopted: boolean;
  votesFor: number;
  votesAgainst: number;
  tie: boolean;
  castingVote: 'for' | 'against' | null;
  /** art18.p6.casting_vote, on a tie */
  casting: string | null;
  threshold: ThresholdDerivation;
  citations: Citation[];
}

const isTie = (a: VoteInput) => a.votesFor > 0 && a.votesFor === a.votesAgainst;

/** 18(6): a tie needs the chair's casting vote, and only a tie takes one. */
export function castingVote(b: Book<unknown, string>, a: VoteInput): void {
  const cite = b.cite('art18.p6.casting_vote');
  if (isTie(a) && !a.castingVote) b.refuse({ code: 'casting_vote_missing', field: 'castingVote', rule: 'art18.p6.casting_vote', citation: cite, params: { field: 'castingVote' } }, `castingVote: the votes are equally divided (${a.votesFor}:${a.votesAgainst}); the chair's casting vote decides (Art. 18(6))`);
  if (!isTie(a) && a.castingVote) b.refuse({ code: 'no_tie', field: 'castingVote', rule: 'art18.p6.casting_vote', citation: cite, params: { field: 'castingVote' } }, `castingVote: the votes are not equally divided (${a.votesFor}:${a.votesAgainst})`);
}

/**
 * A vote against the rule's threshold of `base`; on a tie the chair's casting vote as
 * art18.p6.casting_vote reads it: one more vote for its side (adds_to_total_majority), or the tie's
 * outcome (decides_tie). `peek`: nothing noted (a check, a load).
 */
export function sessionVote(b: Book<unknown, string>, ruleId: RuleId, base: number, a: VoteInput, peek = false): Vote {
  const tie = isTie(a);
  const casting = tie ? (peek ? useOf('art18.p6.casting_vote', b.chosen).chosen : b.use('art18.p6.casting_vote')) : null;
  const counted = a.votesFor + (casting === 'adds_to_total_majority' && a.castingVote === 'for' ? 1 : 0);
  const threshold = peek ? b.peekThreshold(ruleId, base, counted) : b.threshold(ruleId, base, counted);
  const adopted = casting === 'decides_tie' ? a.castingVote === 'for' : threshold.met;
  return { adopted, votesFor: a.votesFor, votesAgainst: a.votesAgainst, tie, castingVote: a.castingVote ?? null, casting, threshold, citations: [...threshold.citations, ...(tie ? [b.cite('art18.p6.casting_vote')] : [])] };
}
// ── end of issue 15 (i15-b) block ──

/** The registers a maslikhat's procedure names: its unit, and its maslikhat, which must be that unit's. */
export function unitAndMaslikhat(i: { unit: string; maslikhatId: string }): RegisterRef[] {
  return [{ field: 'unit', register: 'admin_units', id: i.unit }, { field: 'maslikhatId', register: 'maslikhats', id: i.maslikhatId, of: { field: 'unit', id: i.unit } }];
}

/** 10(3): the notice or the materials given: late or not, and the deadline closed. */
export function leadTimeGiven(b: Book<unknown, string>, ruleId: RuleId, at: string): boolean {
  const late = b.isLate(ruleId, at);
  b.cancel(ruleId);
  return late;
}
