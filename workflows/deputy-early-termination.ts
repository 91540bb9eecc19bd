// Early termination of a deputy's powers: Law 148, Art. 20(3)-(4) and 41(3)-(4) (catalogue P-10).
// The ground and its evidence (20(3), ten grounds), the territorial election commission's
// submission, the session vote by a majority of those present (20(4)), and the mandate closed in
// the deputies register. The law sets no deadline here: nothing is timed. Para 4-1 (in force
// from 01.01.2019) is not in the source: shown as unknown, never applied.
import { z } from 'zod';
import { rule as ruleOf, type RuleId } from '../statute/rules.js';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book } from './engine/book.js';
import { ActBase, LegalDate, StartBase, type ProcedureState } from './procedure.js';
import { checkSessionCounts, dateOfAt, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, unitAndMaslikhat } from './lib/maslikhat.js';
import { Ground, GROUND_RULE, longestRun, mandateEnd, sittingsProblems, unknownNorms, wordingOf, type GroundName } from './lib/deputy-grounds.js';

export const DeputyEarlyTerminationInput = StartBase.extend({
  maslikhatId: z.string().min(1).max(128),
  maslikhatName: z.string().min(1).max(300),
  /** the deputy: the register's mandate id */
  deputy: z.strictObject({ id: z.string().min(1).max(128), fullName: z.string().min(1).max(300) }),
  /** 20(3): the ground and its evidence */
  ground: Ground,
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, onlyInSimulations);
export type DeputyEarlyTerminationInput = z.input<typeof DeputyEarlyTerminationInput>;
type Input = z.output<typeof DeputyEarlyTerminationInput>;

export const CommissionSubmission = ActBase.extend({
  commission: z.string().min(1).max(300),
  document: z.strictObject({ number: z.string().min(1).max(100), date: LegalDate }),
});
export const SessionDecision = ActBase.extend({
  session: z.strictObject({ number: z.string().min(1).max(100), kind: z.enum(['regular', 'extraordinary']) }),
  present: z.number().int().min(0).max(9999),
  votesFor: z.number().int().min(0).max(9999),
});
export const CloseProcedure = ActBase.extend({ reason: z.string().min(1).max(2000) });

export type DeputyTerminationStage =
  | 'ground_recorded' // 20(3): a ground and its evidence; awaiting the commission's submission
  | 'submitted' // 20(4): "по представлению ... избирательной комиссии": awaiting the session
  | 'closed';

export interface DeputyTerminationFacts {
  maslikhatId: string;
  deputy: { id: string; fullName: string };
  ground: GroundName;
  groundRule: string;
  roster: RosterShown;
  /** ground 9: the run of absences counted from the attendance register */
  absences: { longestRun: number; required: number; sittings: string[]; met: boolean } | null;
  submission: { commission: string; number: string; date: string } | null;
  decision: { date: string; present: number; votesFor: number; terminated: boolean } | null;
  /** the mandate in the register: the first day without it, and what the register did */
  register: { termEnd: string; source: 'register' | 'input'; ended: string[]; already: string[]; endedBefore: { id: string; termEnd: string }[] } | null;
  /** norms in force whose text the source lacks (20(4-1)) */
  unknownNorms: { rule: string; from: string; text: null }[];
}

type B = Book<DeputyTerminationFacts, DeputyTerminationStage>;
const { act } = kit<DeputyTerminationFacts, DeputyTerminationStage, Input>();
const total = (b: B) => totalDeputies(b, b.facts.roster);

export const deputyEarlyTerminationSpec = defineProcedure<DeputyTerminationFacts, DeputyTerminationStage, Input>({
  kind: 'deputy_early_termination',
  workflowType: 'deputyEarlyTermination',
  procedure: 'P-10',
  title: { en: "Early termination of a deputy's powers", ru: 'Досрочное прекращение полномочий депутата маслихата', kk: 'Мәслихат депутатының өкілеттігін мерзімінен бұрын тоқтату' },
  input: DeputyEarlyTerminationInput,
  // one open procedure per mandate
  workflowId: (i) => `deputy_early_termination:${i.deputy.id}`,
  registered: (i) => [...unitAndMaslikhat(i), ...(i.roster ? [] : [{ field: 'deputy.id', register: 'deputies' as const, id: i.deputy.id, of: { field: 'maslikhatId', id: i.maslikhatId } }])],
  initial: 'ground_recorded',
  stages: ['ground_recorded', 'submitted', 'closed'],
  interpretations: ['total_deputies.base', 'register.mandate_end_day'],

  async start(b, input, io) {
    const g = input.ground;
    const today = b.today();
    const roster = await rosterFor(io, input.maslikhatId, today, input.roster);
    if (!roster.deputies.some((d) => d.id === input.deputy.id)) {
      b.refuse({ code: 'not_a_deputy', field: 'deputy.id', params: { value: input.deputy.id } }, `deputy.id: ${input.deputy.id} holds no mandate of ${input.maslikhatId} on ${today}`);
    }
    const groundRule = GROUND_RULE[g.ground];
    let absences: DeputyTerminationFacts['absences'] = null;
    // 20(3)(6): "за совершение преступления либо умышленного уголовного проступка": not a careless one
    if (g.ground === 'conviction' && g.offence === 'careless_criminal_misdemeanour') {
      b.refuse({ code: 'not_a_ground', field: 'ground.offence', rule: groundRule, citation: b.cite(groundRule), params: { value: g.offence } }, 'ground.offence: a conviction for a careless criminal misdemeanour is not a ground (Art. 20(3)(6))');
    }
    // 20(3)(10): only the audit commission "области, города республиканского значения, столицы"
    if (g.ground === 'audit_commission' && g.level === 'other') {
      b.refuse({ code: 'not_a_ground', field: 'ground.level', rule: groundRule, citation: b.cite(groundRule), params: { value: g.level } }, 'ground.level: only the audit commission of a region, a city of republican significance or the capital (Art. 20(3)(10))');
    }
    if (g.ground === 'non_performance') {
      const bad = sittingsProblems(g.sittings, today);
      if (bad) b.refuse({ code: 'invalid_register_row', field: bad.field, params: { value: bad.value } }, `${bad.field}: ${bad.message}`);
      // 20(3)(9): "отсутствия более трех раз подряд без уважительных причин"
      const cap = ruleOf(b.edition, 'art20.p3.absences_in_a_row', 'cap');
      const run = longestRun(g.sittings, input.deputy.id, {
        excused: b.use('art20.p3.excused_absence') as 'breaks_run' | 'neutral',
        sequence: b.use('art20.p3.sittings_sequence') as 'all_sittings' | 'each_body',
        year: b.use('art20.p3.calendar_year') as 'runs_across_years' | 'within_calendar_year',
      });
      absences = { longestRun: run.length, required: cap.cap.limit, sittings: run.sittings, met: run.length >= cap.cap.limit };
      // "в том числе": absences are one form of systematic non-performance; another must be described
      if (!absences.met && !g.otherFailures) {
        b.refuse({ code: 'not_a_ground', field: 'ground.sittings', rule: cap.id, citation: cap.cite, params: { rule: cap.id, required: cap.cap.limit, actual: run.length } }, `ground.sittings: ${run.length} absences in a row without valid reason; the law requires more than three (Art. 20(3)(9)), or other failures described`);
      }
    }
    b.facts = { maslikhatId: input.maslikhatId, deputy: input.deputy, ground: g.ground, groundRule, roster: shown(roster), absences, submission: null, decision: null, register: null, unknownNorms: [] };
    b.record('ground', {
      type: 'termination_ground', at: new Date(b.now()).toISOString(), actor: input.startedBy,
      payload: { deputy: input.deputy, maslikhatId: input.maslikhatId, ground: g, absences, roster: b.facts.roster, interpretations: b.interpretations },
      citation: wordingOf(b, groundRule as RuleId, today),
    });
    return b.facts;
  },

  acts: {
    // ---- 20(4): "по представлению соответствующей территориальной избирательной комиссии" ----
    commissionSubmission: act({
      title: { en: "The territorial election commission's submission", ru: 'Представление территориальной избирательной комиссии', kk: 'Аумақтық сайлау комиссиясының ұсынуы' },
      input: CommissionSubmission, roles: ['commission', 'administrator'], stages: ['ground_recorded'],
      apply(b, a) {
        b.facts.submission = { commission: a.commission, number: a.document.number, date: a.document.date };
        b.setStage('submitted');
        b.record('submission', { type: 'commission_submission', at: a.at, actor: a.actor, payload: { commission: a.commission, document: a.document }, citation: b.cite('art20.p4.commission_submission') });
      },
    }),

    // ---- 20(4): the session decides by a majority of the deputies present ----------------------
    recordSessionDecision: act({
      title: { en: 'Record the session decision', ru: 'Зарегистрировать решение сессии', kk: 'Сессия шешімін тіркеу' },
      input: SessionDecision, roles: ['administrator'], stages: ['submitted'],
      outOfStage(b) {
        if (b.is('ground_recorded')) b.refuse({ code: 'no_submission', field: 'act', rule: 'art20.p4.commission_submission', citation: b.cite('art20.p4.commission_submission'), params: { act: 'recordSessionDecision' } }, 'the session decides on the submission of the territorial election commission (Art. 20(4)); none is recorded');
      },
      check(b, a) {
        checkSessionCounts(b, total(b), a.present, a.votesFor);
      },
      async load(b, a, input, io) {
        // "большинством голосов от общего числа присутствующих депутатов"
        if (!b.peekThreshold('art20.p4.decision_majority', a.present, a.votesFor).met) return null;
        const day = dateOfAt(a.at);
        const termEnd = mandateEnd(b, day);
        if (input.roster) return { termEnd, source: 'input' as const, ended: [], already: [], endedBefore: [] };
        const r = await io.endMandates({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, deputyIds: [input.deputy.id], decisionDate: day, termEnd, reason: `${b.procedureId}: Art. 20(3)(${b.cite(b.facts.groundRule as RuleId).subparagraph})` });
        return { termEnd, source: 'register' as const, ...r };
      },
      apply(b, a, input, loaded) {
        const day = dateOfAt(a.at);
        const majority = b.threshold('art20.p4.decision_majority', a.present, a.votesFor);
        b.facts.decision = { date: day, present: a.present, votesFor: a.votesFor, terminated: majority.met };
        b.facts.unknownNorms = unknownNorms(b, day);
        b.record('session_decision', {
          type: 'session_decision', at: a.at, actor: a.actor,
          payload: { session: a.session, present: a.present, votesFor: a.votesFor, terminated: majority.met, threshold: majority, totalDeputies: total(b), unknownNorms: b.facts.unknownNorms },
          citation: [...majority.citations, ...wordingOf(b, 'art20.p4.decision_majority', day).slice(1), ...b.facts.unknownNorms.map((u) => b.cite(u.rule as RuleId))],
        });
        if (!majority.met) {
          if (b.use('art20.p4.objective_ground_voted_down') === 'flag_for_review' && OBJECTIVE.includes(b.facts.ground)) {
            b.problems.push({ at: a.at, what: 'objective_ground_voted_down', message: `the session did not terminate the powers of ${input.deputy.fullName} on ground ${b.facts.ground}, a fact established elsewhere` });
          }
          b.setStage('closed', 'not_terminated');
          return;
        }
        b.facts.register = loaded!;
        b.setStage('closed', 'terminated');
        b.record('powers_ended', { type: 'deputy_powers_ended', at: a.at, actor: a.actor, payload: { deputy: input.deputy, maslikhatId: input.maslikhatId, register: loaded }, citation: [b.cite(b.facts.groundRule as RuleId), b.cite('art20.p4.decision_majority')] });
      },
    }),

    close: act({
      title: { en: 'Close without a decision', ru: 'Закрыть без решения', kk: 'Шешімсіз жабу' },
      input: CloseProcedure, roles: ['administrator'], stages: 'open',
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },
});

/** Grounds that are facts established by another body (a court, a registry office, citizenship). */
const OBJECTIVE: readonly GroundName[] = ['incapacity', 'maslikhat_terminated', 'death', 'citizenship', 'conviction'];

export const deputyEarlyTerminationDefinition = definitionOf(deputyEarlyTerminationSpec);

export async function deputyEarlyTermination(raw: DeputyEarlyTerminationInput): Promise<ProcedureState> {
  return runProcedure(deputyEarlyTerminationSpec, raw);
}
