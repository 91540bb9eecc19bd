// The inputs, acts and facts of a regular session (workflows/regular-session.ts).
import { z } from 'zod';
import type { IsoDate } from '../statute/types.js';
import { ActBase, LegalDate, LegalTime, StartBase } from './procedure.js';
import { NoticeTarget, onlyInSimulations, RosterInput, type RosterShown } from './lib/maslikhat.js';

const Id = z.string().min(1).max(128);
const AgendaItem = z.strictObject({
  id: Id,
  title: z.string().min(1).max(1000),
  /** 7(2): a draft "предусматривающие сокращение местных бюджетных доходов или увеличение местных бюджетных расходов" */
  fiscal: z.enum(['none', 'revenue_cut', 'spending_increase']).default('none'),
});
export const RegularSessionInput = StartBase.extend({
  maslikhatId: Id,
  maslikhatName: z.string().min(1).max(300),
  session: z.strictObject({ number: z.string().min(1).max(50) }),
  /** 18(4)(1): "принимает решение о созыве сессии"; 18(3): the secretary when the chair is absent */
  convening: z.strictObject({
    at: LegalTime,
    by: z.enum(['chair', 'secretary']),
    /** 18(3): the chair of this session, elected at the previous one */
    chair: z.strictObject({ deputyId: Id }),
    day: LegalDate,
    place: z.string().min(1).max(500),
    agenda: z.array(AgendaItem).min(1).max(200).refine((a) => new Set(a.map((i) => i.id)).size === a.length, 'agenda item ids must differ'),
  }),
  /** 10(3): "сообщает депутатам, населению и акиму"; the secretary is warned about the year */
  addressees: z.strictObject({ deputies: NoticeTarget, population: NoticeTarget, akim: NoticeTarget, secretary: NoticeTarget }),
  /** art10.p2.year = term_year: the day of the maslikhat's first session */
  termStart: LegalDate.optional(),
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, onlyInSimulations);
export type RegularSessionInput = z.input<typeof RegularSessionInput>;
export type Input = z.output<typeof RegularSessionInput>;

const Tally = { present: z.number().int().min(0).max(9999), votesFor: z.number().int().min(0).max(9999), votesAgainst: z.number().int().min(0).max(9999), castingVote: z.enum(['for', 'against']).optional() };
export const Announce = ActBase;
export const Materials = ActBase.extend({ documents: z.array(z.strictObject({ itemId: Id, title: z.string().min(1).max(500) })).min(1).max(500) });
export const Reschedule = ActBase.extend({ day: LegalDate, reason: z.string().min(1).max(2000) });
export const AkimConclusion = ActBase.extend({ itemId: Id, positive: z.boolean(), document: z.string().min(1).max(200) });
export const Open = ActBase.extend({ presiding: z.enum(['chair', 'secretary']), present: Tally.present });
export const ClosedSitting = ActBase.extend({ proposedBy: z.enum(['chair', 'deputies']), proposers: z.number().int().min(0).max(9999).default(0), ...Tally });
export const Decide = ActBase.extend({ itemId: Id, ...Tally });
export const Recess = ActBase.extend({ resumesOn: LegalDate, ...Tally });
export const Resume = ActBase.extend({ present: Tally.present });
export const ElectChair = ActBase.extend({ deputyId: Id, ...Tally });
export const CloseSession = ActBase;
export const SignProtocol = ActBase.extend({ chair: Id, secretary: Id });
export const Publish = ActBase.extend({ where: z.string().min(1).max(500), reference: z.string().min(1).max(200) });

export type Stage = 'convened' | 'sitting' | 'break' | 'ended' | 'signed' | 'closed';
export type Item = z.output<typeof AgendaItem>;
export interface Year { from: IsoDate; to: IsoDate; held: number; needed: number; latestNotice: IsoDate | null }
export interface RegularSessionFacts {
  maslikhatId: string;
  session: string;
  roster: RosterShown;
  convenedBy: 'chair' | 'secretary';
  chair: string;
  day: IsoDate;
  place: string;
  agenda: Item[];
  announced: { at: string; late: boolean } | null;
  materials: { at: string; late: boolean } | null;
  presiding: 'chair' | 'secretary' | null;
  closedSitting: boolean | null;
  conclusions: Record<string, { positive: boolean; document: string }>;
  decisions: { itemId: string; adopted: boolean; votesFor: number; votesAgainst: number; casting: 'for' | 'against' | null }[];
  breaks: { from: IsoDate; resumesOn: IsoDate; resumedOn: IsoDate | null; late: boolean }[];
  nextChair: string | null;
  year: Year | null;
  protocol: { chair: string; secretary: string; at: string } | null;
  published: { where: string; reference: string; at: string } | null;
}
