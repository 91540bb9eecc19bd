// What the maslikhat's procedures share (consent Art. 23-1, no confidence Art. 24, and the
// sessions): the roster a vote counts against, the session's counts and quorum (Art. 11(3)),
// and the people the law says must be told. Pure, except `rosterFor`'s register read.
import { z } from 'zod';
import type { Citation, IsoDate } from '../../statute/types.js';
import type { Book, Notice } from '../engine/book.js';
import type { Io } from '../engine/spec.js';

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
export function dateOfAt(at: string): IsoDate {
  return at.slice(0, 10);
}
