// Art. 20(3): the ten grounds for the early termination of a deputy's powers, each with the
// evidence it needs, and the attendance register of sittings ground 9 is counted from. Also
// what P-10 and P-13 share: the day a mandate ends in the register, the wording in force
// (41(3) until 01.01.2019) and the norms in force whose text the source lacks (20(4-1)). Pure.
import { z } from 'zod';
import { rule as ruleOf, type RuleId } from '../../statute/rules.js';
import type { Citation, IsoDate } from '../../statute/types.js';
import type { Book } from '../engine/book.js';
import { LegalDate } from '../procedure.js';

const text = (max = 300) => z.string().min(1).max(max);
/** A document the ground rests on: an act of appointment, a certificate, a statement. */
export const Evidence = z.strictObject({ kind: text(100), number: text(100), date: LegalDate, issuedBy: text() });
/** A court decision and the day it entered into force ("вступления в законную силу"). */
export const CourtDecision = z.strictObject({ court: text(), caseNumber: text(100), date: LegalDate, inForceOn: LegalDate });

/** The attendance register of sittings: each sitting lists every deputy expected at it. */
export const Sitting = z.strictObject({
  sittingId: text(128),
  date: LegalDate,
  kind: z.enum(['plenary', 'body']),
  /** for a sitting of a body of the maslikhat (a commission): which one */
  body: text().optional(),
  attendance: z.array(z.strictObject({ deputyId: text(128), status: z.enum(['present', 'absent_excused', 'absent_unexcused']), reason: text(1000).optional() })).min(1).max(9999),
}).refine((s) => s.kind === 'plenary' || s.body !== undefined, { path: ['body'], message: 'a sitting of a body names the body' });
export type Sitting = z.output<typeof Sitting>;

// 20(3)(1)-(10), in the order of the text
export const Ground = z.discriminatedUnion('ground', [
  z.strictObject({ ground: z.literal('incompatible_post'), post: text(), evidence: Evidence }),
  z.strictObject({ ground: z.literal('incapacity'), capacity: z.enum(['incapable', 'limited']), court: CourtDecision }),
  z.strictObject({ ground: z.literal('maslikhat_terminated'), evidence: Evidence, procedureId: text().optional() }),
  z.strictObject({ ground: z.literal('death'), event: z.enum(['death', 'declared_missing', 'declared_dead']), evidence: Evidence.optional(), court: CourtDecision.optional() })
    .refine((g) => (g.event === 'death' ? g.evidence !== undefined : g.court !== undefined), { path: ['court'], message: 'a death needs its certificate (evidence); a declaration needs the court decision (court)' }),
  z.strictObject({ ground: z.literal('citizenship'), evidence: Evidence }),
  z.strictObject({ ground: z.literal('conviction'), offence: z.enum(['crime', 'intentional_criminal_misdemeanour', 'careless_criminal_misdemeanour']), court: CourtDecision }),
  z.strictObject({ ground: z.literal('moved_away'), newResidence: text(500), evidence: Evidence }),
  z.strictObject({ ground: z.literal('resignation'), statement: z.strictObject({ date: LegalDate, text: text(5000).optional() }) }),
  z.strictObject({ ground: z.literal('non_performance'), sittings: z.array(Sitting).min(1).max(2000), otherFailures: text(5000).optional() }),
  z.strictObject({ ground: z.literal('audit_commission'), role: z.enum(['chair', 'member']), level: z.enum(['region', 'city_republican', 'capital', 'other']), evidence: Evidence }),
]);
export type Ground = z.output<typeof Ground>;
export type GroundName = Ground['ground'];

export const GROUND_RULE: Record<GroundName, RuleId> = {
  incompatible_post: 'art20.p3.g1_incompatible_post',
  incapacity: 'art20.p3.g2_incapacity',
  maslikhat_terminated: 'art20.p3.g3_maslikhat_terminated',
  death: 'art20.p3.g4_death',
  citizenship: 'art20.p3.g5_citizenship',
  conviction: 'art20.p3.g6_conviction',
  moved_away: 'art20.p3.g7_moved_away',
  resignation: 'art20.p3.g8_resignation',
  non_performance: 'art20.p3.g9_non_performance',
  audit_commission: 'art20.p3.g10_audit_commission',
};

