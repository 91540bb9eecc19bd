// Early termination of a maslikhat: Law 148, Art. 23(2), 23-1(4), 20(2)-(3)(3), 5(6) (catalogue
// P-13). Three ways: by the President after consultations with the Prime Minister and the chairs
// of both Chambers (each consultation recorded); by the maslikhat's decision to dissolve itself
// (no majority stated: a named interpretation, the total by default); or as what follows a third
// refusal of consent (23-1(4)), started by the administrator referring to the akim_consent
// procedure. On termination every deputy's mandate ends in the register; the new maslikhat's
// powers start at its first session (5(6)). The law sets no deadline: nothing is timed.
import { z } from 'zod';
import type { RuleId } from '../statute/rules.js';
import type { Citation } from '../statute/types.js';
import { defineProcedure, kit, type Io } from './engine/spec.js';
import { legalDateOf } from './engine/time.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book } from './engine/book.js';
import { ActBase, LegalDate, LegalTime, StartBase, type ProcedureState } from './procedure.js';
import { checkSessionCounts, dateOfAt, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, unitAndMaslikhat } from './lib/maslikhat.js';
import { mandateEnd } from './lib/deputy-grounds.js';

/** 23(2): "после консультаций с Премьер-Министром ... и председателями Палат Парламента" */
export const CONSULTED = ['prime_minister', 'senate_chair', 'mazhilis_chair'] as const;

const ThirdRefusal = z.strictObject({
  /** the akim_consent procedure (its workflow id) whose third refusal this follows */
  procedureId: z.string().min(1).max(300),
  /** what-if runs only: the third refusal as the consent procedure recorded it, instead of reading its record */
  record: z.strictObject({ at: LegalTime, branch: z.enum(['president_may_terminate', 'regional_akim_notifies', 'superior_akim_notifies']) }).optional(),
});

