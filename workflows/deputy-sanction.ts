// A sanction on a maslikhat deputy: Law 148, Art. 21(4)-(5) (catalogue P-09). Each act below is a
// sentence of the two paragraphs; its words sit next to the code. The majority, the norms and
// every citation come from the pinned edition (rules art21.*); the bar on a second sanction for
// the same misconduct is kept in PostgreSQL (activities/bars.ts), across procedures.
import { z } from 'zod';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book } from './engine/book.js';
import { ActBase, LegalDate, LegalTime, StartBase, type ProcedureState } from './procedure.js';
import { checkSessionCounts, dateOfAt, NoticeTarget, noticeTo, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, unitAndMaslikhat } from './lib/maslikhat.js';
import { ACT_TITLES, GROUND_TEXT, MEASURE_TEXT } from './deputy-sanction.texts.js';

// ---- input and acts ------------------------------------------------------------------------

const Id = z.string().min(1).max(128);
/** 21(4): the duties of 21(2)(1)-(4), or "нарушение правил депутатской этики, установленных регламентом маслихата" */
export const Ground = z.enum(['participation', 'voters', 'appeals', 'residence', 'ethics']);
/** 21(4): "1) порицание; 2) понуждение к принесению публичного извинения" */
export const Measure = z.enum(['censure', 'public_apology']);