/** The first bad row of the register (ids unique, dates in order, none after `today`), or null. */
export function sittingsProblems(sittings: readonly Sitting[], today: IsoDate): { field: string; value: string; message: string } | null {
  const seen = new Map<string, number>();
  for (const [i, s] of sittings.entries()) {
    const first = seen.get(s.sittingId);
    if (first !== undefined) return { field: `ground.sittings.${i}.sittingId`, value: s.sittingId, message: `row ${i + 1}: sitting ${s.sittingId} is also row ${first + 1}` };
    seen.set(s.sittingId, i);
    if (i > 0 && s.date < sittings[i - 1]!.date) return { field: `ground.sittings.${i}.date`, value: s.date, message: `row ${i + 1}: ${s.date} is before the row above (${sittings[i - 1]!.date}); the register is in date order` };
    if (s.date > today) return { field: `ground.sittings.${i}.date`, value: s.date, message: `row ${i + 1}: ${s.date} is after today (${today})` };
    const ids = new Set<string>();
    for (const [j, x] of s.attendance.entries()) {
      if (ids.has(x.deputyId)) return { field: `ground.sittings.${i}.attendance.${j}.deputyId`, value: x.deputyId, message: `row ${i + 1}: ${x.deputyId} is listed twice` };
      ids.add(x.deputyId);
    }
  }
  return null;
}

/** The longest run of the deputy's absences without valid reason, with its sittings. */
export function longestRun(
  sittings: readonly Sitting[],
  deputyId: string,
  how: { excused: 'breaks_run' | 'neutral'; sequence: 'all_sittings' | 'each_body'; year: 'runs_across_years' | 'within_calendar_year' },
): { length: number; sittings: string[] } {
  const runs = new Map<string, { year: string; ids: string[] }>();
  let best: string[] = [];
  for (const s of sittings) {
    const mine = s.attendance.find((x) => x.deputyId === deputyId);
    if (!mine) continue; // not the deputy's sitting (a body he is not a member of)
    const key = how.sequence === 'all_sittings' ? '*' : s.kind === 'plenary' ? 'plenary' : `body:${s.body}`;
    const year = s.date.slice(0, 4);
    let run = runs.get(key) ?? { year, ids: [] };
    if (how.year === 'within_calendar_year' && run.year !== year) run = { year, ids: [] };
    if (mine.status === 'absent_unexcused') run = { year, ids: [...run.ids, s.sittingId] };
    else if (mine.status === 'present' || how.excused === 'breaks_run') run = { year, ids: [] };
    runs.set(key, run);
    if (run.ids.length > best.length) best = run.ids;
  }
  return { length: best.length, sittings: best };
}

/** The day after `day` (ISO dates, UTC arithmetic). */
export function nextDay(day: IsoDate): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The register's term_end for powers ended by a decision on `day` (register.mandate_end_day). */
export function mandateEnd(b: Book<unknown, string>, day: IsoDate): IsoDate {
  return b.use('register.mandate_end_day') === 'next_day' ? nextDay(day) : day;
}

/** A rule's citation, with 41(3) beside it while paras 3 and 4 of Art. 20 stood suspended (identical wording). */
export function wordingOf(b: Book<unknown, string>, ruleId: RuleId, day: IsoDate): Citation[] {
  const suspended = ruleOf(b.edition, 'art41.p3.art20_suspended', 'norm');
  return day < suspended.norm.until! ? [b.cite(ruleId), suspended.cite] : [b.cite(ruleId)];
}

/** 20(4-1): in force from its date, its text not in the source: listed, never applied. */
export function unknownNorms(b: Book<unknown, string>, day: IsoDate): { rule: string; from: string; text: null }[] {
  const r = ruleOf(b.edition, 'art20.p4_1.text_unknown', 'norm');
  return day >= r.norm.from! ? [{ rule: r.id, from: r.norm.from!, text: null }] : [];
}