export const MaslikhatEarlyTerminationInput = StartBase.extend({
  maslikhatId: z.string().min(1).max(128),
  maslikhatName: z.string().min(1).max(300),
  way: z.discriminatedUnion('how', [
    z.strictObject({ how: z.literal('president') }),
    z.strictObject({ how: z.literal('self_dissolution') }),
    z.strictObject({ how: z.literal('third_refusal'), consent: ThirdRefusal }),
  ]),
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, onlyInSimulations)
  .refine((i) => i.way.how !== 'third_refusal' || !i.way.consent.record || i.simulation, { path: ['way', 'consent', 'record'], message: 'the third refusal in the input is allowed in simulations only; real procedures read the consent procedure\'s record' });
export type MaslikhatEarlyTerminationInput = z.input<typeof MaslikhatEarlyTerminationInput>;
type Input = z.output<typeof MaslikhatEarlyTerminationInput>;

export const RecordConsultation = ActBase.extend({
  with: z.enum(CONSULTED),
  person: z.string().min(1).max(300),
  date: LegalDate,
  note: z.string().max(5000).optional(),
});
export const PresidentialDecree = ActBase.extend({ decree: z.strictObject({ number: z.string().min(1).max(100), date: LegalDate }) });
export const SelfDissolutionVote = ActBase.extend({
  session: z.strictObject({ number: z.string().min(1).max(100), kind: z.enum(['regular', 'extraordinary']) }),
  present: z.number().int().min(0).max(9999),
  votesFor: z.number().int().min(0).max(9999),
});
export const FirstSession = ActBase.extend({ maslikhatId: z.string().min(1).max(128), openedOn: LegalDate });
export const CloseProcedure = ActBase.extend({ reason: z.string().min(1).max(2000) });

export type MaslikhatTerminationStage =
  | 'consultations' // 23(2): the President consults, then decides
  | 'awaiting_session' // 23(2): the maslikhat decides on its self-dissolution
  | 'terminated' // 20(2), 20(3)(3): every deputy's powers have ended; 5(6): awaiting the new maslikhat's first session
  | 'closed';

export interface MaslikhatTerminationFacts {
  maslikhatId: string;
  how: Input['way']['how'];
  roster: RosterShown;
  consent: { procedureId: string; thirdRefusalOn: string; branch: string; source: 'record' | 'input' } | null;
  consultations: { with: (typeof CONSULTED)[number]; person: string; date: string }[];
  termination: { by: 'decree' | 'self_dissolution'; date: string; document: string; termEnd: string } | null;
  /** what the register did: the mandates ended */
  register: { source: 'register' | 'input'; ended: string[]; already: string[]; endedBefore: { id: string; termEnd: string }[] } | null;
  newMaslikhat: { maslikhatId: string; powersFrom: string } | null;
}

type B = Book<MaslikhatTerminationFacts, MaslikhatTerminationStage>;
const { act } = kit<MaslikhatTerminationFacts, MaslikhatTerminationStage, Input>();
const total = (b: B) => totalDeputies(b, b.facts.roster);
type Ended = NonNullable<MaslikhatTerminationFacts['register']>;

/** 20(2): "прекращаются с момента прекращения полномочий маслихата": every mandate held that day ends. */
async function endAll(b: B, input: Input, io: Io, day: string, why: string): Promise<Ended & { termEnd: string }> {
  const termEnd = mandateEnd(b, day);
  if (input.roster) return { termEnd, source: 'input', ended: input.roster.deputies.map((d) => d.id), already: [], endedBefore: [] };
  const r = await io.endMandates({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, decisionDate: day, termEnd, reason: `${b.procedureId}: ${why}` });
  return { termEnd, source: 'register', ...r };
}

function terminated(b: B, a: { at: string; actor: Input['startedBy'] }, by: 'decree' | 'self_dissolution', document: string, loaded: Ended & { termEnd: string }, basis: Citation[]): void {
  const { termEnd, ...register } = loaded;
  b.facts.termination = { by, date: dateOfAt(a.at), document, termEnd };
  b.facts.register = register;
  b.setStage('terminated');
  b.record('powers_ended', {
    type: 'maslikhat_powers_ended', at: a.at, actor: a.actor,
    payload: { maslikhatId: b.facts.maslikhatId, by, document, termEnd, register },
    citation: [...basis, b.cite('art20.p2.powers_end_with_maslikhat'), b.cite('art20.p3.g3_maslikhat_terminated')],
  });
}

export const maslikhatEarlyTerminationSpec = defineProcedure<MaslikhatTerminationFacts, MaslikhatTerminationStage, Input>({
  kind: 'maslikhat_early_termination',
  workflowType: 'maslikhatEarlyTermination',
  procedure: 'P-13',
  title: { en: 'Early termination of the powers of a maslikhat', ru: 'Досрочное прекращение полномочий маслихата', kk: 'Мәслихат өкілеттігін мерзімінен бұрын тоқтату' },
  input: MaslikhatEarlyTerminationInput,
  // one open procedure per maslikhat
  workflowId: (i) => `maslikhat_early_termination:${i.maslikhatId}`,
  registered: (i) => unitAndMaslikhat(i),
  initial: 'consultations',
  stages: ['consultations', 'awaiting_session', 'terminated', 'closed'],
  interpretations: ['total_deputies.base', 'register.mandate_end_day'],

  async start(b, input, io) {
    const today = b.today();
    const roster = await rosterFor(io, input.maslikhatId, today, input.roster);
    let consent: MaslikhatTerminationFacts['consent'] = null;
    if (input.way.how === 'third_refusal') {
      const c = input.way.consent;
      // 23-1(4): the consent procedure's own record of the third refusal
      const found = c.record ?? (await io.readLedger({ procedureId: c.procedureId })).filter((r) => r.actType === 'third_refusal').map((r) => ({ at: r.legalAt, branch: (r.payload as { branch: string }).branch })).at(-1);
      if (!found) return b.refuse({ code: 'no_third_refusal', field: 'way.consent.procedureId', rule: 'art23_1.p4.max_submissions', citation: b.cite('art23_1.p4.max_submissions'), params: { value: c.procedureId } }, `way.consent.procedureId: ${c.procedureId} has recorded no third refusal (Art. 23-1(4))`);
      if (found.branch !== 'president_may_terminate' && found.branch !== 'regional_akim_notifies' && found.branch !== 'superior_akim_notifies') {
        b.refuse({ code: 'no_third_refusal', field: 'way.consent.procedureId', rule: 'art23_1.p4.max_submissions', citation: b.cite('art23_1.p4.max_submissions'), params: { value: found.branch } }, `way.consent.procedureId: the third refusal of ${c.procedureId} names no early termination (branch ${found.branch})`);
      }
      consent = { procedureId: c.procedureId, thirdRefusalOn: legalDay(found.at), branch: found.branch, source: c.record ? 'input' : 'record' };
    }
    b.facts = { maslikhatId: input.maslikhatId, how: input.way.how, roster: shown(roster), consent, consultations: [], termination: null, register: null, newMaslikhat: null };
    b.setStage(input.way.how === 'self_dissolution' ? 'awaiting_session' : 'consultations');
    b.record('started', {
      type: 'maslikhat_termination_started', at: new Date(b.now()).toISOString(), actor: input.startedBy,
      payload: { maslikhatId: input.maslikhatId, way: input.way, consent, roster: b.facts.roster, interpretations: b.interpretations },
      citation: [b.cite(input.way.how === 'self_dissolution' ? 'art23.p2.self_dissolution' : 'art23.p2.president'), ...(consent ? [b.cite(consent.branch === 'president_may_terminate' ? 'art23_1.p4.third_refusal_president' : 'art23_1.p4.third_refusal_regional_akim')] : [])],
    });
    return b.facts;
  },

  acts: {
    // ---- 23(2): "после консультаций с Премьер-Министром ... и председателями Палат Парламента" ----
    recordConsultation: act({
      title: { en: "Record a consultation of the President", ru: 'Зарегистрировать консультацию Президента', kk: 'Президенттің консультациясын тіркеу' },
      input: RecordConsultation, roles: ['administrator'], stages: ['consultations'],
      check(b, a) {
        if (b.facts.consultations.some((c) => c.with === a.with)) b.refuse({ code: 'already_recorded', field: 'with', rule: 'art23.p2.president', citation: b.cite('art23.p2.president'), params: { value: a.with } }, `with: the consultation with ${a.with} is recorded already`);
        if (a.date > dateOfAt(a.at)) b.refuse({ code: 'in_future', field: 'date', params: { value: a.date } }, `date: ${a.date} is after the act (${dateOfAt(a.at)})`);
      },
      apply(b, a) {
        b.facts.consultations.push({ with: a.with, person: a.person, date: a.date });
        b.record(`consultation/${a.with}`, { type: 'president_consultation', at: a.at, actor: a.actor, payload: { with: a.with, person: a.person, date: a.date, ...(a.note ? { note: a.note } : {}) }, citation: b.cite('art23.p2.president') });
      },
    }),

    presidentialDecree: act({
      title: { en: "Record the President's decree terminating the maslikhat", ru: 'Зарегистрировать указ Президента о досрочном прекращении полномочий маслихата', kk: 'Мәслихат өкілеттігін мерзімінен бұрын тоқтату туралы Президент Жарлығын тіркеу' },
      input: PresidentialDecree, roles: ['administrator'], stages: ['consultations'],
      check(b, a) {
        const missing = CONSULTED.filter((w) => !b.facts.consultations.some((c) => c.with === w));
        if (missing.length) b.refuse({ code: 'consultations_missing', field: 'decree', rule: 'art23.p2.president', citation: b.cite('art23.p2.president'), params: { missing: missing.join(', ') } }, `decree: the President decides after consultations with the Prime Minister and the chairs of both Chambers (Art. 23(2)); not recorded: ${missing.join(', ')}`);
        const last = b.facts.consultations.map((c) => c.date).sort().at(-1)!;
        if (a.decree.date < last) b.refuse({ code: 'before_consultations', field: 'decree.date', rule: 'art23.p2.president', citation: b.cite('art23.p2.president'), params: { value: a.decree.date, date: last } }, `decree.date: ${a.decree.date} is before the last consultation (${last}); "после консультаций"`);
      },
      async load(b, a, input, io) {
        return endAll(b, input, io, a.decree.date, `Art. 23(2), decree ${a.decree.number}`);
      },
      apply(b, a, _input, loaded) {
        const basis = [b.cite('art23.p2.president'), ...(b.facts.consent ? [b.cite(b.facts.consent.branch === 'president_may_terminate' ? 'art23_1.p4.third_refusal_president' : 'art23_1.p4.third_refusal_regional_akim')] : [])];
        terminated(b, a, 'decree', `${a.decree.number} of ${a.decree.date}`, loaded, basis);
      },
    }),

    // 23-1(4)(1): "вправе": the President may also not terminate
    presidentDeclines: act({
      title: { en: 'The President does not terminate the maslikhat', ru: 'Президент не прекращает полномочия маслихата', kk: 'Президент мәслихаттың өкілеттігін тоқтатпайды' },
      input: CloseProcedure, roles: ['administrator'], stages: ['consultations'],
      apply(b, a) {
        b.setStage('closed', 'not_terminated');
        b.record('declined', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'not_terminated', reason: a.reason }, citation: b.cite(b.facts.consent?.branch === 'president_may_terminate' ? 'art23_1.p4.third_refusal_president' : 'art23.p2.president') });
      },
    }),

    // ---- 23(2): "в случае принятия маслихатом решения о самороспуске" ---------------------------
    recordSessionDecision: act({
      title: { en: 'Record the session decision on self-dissolution', ru: 'Зарегистрировать решение сессии о самороспуске', kk: 'Сессияның өзін-өзі тарату туралы шешімін тіркеу' },
      input: SelfDissolutionVote, roles: ['administrator'], stages: ['awaiting_session'],
      check(b, a) {
        checkSessionCounts(b, total(b), a.present, a.votesFor);
      },
      async load(b, a, input, io) {
        if (!dissolutionMet(b, a, true)) return null;
        return endAll(b, input, io, dateOfAt(a.at), `Art. 23(2), self-dissolution, session ${a.session.number}`);
      },
      apply(b, a, _input, loaded) {
        const d = dissolutionMet(b, a, false);
        b.record('session_decision', { type: 'session_decision', at: a.at, actor: a.actor, payload: { session: a.session, present: a.present, votesFor: a.votesFor, dissolved: d, totalDeputies: total(b), threshold: b.thresholds.at(-1) }, citation: [b.cite('art23.p2.self_dissolution'), ...b.thresholds.at(-1)!.citations] });
        if (!d) return b.setStage('closed', 'not_dissolved');
        terminated(b, a, 'self_dissolution', `session ${a.session.number}`, loaded!, [b.cite('art23.p2.self_dissolution')]);
      },
    }),

    // ---- 5(6): "Полномочия маслихата начинаются с момента открытия первой сессии" ------------------
    newMaslikhatFirstSession: act({
      title: { en: "The new maslikhat's first session opened", ru: 'Открыта первая сессия нового маслихата', kk: 'Жаңа мәслихаттың бірінші сессиясы ашылды' },
      input: FirstSession, roles: ['administrator'], stages: ['terminated'],
      check(b, a) {
        if (a.openedOn < b.facts.termination!.date) b.refuse({ code: 'before_termination', field: 'openedOn', rule: 'art5.p6.powers_start', citation: b.cite('art5.p6.powers_start'), params: { value: a.openedOn, date: b.facts.termination!.date } }, `openedOn: ${a.openedOn} is before the termination (${b.facts.termination!.date})`);
        if (a.openedOn > dateOfAt(a.at)) b.refuse({ code: 'in_future', field: 'openedOn', params: { value: a.openedOn } }, `openedOn: ${a.openedOn} is after the act`);
      },
      apply(b, a) {
        b.facts.newMaslikhat = { maslikhatId: a.maslikhatId, powersFrom: a.openedOn };
        b.setStage('closed', 'new_maslikhat');
        b.record('new_maslikhat', { type: 'new_maslikhat_powers_started', at: a.at, actor: a.actor, payload: { maslikhatId: a.maslikhatId, powersFrom: a.openedOn }, citation: b.cite('art5.p6.powers_start') });
      },
    }),

    close: act({
      title: { en: 'Close without a decision', ru: 'Закрыть без решения', kk: 'Шешімсіз жабу' },
      input: CloseProcedure, roles: ['administrator'], stages: ['consultations', 'awaiting_session'],
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },
});

/** No majority is stated for self-dissolution: art23.p2.self_dissolution_majority (total by default, 11(3)). */
function dissolutionMet(b: B, a: { present: number; votesFor: number }, peek: boolean): boolean {
  const ofPresent = b.use('art23.p2.self_dissolution_majority') === 'majority_of_present';
  const [ruleId, base]: [RuleId, number] = ofPresent ? ['art20.p4.decision_majority', a.present] : ['art11.p3.decision_majority', total(b)];
  return (peek ? b.peekThreshold(ruleId, base, a.votesFor) : b.threshold(ruleId, base, a.votesFor)).met;
}

/** The legal day of a recorded instant (as written with its offset, else in legal time). */
const legalDay = (at: string): string => (/[+-]\d\d:\d\d$/.test(at) ? at.slice(0, 10) : legalDateOf(Date.parse(at)));

export const maslikhatEarlyTerminationDefinition = definitionOf(maslikhatEarlyTerminationSpec);

export async function maslikhatEarlyTermination(raw: MaslikhatEarlyTerminationInput): Promise<ProcedureState> {
  return runProcedure(maslikhatEarlyTerminationSpec, raw);
}