export const DeputySanctionInput = StartBase.extend({
  maslikhatId: z.string().min(1),
  maslikhatName: z.string().min(1).max(300),
  deputy: z.strictObject({ id: Id, fullName: z.string().min(1).max(300) }),
  /** 21(5): "по представлению соответствующей территориальной избирательной комиссии" */
  submission: z.strictObject({ at: LegalTime, number: Id, commission: z.string().min(1).max(300), measure: Measure }),
  misconduct: z.strictObject({ ground: Ground, date: LegalDate, description: z.string().min(1).max(5000) }),
  /** 21(5): "в средствах массовой информации, распространяемых на соответствующей территории" */
  media: NoticeTarget,
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, onlyInSimulations);
export type DeputySanctionInput = z.input<typeof DeputySanctionInput>;
type Input = z.output<typeof DeputySanctionInput>;

export const RecordSessionDecision = ActBase.extend({
  session: z.strictObject({ number: Id }),
  measure: Measure,
  present: z.number().int().min(0).max(9999),
  votesFor: z.number().int().min(0).max(9999),
});
export const RecordPublication = ActBase.extend({ outlet: z.string().min(1).max(300), publishedOn: LegalDate, reference: z.string().min(1).max(500) });
export const Withdraw = ActBase.extend({ reason: z.string().min(1).max(2000) });

export type DeputySanctionStage =
  | 'submitted' // 21(5): the commission's submission awaits the session
  | 'imposed' // 21(5): "с публикацией информации об их наложении"
  | 'closed';

export interface DeputySanctionFacts {
  maslikhatId: string;
  roster: RosterShown;
  deputy: { id: string; fullName: string };
  matter: { key: string; keys: string[] };
  decision: { on: string; measure: z.output<typeof Measure>; present: number; votesFor: number; imposed: boolean } | null;
  publication: { outlet: string; publishedOn: string; reference: string } | null;
}

type B = Book<DeputySanctionFacts, DeputySanctionStage>;
const { act } = kit<DeputySanctionFacts, DeputySanctionStage, Input>();
const NO_REPEAT = 'art21.p5.no_repeat';
const MAJORITY = 'art21.p5.sanction_majority';

const normal = (s: string) => s.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
/** "за один и тот же проступок": the matter under each reading of art21.p5.same_misconduct */
function matterKeys(m: Input['misconduct']): Record<'same_ground_and_date' | 'recorded_description', string> {
  return { same_ground_and_date: `ground_date:${m.ground}|${m.date}`, recorded_description: `description:${normal(m.description)}` };
}

function refuseBarred(b: B, bar: { procedureId: string; matter: string; from: string }): never {
  return b.refuse({ code: 'already_sanctioned', field: 'misconduct', rule: NO_REPEAT, citation: b.cite(NO_REPEAT), date: bar.from, params: { procedureId: bar.procedureId, date: bar.from } },
    `misconduct: a sanction for the same misconduct was imposed on ${bar.from} (${bar.procedureId}); "Взыскания не могут быть наложены повторно за один и тот же проступок" (Art. 21(5))`);
}

// ---- the procedure ---------------------------------------------------------------------------

export const deputySanctionSpec = defineProcedure<DeputySanctionFacts, DeputySanctionStage, Input>({
  kind: 'deputy_sanction',
  workflowType: 'deputySanction',
  procedure: 'P-09',
  title: { en: 'Sanction on a maslikhat deputy', ru: 'Взыскание на депутата маслихата', kk: 'Мәслихат депутатына жаза қолдану' },
  input: DeputySanctionInput,
  // one procedure per submission of the commission
  workflowId: (i) => `deputy_sanction:${i.maslikhatId}:${i.submission.number}`,
  startRoles: ['commission', 'administrator'],
  registered: (i) => unitAndMaslikhat(i),
  initial: 'submitted',
  stages: ['submitted', 'imposed', 'closed'],
  interpretations: ['total_deputies.base', 'art21.p5.same_misconduct'],

  async start(b, input, io) {
    const s = input.submission;
    b.notFuture(s.at, 'submission.at');
    if (input.misconduct.date > dateOfAt(s.at)) b.refuse({ code: 'invalid_date', field: 'misconduct.date', params: { value: input.misconduct.date } }, `misconduct.date: ${input.misconduct.date} is after the submission (${dateOfAt(s.at)})`);
    const roster = await rosterFor(io, input.maslikhatId, dateOfAt(s.at), input.roster);
    if (!roster.deputies.some((d) => d.id === input.deputy.id)) b.refuse({ code: 'not_a_deputy', field: 'deputy.id', params: { value: input.deputy.id } }, `deputy.id: ${input.deputy.id} is not a deputy of ${input.maslikhatId} on ${dateOfAt(s.at)}`);
    const keys = matterKeys(input.misconduct);
    const key = keys[b.use('art21.p5.same_misconduct') as keyof typeof keys];
    // 21(5): "Взыскания не могут быть наложены повторно за один и тот же проступок": any earlier procedure
    const bar = await io.procedureBarCheck({ rule: NO_REPEAT, subject: input.deputy.id, matterKey: key, date: dateOfAt(s.at) });
    if (bar.barred) refuseBarred(b, bar);
    b.facts = { maslikhatId: input.maslikhatId, roster: shown(roster), deputy: input.deputy, matter: { key, keys: Object.values(keys) }, decision: null, publication: null };
    b.record('submission', {
      type: 'deputy_sanction_submitted', at: s.at, actor: input.startedBy,
      payload: { deputy: input.deputy, submission: s, misconduct: input.misconduct, matterKey: key, roster: { seats: roster.seats, deputies: roster.deputies.length, source: roster.source }, interpretations: b.interpretations },
      citation: [b.cite('art21.p4.measures'), b.cite(MAJORITY), b.cite(NO_REPEAT)],
    });
    return b.facts;
  },

  acts: {
    // 21(5): "на сессии маслихата большинством голосов от общего числа присутствующих депутатов"
    recordSessionDecision: act({
      title: ACT_TITLES.recordSessionDecision, input: RecordSessionDecision, roles: ['administrator'], stages: ['submitted'],
      check(b, a) {
        checkSessionCounts(b, totalDeputies(b, b.facts.roster), a.present, a.votesFor);
      },
      // the bar goes to PostgreSQL here, before apply, asked again (another procedure may have imposed one since the start)
      async load(b, a, input, io) {
        if (!b.peekThreshold(MAJORITY, a.present, a.votesFor).met) return { barred: false as const };
        const bar = await io.procedureBarCheck({ rule: NO_REPEAT, subject: input.deputy.id, matterKey: b.facts.matter.key, date: dateOfAt(a.at) });
        if (bar.barred) return bar;
        await io.recordProcedureBar({ procedureId: b.procedureId, runKey: input.submission.number, rule: NO_REPEAT, subject: input.deputy.id, matter: input.misconduct.description, matterKeys: b.facts.matter.keys, from: dateOfAt(a.at), until: null, citation: b.cite(NO_REPEAT) });
        return bar;
      },
      apply(b, a, input, bar) {
        if (bar.barred) refuseBarred(b, bar);
        const majority = b.threshold(MAJORITY, a.present, a.votesFor);
        b.threshold('art11.p3.quorum', totalDeputies(b, b.facts.roster), a.present);
        b.facts.decision = { on: dateOfAt(a.at), measure: a.measure, present: a.present, votesFor: a.votesFor, imposed: majority.met };
        b.record('decision', { type: majority.met ? 'deputy_sanction_imposed' : 'deputy_sanction_not_imposed', at: a.at, actor: a.actor, payload: { session: a.session, ...b.facts.decision, threshold: majority }, citation: [...majority.citations, b.cite('art21.p4.measures')] });
        if (!majority.met) {
          b.setStage('closed', 'not_imposed');
          return;
        }
        b.setStage('imposed');
        // "с публикацией информации об их наложении в средствах массовой информации, распространяемых на соответствующей территории"
        b.notify('publication/media', noticeTo(input.media, 'deputy_sanction_imposed', b.cite('art21.p5.publication'), a.at, {
          maslikhat: input.maslikhatName, deputy: input.deputy.fullName, sessionDate: dateOfAt(a.at), measure: MEASURE_TEXT[a.measure], misconduct: GROUND_TEXT[input.misconduct.ground],
        }));
      },
    }),

    // 21(5): the publication done
    recordPublication: act({
      title: ACT_TITLES.recordPublication, input: RecordPublication, roles: ['administrator'], stages: ['imposed'],
      check(b, a) {
        if (a.publishedOn < b.facts.decision!.on) b.refuse({ code: 'invalid_date', field: 'publishedOn', params: { value: a.publishedOn } }, `publishedOn: ${a.publishedOn} is before the decision (${b.facts.decision!.on})`);
      },
      apply(b, a) {
        b.facts.publication = { outlet: a.outlet, publishedOn: a.publishedOn, reference: a.reference };
        b.setStage('closed', 'sanctioned');
        b.record('publication', { type: 'deputy_sanction_published', at: a.at, actor: a.actor, payload: { ...b.facts.publication }, citation: b.cite('art21.p5.publication') });
      },
    }),

    withdraw: act({
      title: ACT_TITLES.withdraw, input: Withdraw, roles: ['commission', 'administrator'], stages: ['submitted'],
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },
});

export const deputySanctionDefinition = definitionOf(deputySanctionSpec);

export async function deputySanction(raw: DeputySanctionInput): Promise<ProcedureState> {
  return runProcedure(deputySanctionSpec, raw);
}
