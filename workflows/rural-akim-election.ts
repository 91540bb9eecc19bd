// P-19: election of the akim of a city of district significance, village, settlement or rural
// district (Art. 36(1), 36-1; catalogue P-19). One open procedure per unit: it waits for the call,
// runs the election calendar of the edition (statute/election-calendar.ts), the electors' sitting,
// repeat elections, registration and the special check, then continues as new for the next term
// with the next call deadline armed (36(1): "сроком на четыре года").
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import type { DatedPeriod } from '../statute/deadlines.js';
import { periodOf } from '../statute/deadlines.js';
import {
  electionStrategy,
  milestone,
  periodBefore,
  requireMinAge,
  type ElectionCalendar,
  type ElectionTrigger,
  type MilestoneId,
  type VoteDecision,
} from '../statute/election-calendar.js';
import { EDITIONS } from '../statute/editions/index.js';
import type { Titles } from '../statute/editions/types.js';
import { StatuteError } from '../statute/errors.js';
import { useOf } from '../statute/interpretations.js';
import { rule } from '../statute/rules.js';
import { evaluateThreshold } from '../statute/thresholds.js';
import { utcOffsetHours } from '../statute/time.js';
import type { Citation, InterpretationUse, IsoDate, ThresholdDerivation } from '../statute/types.js';
import type { TartipActivities } from '../worker/activities.js';
import { legalNow, msUntil, notify, parseOrRefuse, pinned, recordAct, refusal, registerProcedure, TIMER, useLegalClock } from './common.js';
import { ActBase, StartBase, type ActSummary, type OpenDeadline, type ProcedureDefinition, type ProcedureState } from './procedure.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from './search-attributes.js';

export const KIND = 'rural_akim_election';

// ── Input and acts ───────────────────────────────────────────────────────────────────────────

const Id = z.string().min(1).max(200);
const Ref = z.string().min(1).max(500);
const AddresseeSchema = z.strictObject({ name: z.string().min(1), role: z.string().min(1), address: z.string().min(1) });

export const RuralAkimElectionInput = StartBase.extend({
  /** the district (city of regional significance) maslikhat: its deputies are the electors (36-1(10)) */
  districtMaslikhatId: Id,
  trigger: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('term_end'), termEnd: z.iso.date() }),
    z.strictObject({ kind: z.literal('early_termination'), terminatedOn: z.iso.date() }),
  ]),
  /** where notices go; without it nothing is sent (what-if runs) */
  notices: z
    .strictObject({
      channel: z.enum(['email', 'webhook']),
      languages: z.array(z.enum(['kk', 'ru', 'en'])).min(1).default(['kk', 'ru']),
      /** the district (city) election commission */
      commission: AddresseeSchema,
      /** the district akim (the nominator) */
      districtAkim: AddresseeSchema.optional(),
    })
    .optional(),
  /** term number in this unit, carried by continue-as-new */
  cycle: z.number().int().min(1).default(1),
  /** the akim in office (a continued run) */
  incumbent: z.strictObject({ candidateId: Id, fullName: z.string().min(1), termStart: z.iso.date(), termEnd: z.iso.date() }).optional(),
});
export type RuralAkimElectionInput = z.input<typeof RuralAkimElectionInput>;

const CallAct = ActBase.extend({ decisionNumber: Ref, electionDay: z.iso.date() });
const NominateAct = ActBase.extend({
  candidate: z.strictObject({ id: Id, fullName: z.string().min(1).max(300), dateOfBirth: z.iso.date() }),
  /** 36-1(3): the district akim's submission and the candidate's consent */
  submissionRef: Ref,
  consentRef: Ref,
  /** 36(1): "согласованных с собранием местного сообщества" */
  sobranieAgreement: z.strictObject({ date: z.iso.date(), protocolRef: Ref }),
  /** 36-1(3): the day the revenue body received the declarations (starts the 7-day check) */
  declarationsReceivedOn: z.iso.date().optional(),
});
/** 36-1(4): the five documents, each by reference */
const Documents = z.strictObject({ submission: Ref, consent: Ref, biography: Ref, idCopy: Ref, taxCertificate: Ref });
/** documents are checked against 36-1(4) by the act (refusal `missing_documents` names the missing one) */
const RegisterAct = ActBase.extend({ candidateId: Id, decisionNumber: Ref, documents: Documents.partial() });
/** 36-1(5)(3) grounds */
const Ground = z.enum([
  'nomination_rules_violated', 'official_position_used', 'early_campaigning', 'bribery_established_by_court',
  'declaration_unreliable', 'other_requirement_not_met',
]);
const RefuseAct = ActBase.extend({ candidateId: Id, decisionNumber: Ref, ground: Ground });
const ReinstateAct = ActBase.extend({ candidateId: Id, basis: Ref });
const WithdrawAct = ActBase.extend({ candidateId: Id, by: z.enum(['candidate', 'district_akim']) });
const ExtendAct = ActBase.extend({ decisionNumber: Ref, until: z.iso.date() });
const PublishAct = ActBase.extend({ medium: Ref });
const SittingAct = ActBase.extend({
  protocolRef: Ref,
  /** electors present (deputies of the district maslikhat) */
  present: z.number().int().min(0),
  /** electors who took part in the vote (36-1(2)) */
  participated: z.number().int().min(0),
  tallies: z.array(z.strictObject({ candidateId: Id, votes: z.number().int().min(0) })).max(100),
});
const VoidAct = ActBase.extend({ decisionNumber: Ref, by: z.enum(['district_commission', 'regional_commission']), ground: Ref });
const RepeatAct = ActBase.extend({ decisionNumber: Ref, electionDay: z.iso.date() });
const WinnerAct = ActBase.extend({ decisionNumber: Ref });
const FundReportAct = ActBase.extend({ candidateId: Id });
const CheckAct = ActBase.extend({ result: z.enum(['positive', 'negative']), reference: Ref });

const ACTS = {
  callElection: CallAct,
  nominateCandidate: NominateAct,
  registerCandidate: RegisterAct,
  refuseRegistration: RefuseAct,
  cancelRegistration: RefuseAct,
  reinstateCandidate: ReinstateAct,
  withdrawCandidate: WithdrawAct,
  extendRegistration: ExtendAct,
  publishRegistered: PublishAct,
  recordSitting: SittingAct,
  declareVoid: VoidAct,
  callRepeatElection: RepeatAct,
  registerWinner: WinnerAct,
  submitFundReport: FundReportAct,
  recordSpecialCheck: CheckAct,
} as const;
export type RuralAkimAct = keyof typeof ACTS;

// ── State ────────────────────────────────────────────────────────────────────────────────────

export type Stage =
  | 'awaiting_call' | 'call_overdue' | 'called' | 'nomination' | 'registration' | 'registration_shortfall'
  | 'registration_extended' | 'campaign' | 'silence' | 'voting' | 'revote' | 'registering_winner'
  | 'acting' | 'in_office' | 'repeat_pending' | 'special_check_negative';

export type CandidateStatus = 'nominated' | 'registered' | 'refused' | 'cancelled' | 'withdrawn';

export interface Candidate {
  id: string;
  fullName: string;
  dateOfBirth: IsoDate;
  ageOnElectionDay: number;
  status: CandidateStatus;
  submissionRef: string;
  consentRef: string;
  sobranieAgreement: { date: IsoDate; protocolRef: string };
  declarationCheck?: DatedPeriod;
  /** 36-1(5): the three-day appeal window after a refusal or cancellation */
  appealWindow?: DatedPeriod;
  withdrawnBy?: 'candidate' | 'district_akim';
}

export interface Sitting {
  round: number;
  vote: 'first' | 'revote';
  at: string;
  protocolRef: string;
  present: number;
  participated: number;
  tallies: { candidateId: string; votes: number }[];
  quorum: ThresholdDerivation;
  decision: VoteDecision | null;
}

export interface RuralAkimFacts {
  cycle: number;
  strategy: string;
  districtMaslikhatId: string;
  trigger: ElectionTrigger;
  /** the call deadline (term end) or the last day to hold the election (early termination) */
  triggerDeadline: DatedPeriod;
  incumbent: RuralAkimElectionInput['incumbent'] | null;
  round: number;
  call: { decisionNumber: string; at: string; electionDay: IsoDate; late: boolean } | null;
  /** the whole calendar of the current round, shown the moment the election is called */
  calendar: ElectionCalendar | null;
  originalElectionDay: IsoDate | null;
  extension: { decisionNumber: string; until: IsoDate } | null;
  candidates: Candidate[];
  publishedRegistered: string | null;
  electors: { maslikhatId: string; date: IsoDate; seats: number; deputies: number; digest: string } | null;
  sittings: Sitting[];
  voided: { decisionNumber: string; by: string; ground: string; at: string } | null;
  winner: { candidateId: string; fullName: string; votes: number } | null;
  winnerRegistered: { decisionNumber: string; at: string; late: boolean } | null;
  specialCheck: { result: 'positive' | 'negative'; reference: string; at: string } | null;
  /** the new term and the next election's call deadline, once the winner takes office */
  term: DatedPeriod | null;
  nextCallDeadline: DatedPeriod | null;
  fundReports: Record<string, string>;
  overdue: string[];
  rounds: { round: number; electionDay: IsoDate; result: string }[];
}

export type RuralAkimState = ProcedureState<RuralAkimFacts>;

export const stateQuery = defineQuery<RuralAkimState>('state');
export interface ActAck {
  seq: number;
  stage: Stage;
}
type ActUpdate = UpdateDefinition<ActAck, [unknown], string>;
/** One Update per act; the name is the act name. */
export const updates = Object.fromEntries(
  Object.keys(ACTS).map((name) => [name, defineUpdate<ActAck, [unknown]>(name)]),
) as Record<RuralAkimAct, ActUpdate>;

const registers = proxyActivities<TartipActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['RecordsInputError'] },
});

/** What each milestone's timer does (state.deadlines[].onExpiry). */
const ON_EXPIRY: Record<MilestoneId, string> = {
  nomination_opens: 'open_nomination',
  nomination_closes: 'close_nomination',
  registration_ends: 'close_registration_check_candidates',
  publish_registered: 'overdue_notice',
  campaign_starts: 'start_campaign',
  campaign_ends: 'end_campaign',
  candidate_withdrawal_deadline: 'refuse_withdrawals',
  submission_withdrawal_deadline: 'refuse_withdrawals',
  freeze_starts: 'freeze_registrations',
  silence_starts: 'silence',
  election_day: 'list_electors_open_voting',
  election_day_ends: 'close_voting',
  register_winner: 'overdue_notice',
  fund_report: 'overdue_notice',
  repeat_election_deadline: 'overdue_notice',
};

function refuse(code: string, field: string, message: string, extra: { rule?: string; citation?: Citation; date?: IsoDate; params?: Record<string, string | number> } = {}): never {
  throw new StatuteError({ code, field, ...extra }, message);
}

/** The legal date (Kazakhstan time, statute/time.ts) of an instant. */
export function legalDateOf(instant: string): IsoDate {
  const ms = Date.parse(instant);
  let day = Math.floor((ms + 5 * 3_600_000) / 86_400_000);
  const h = utcOffsetHours(day);
  if (h !== 5) day = Math.floor((ms + h * 3_600_000) / 86_400_000);
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// ── The workflow ─────────────────────────────────────────────────────────────────────────────

export async function ruralAkimElection(raw: RuralAkimElectionInput): Promise<RuralAkimState> {
  const input = parseOrRefuse(RuralAkimElectionInput, raw, 'ruralAkimElection input');
  useLegalClock(input.simulation);
  const { edition, calendar } = pinned(input.editionId, input.calendarRef);
  const recorded: InterpretationUse[] = input.interpretations;
  const P = `c${input.cycle}`;
  let strategy: ReturnType<typeof electionStrategy>;
  let triggerDl: DatedPeriod;
  const used = new Map<string, InterpretationUse>();
  const use = (id: string): InterpretationUse => {
    const u = useOf(id, recorded);
    used.set(id, u);
    return u;
  };
  try {
    strategy = electionStrategy(edition, EDITIONS);
    for (const u of recorded) useOf(u.id, recorded);
    triggerDl = strategy.triggerDeadline(edition, input.trigger, calendar, recorded);
  } catch (e) {
    return refusal(e);
  }
  for (const u of triggerDl.interpretations) used.set(u.id, u);

  let stage: Stage = 'awaiting_call';
  let outcome: string | null = null;
  const acts: ActSummary[] = [];
  const thresholds: ThresholdDerivation[] = [];
  const extraDeadlines = new Map<string, OpenDeadline>();
  const facts: RuralAkimFacts = {
    cycle: input.cycle, strategy: strategy.id, districtMaslikhatId: input.districtMaslikhatId, trigger: input.trigger,
    triggerDeadline: triggerDl, incumbent: input.incumbent ?? null, round: 0, call: null, calendar: null,
    originalElectionDay: null, extension: null, candidates: [], publishedRegistered: null, electors: null, sittings: [],
    voided: null, winner: null, winnerRegistered: null, specialCheck: null, term: null, nextCallDeadline: null,
    fundReports: {}, overdue: [], rounds: [],
  };
  let seq = 0;
  let repeatCalled = false;
  let roundDecided = false;

  const cal = (): ElectionCalendar => facts.calendar!;
  const ms = (id: MilestoneId) => milestone(cal(), id);
  const nowIso = () => new Date(legalNow()).toISOString();

  function openDeadlines(): OpenDeadline[] {
    const now = legalNow();
    const out: OpenDeadline[] = [];
    if (facts.calendar && !['acting', 'in_office', 'special_check_negative'].includes(stage)) {
      for (const m of facts.calendar.milestones) {
        if (Date.parse(m.instant) <= now) continue;
        if (m.conditional && stage !== 'repeat_pending') continue;
        out.push({ rule: m.rule, period: m.period, onExpiry: ON_EXPIRY[m.id] });
      }
    }
    for (const d of extraDeadlines.values()) if (Date.parse(d.period.instant) > now) out.push(d);
    return out.sort((a, b) => Date.parse(a.period.instant) - Date.parse(b.period.instant));
  }

  function state(): RuralAkimState {
    const interps = new Map(used);
    for (const u of recorded) if (!interps.has(u.id)) interps.set(u.id, u);
    if (facts.calendar) for (const u of facts.calendar.interpretations) if (!interps.has(u.id)) interps.set(u.id, u);
    return {
      kind: KIND, procedure: 'P-19', stage, outcome, editionId: edition.id, calendarRef: calendar.ref,
      deadlines: openDeadlines(), thresholds: [...thresholds], interpretations: [...interps.values()], acts: [...acts], facts,
    };
  }
  setHandler(stateQuery, state);

  function setStage(s: Stage): void {
    stage = s;
    const next = openDeadlines()[0];
    upsertSearchAttributes([
      { key: STAGE, value: stage },
      ...(next ? [{ key: NEXT_DEADLINE, value: new Date(next.period.instant) }] : []),
    ] as never);
  }

  async function notice(step: string, templateId: string, basis: Citation, deadline: string, params: Record<string, string | number | Partial<Titles>>, to: 'commission' | 'districtAkim' = 'commission') {
    const n = input.notices;
    const addressee = n && (to === 'districtAkim' ? (n.districtAkim ?? n.commission) : n.commission);
    if (!n || !addressee) return;
    await notify(`${P}/${step}`, { addressee, channel: n.channel, languages: n.languages, basis, deadline, templateId, params: { unit: input.unit, ...params } as never });
  }

  const unitTitle = (t: Titles) => ({ kk: t.kk, ru: t.ru, en: t.en });

  /** Watches a deadline: if `done` is not true when it passes, records the overdue and notifies. */
  function watch(key: string, p: DatedPeriod, onExpiry: string, done: () => boolean, what: Titles): void {
    extraDeadlines.set(key, { rule: p.rule, period: p, onExpiry });
    void (async () => {
      const ok = await condition(done, msUntil(p.instant));
      extraDeadlines.delete(key);
      if (ok || onExpiry !== 'overdue_notice') return;
      facts.overdue.push(key);
      await recordAct(`${P}/overdue/${key}`, { type: 'timer_expiry', at: p.instant, actor: TIMER, payload: { deadline: key, rule: p.rule, date: p.date, stage }, citation: p.citations, editionId: edition.id });
      await notice(`overdue/${key}`, 'rural_akim_deadline_passed', p.citations[0]!, p.instant, { what: unitTitle(what), date: p.date, rule: p.rule });
    })();
  }

  // ── acts (Updates): validator refuses before anything changes; handler records ──
  type Checked<K extends RuralAkimAct> = z.output<(typeof ACTS)[K]>;
  function act<K extends RuralAkimAct>(name: K, check: (a: Checked<K>) => void, run: (a: Checked<K>, step: string) => Promise<void>): void {
    const schema = ACTS[name];
    const validate = (rawAct: unknown): Checked<K> => {
      const a = parseOrRefuse(schema, rawAct, name) as Checked<K>;
      try {
        if (Date.parse(a.at) > legalNow() + 60_000) refuse('act_in_future', 'at', `at: ${a.at} is later than the present legal time`);
        check(a);
      } catch (e) {
        refusal(e);
      }
      return a;
    };
    const def: ActUpdate = updates[name];
    setHandler(
      def,
      async (rawAct: unknown) => {
        const a = validate(rawAct);
        seq += 1;
        const n = seq;
        acts.push({ seq: n, act: name, at: a.at, actor: a.actor });
        await run(a, `${P}/act${n}-${name}`);
        return { seq: n, stage };
      },
      { validator: (rawAct: unknown) => void validate(rawAct) },
    );
  }

  const candidate = (id: string, field = 'candidateId'): Candidate => {
    const c = facts.candidates.find((x) => x.id === id);
    if (!c) refuse('unknown_candidate', field, `${field}: no candidate ${id} in this election`, { params: { candidateId: id } });
    return c;
  };
  const inStage = (allowed: readonly Stage[], what: string) => {
    if (!allowed.includes(stage)) refuse('wrong_stage', 'act', `${what} is not possible at stage ${stage}`, { params: { stage, allowed: allowed.join(', ') } });
  };
  const notBefore = (at: string, id: MilestoneId, field = 'at') => {
    const m = ms(id);
    if (Date.parse(at) < Date.parse(m.instant)) refuse('too_early', field, `${field}: allowed from ${m.date} (${m.rule})`, { rule: m.rule, citation: m.period.citations[0]!, date: m.date });
  };
  const notAfter = (at: string, id: MilestoneId, field = 'at') => {
    const m = ms(id);
    if (Date.parse(at) >= Date.parse(m.instant)) refuse('too_late', field, `${field}: the period ended on ${m.date} (${m.rule})`, { rule: m.rule, citation: m.period.citations[0]!, date: m.date });
  };
  const beforeFreeze = (at: string) => {
    const m = ms('freeze_starts');
    if (Date.parse(at) >= Date.parse(m.instant)) refuse('registration_frozen', 'at', `at: no cancellation or reinstatement of a registration from ${m.date} (${m.rule})`, { rule: m.rule, citation: m.period.citations[0]!, date: m.date });
  };
  const registered = () => facts.candidates.filter((c) => c.status === 'registered');
  const ROUND_OPEN: readonly Stage[] = ['called', 'nomination', 'registration', 'registration_shortfall', 'registration_extended', 'campaign', 'silence'];

  function applyCall(electionDay: IsoDate, at: string, trig: Parameters<typeof strategy.checkElectionDay>[1]['trigger'], extendedTo?: IsoDate) {
    const check = strategy.checkElectionDay(edition, { trigger: trig, callDate: legalDateOf(at), electionDay, fullCalendar: trig.kind !== 'repeat' || use('art36_1.p10.repeat_calendar').chosen === 'full_calendar' }, calendar, recorded);
    const c = strategy.calendar(edition, { electionDay, originalElectionDay: facts.originalElectionDay ?? electionDay, electionDayRule: check.electionDayRule, recorded, ...(extendedTo ? { registrationExtendedTo: extendedTo } : {}) }, calendar);
    return { check, c };
  }

  act('callElection', (a) => {
    inStage(['awaiting_call', 'call_overdue'], 'callElection');
    applyCall(a.electionDay, a.at, input.trigger);
  }, async (a, step) => {
    const { check, c } = applyCall(a.electionDay, a.at, input.trigger);
    for (const u of check.interpretations) used.set(u.id, u);
    const late = Date.parse(a.at) >= Date.parse(triggerDl.instant) && input.trigger.kind === 'term_end';
    facts.call = { decisionNumber: a.decisionNumber, at: a.at, electionDay: a.electionDay, late };
    facts.calendar = c;
    facts.originalElectionDay = a.electionDay;
    facts.round = 1;
    setStage('called');
    await recordAct(step, { type: 'rural_akim.election_called', at: a.at, actor: a.actor, payload: { decisionNumber: a.decisionNumber, electionDay: a.electionDay, late, calendar: c, check }, citation: [check.latest.citations[0]!, ...(input.trigger.kind === 'term_end' ? triggerDl.citations : [])], editionId: edition.id });
    await announce(step, 'regular');
  });

  async function announce(step: string, kind: 'regular' | 'repeat') {
    const c = cal();
    const lines = (lang: keyof Titles) => c.milestones.filter((m) => !m.conditional).map((m) => `${m.date} — ${m.title[lang]} [${m.rule}]`).join('\n');
    const kindText: Titles = kind === 'repeat'
      ? { kk: 'қайталама', ru: 'Повторные выборы', en: 'The repeat election' }
      : input.trigger.kind === 'early_termination'
        ? { kk: 'мерзімінен бұрын', ru: 'Досрочные выборы', en: 'The early election' }
        : { kk: 'кезекті', ru: 'Очередные выборы', en: 'The regular election' };
    // 36-1(3): "Сообщение о дне выборов доводится … через местные средства массовой информации"
    await notice(`${step}/announce`, 'rural_akim_election_called', rule(edition, 'art36_1.p3.nomination_opens').cite, ms('nomination_opens').instant, {
      kind: unitTitle(kindText), electionDay: c.electionDay, calendar: { kk: lines('kk'), ru: lines('ru'), en: lines('en') },
    });
  }

  act('nominateCandidate', (a) => {
    inStage(['nomination', 'registration', 'registration_shortfall', 'registration_extended'], 'nominateCandidate');
    notBefore(a.at, 'nomination_opens');
    notAfter(a.at, 'nomination_closes');
    if (facts.candidates.some((c) => c.id === a.candidate.id)) refuse('duplicate', 'candidate.id', `candidate.id: ${a.candidate.id} is already nominated`, { params: { field: 'candidate.id', value: a.candidate.id } });
    requireMinAge(edition, a.candidate.dateOfBirth, cal().electionDay);
    // 36-1(3): "Согласование кандидатур с собранием местного сообщества может проводиться с момента назначения выборов"
    const callDate = legalDateOf(facts.call!.at);
    if (a.sobranieAgreement.date < callDate || a.sobranieAgreement.date > legalDateOf(a.at)) {
      refuse('agreement_out_of_period', 'sobranieAgreement.date', `sobranieAgreement.date: the собрание agrees candidates from the call (${callDate}) until the nomination (36-1(3))`, { date: callDate });
    }
  }, async (a, step) => {
    const age = requireMinAge(edition, a.candidate.dateOfBirth, cal().electionDay);
    const c: Candidate = {
      id: a.candidate.id, fullName: a.candidate.fullName, dateOfBirth: a.candidate.dateOfBirth, ageOnElectionDay: age.age,
      status: 'nominated', submissionRef: a.submissionRef, consentRef: a.consentRef, sobranieAgreement: a.sobranieAgreement,
    };
    if (a.declarationsReceivedOn) {
      // 36-1(3): "проверяется органами государственных доходов в течение семи дней со дня получения деклараций"
      c.declarationCheck = periodOf(edition, 'art36_1.p3.declaration_check', a.declarationsReceivedOn, calendar, recorded);
      extraDeadlines.set(`declaration_check/${c.id}`, { rule: c.declarationCheck.rule, period: c.declarationCheck, onExpiry: 'check_overdue' });
    }
    facts.candidates.push(c);
    await recordAct(step, { type: 'rural_akim.candidate_nominated', at: a.at, actor: a.actor, payload: { candidate: c, minAge: age }, citation: [rule(edition, 'art36_1.p3.nomination_opens').cite, rule(edition, 'art36.p1.min_age').cite], editionId: edition.id });
  });

  act('registerCandidate', (a) => {
    inStage(['nomination', 'registration', 'registration_shortfall', 'registration_extended'], 'registerCandidate');
    notAfter(a.at, 'registration_ends');
    const c = candidate(a.candidateId);
    if (c.status !== 'nominated') refuse('wrong_status', 'candidateId', `candidateId: ${c.id} is ${c.status}, not nominated`, { params: { status: c.status } });
    // 36-1(4): "Регистрация кандидатов осуществляется при наличии следующих документов"
    const docs = Documents.safeParse(a.documents);
    const r = rule(edition, 'art36_1.p4.registration_documents', 'cap');
    if (!docs.success) {
      const missing = docs.error.issues.map((i) => `documents.${i.path.join('.')}`);
      refuse('missing_documents', missing[0] ?? 'documents', `${missing.join(', ')}: the ${r.cap.limit} documents of 36-1(4) are required`, { rule: r.id, citation: r.cite, params: { missing: missing.join(', '), required: r.cap.limit } });
    }
  }, async (a, step) => {
    const c = candidate(a.candidateId);
    c.status = 'registered';
    await recordAct(step, { type: 'rural_akim.candidate_registered', at: a.at, actor: a.actor, payload: { candidateId: c.id, decisionNumber: a.decisionNumber, documents: a.documents }, citation: [rule(edition, 'art36_1.p4.registration_documents').cite, ms('registration_ends').period.citations[0]!], editionId: edition.id });
  });

  for (const name of ['refuseRegistration', 'cancelRegistration'] as const) {
    act(name, (a) => {
      inStage(ROUND_OPEN, name);
      const c = candidate(a.candidateId);
      const want: CandidateStatus = name === 'refuseRegistration' ? 'nominated' : 'registered';
      if (c.status !== want) refuse('wrong_status', 'candidateId', `candidateId: ${c.id} is ${c.status}, not ${want}`, { params: { status: c.status } });
      if (name === 'cancelRegistration') beforeFreeze(a.at);
    }, async (a, step) => {
      const c = candidate(a.candidateId);
      c.status = name === 'refuseRegistration' ? 'refused' : 'cancelled';
      // 36-1(5): "могут быть в трехдневный срок обжалованы кандидатом"
      c.appealWindow = periodOf(edition, 'art36_1.p5.registration_appeal', legalDateOf(a.at), calendar, recorded);
      extraDeadlines.set(`appeal/${c.id}`, { rule: c.appealWindow.rule, period: c.appealWindow, onExpiry: 'appeal_window_closes' });
      await recordAct(step, { type: `rural_akim.registration_${name === 'refuseRegistration' ? 'refused' : 'cancelled'}`, at: a.at, actor: a.actor, payload: { candidateId: c.id, decisionNumber: a.decisionNumber, ground: a.ground, appealWindow: c.appealWindow }, citation: c.appealWindow.citations, editionId: edition.id });
      await notice(`${step}/candidate`, 'rural_akim_deadline_passed', c.appealWindow.citations[0]!, c.appealWindow.instant, { what: { kk: `Шағымдану мерзімі: ${c.fullName}`, ru: `Срок обжалования: ${c.fullName}`, en: `Appeal window: ${c.fullName}` }, date: c.appealWindow.date, rule: c.appealWindow.rule });
    });
  }

  act('reinstateCandidate', (a) => {
    inStage(ROUND_OPEN, 'reinstateCandidate');
    const c = candidate(a.candidateId);
    if (c.status !== 'refused' && c.status !== 'cancelled') refuse('wrong_status', 'candidateId', `candidateId: ${c.id} is ${c.status}; only a refused or cancelled candidate is reinstated`, { params: { status: c.status } });
    beforeFreeze(a.at);
  }, async (a, step) => {
    const c = candidate(a.candidateId);
    c.status = 'registered';
    extraDeadlines.delete(`appeal/${c.id}`);
    await recordAct(step, { type: 'rural_akim.candidate_reinstated', at: a.at, actor: a.actor, payload: { candidateId: c.id, basis: a.basis }, citation: ms('freeze_starts').period.citations, editionId: edition.id });
  });

  act('withdrawCandidate', (a) => {
    inStage(ROUND_OPEN, 'withdrawCandidate');
    const c = candidate(a.candidateId);
    if (c.status !== 'nominated' && c.status !== 'registered') refuse('wrong_status', 'candidateId', `candidateId: ${c.id} is ${c.status}`, { params: { status: c.status } });
    // 36-1(6) "Кандидат … за два дня до голосования может снять свою кандидатуру"; 36-1(3) the akim's recall
    notAfter(a.at, a.by === 'candidate' ? 'candidate_withdrawal_deadline' : 'submission_withdrawal_deadline');
  }, async (a, step) => {
    const c = candidate(a.candidateId);
    const m = ms(a.by === 'candidate' ? 'candidate_withdrawal_deadline' : 'submission_withdrawal_deadline');
    c.status = 'withdrawn';
    c.withdrawnBy = a.by;
    await recordAct(step, { type: 'rural_akim.candidate_withdrawn', at: a.at, actor: a.actor, payload: { candidateId: c.id, by: a.by, deadline: m.period }, citation: m.period.citations, editionId: edition.id });
    // "информирует о принятом решении акима района"
    await notice(`${step}/akim`, 'rural_akim_election_result', m.period.citations[0]!, m.instant, { summary: { kk: `${c.fullName} кандидатурасы алынып тасталды`, ru: `Кандидатура ${c.fullName} снята`, en: `${c.fullName} has withdrawn` }, electionDay: cal().electionDay }, 'districtAkim');
  });

  act('extendRegistration', (a) => {
    inStage(['registration_shortfall'], 'extendRegistration');
    strategy.calendar(edition, { electionDay: cal().electionDay, originalElectionDay: facts.originalElectionDay!, electionDayRule: ms('election_day').rule, recorded, registrationExtendedTo: a.until }, calendar);
    if (a.until < legalDateOf(a.at)) refuse('too_early', 'until', `until: ${a.until} is before the decision`, { date: legalDateOf(a.at) });
  }, async (a, step) => {
    facts.calendar = strategy.calendar(edition, { electionDay: cal().electionDay, originalElectionDay: facts.originalElectionDay!, electionDayRule: ms('election_day').rule, recorded, registrationExtendedTo: a.until }, calendar);
    facts.extension = { decisionNumber: a.decisionNumber, until: a.until };
    setStage('registration_extended');
    await recordAct(step, { type: 'rural_akim.registration_extended', at: a.at, actor: a.actor, payload: { decisionNumber: a.decisionNumber, until: a.until, calendar: facts.calendar }, citation: rule(edition, 'art36_1.p3.extension_max').cite, editionId: edition.id });
    await announce(step, 'regular');
  });

  act('publishRegistered', (a) => {
    inStage(['campaign', 'silence', 'voting'], 'publishRegistered');
    if (facts.publishedRegistered) refuse('duplicate', 'act', 'the registered candidates are already published', { params: { field: 'publishRegistered', value: facts.publishedRegistered } });
  }, async (a, step) => {
    facts.publishedRegistered = a.at;
    const m = ms('publish_registered');
    await recordAct(step, { type: 'rural_akim.registered_published', at: a.at, actor: a.actor, payload: { medium: a.medium, late: Date.parse(a.at) >= Date.parse(m.instant), candidates: registered().map((c) => ({ id: c.id, fullName: c.fullName, yearOfBirth: c.dateOfBirth.slice(0, 4) })) }, citation: m.period.citations, editionId: edition.id });
  });

  const sittingCandidates = (): string[] => {
    const last = facts.sittings.filter((s) => s.round === facts.round && s.decision?.result === 'tie').at(-1);
    if (stage === 'revote' && last && use('art36_1.p10.revote_candidates').chosen === 'tied_leaders') return last.decision!.leaders;
    return registered().map((c) => c.id);
  };

  act('recordSitting', (a) => {
    inStage(['voting', 'revote'], 'recordSitting');
    notBefore(a.at, 'election_day');
    // 36-1(10): "Повторное голосование проводится в день выборов"
    notAfter(a.at, 'election_day_ends');
    const holders = facts.electors!.deputies;
    if (a.present > holders) refuse('count_exceeds_base', 'present', `present: ${a.present} exceeds the ${holders} deputies holding a mandate`, { params: { field: 'present', actual: a.present, base: holders } });
    if (a.participated > a.present) refuse('count_exceeds_base', 'participated', `participated: ${a.participated} exceeds the ${a.present} present`, { params: { field: 'participated', actual: a.participated, base: a.present } });
    const want = sittingCandidates();
    const got = a.tallies.map((t) => t.candidateId);
    if (got.length !== want.length || want.some((id) => !got.includes(id))) {
      refuse('wrong_candidates', 'tallies', `tallies: one entry for each of ${want.join(', ')} expected`, { params: { expected: want.join(', '), actual: got.join(', ') } });
    }
    strategy.decideVote(edition, a.tallies, a.participated, recorded);
  }, async (a, step) => {
    const quorumRule = rule(edition, strategy.electorate.quorumRule, 'threshold');
    const base = use('total_deputies.base').chosen === 'mandates_held' ? facts.electors!.deputies : facts.electors!.seats;
    const quorum = evaluateThreshold(quorumRule, { baseValue: base, actual: Math.min(a.present, base), interpretations: recorded });
    thresholds.push(quorum);
    const vote: 'first' | 'revote' = stage === 'revote' ? 'revote' : 'first';
    const decision = quorum.met ? strategy.decideVote(edition, a.tallies, a.participated, recorded) : null;
    if (decision) for (const u of decision.interpretations) used.set(u.id, u);
    facts.sittings.push({ round: facts.round, vote, at: a.at, protocolRef: a.protocolRef, present: a.present, participated: a.participated, tallies: a.tallies, quorum, decision });
    if (decision?.result === 'elected') {
      const w = candidate(decision.winner!);
      facts.winner = { candidateId: w.id, fullName: w.fullName, votes: decision.topVotes };
      roundDecided = true;
    } else if (decision && vote === 'revote') {
      roundDecided = true; // "повторное голосование не позволило определить избранного кандидата"
    } else if (decision?.result === 'tie') {
      setStage('revote');
    }
    await recordAct(step, { type: 'vote_result', at: a.at, actor: a.actor, payload: { round: facts.round, vote, protocolRef: a.protocolRef, present: a.present, participated: a.participated, tallies: a.tallies, quorum, decision, electorsDigest: facts.electors!.digest }, citation: [...quorum.citations, ...(decision?.citations ?? [])], editionId: edition.id });
  });

  act('declareVoid', (a) => {
    inStage(['voting', 'revote', 'registering_winner'], 'declareVoid');
    if (facts.voided) refuse('duplicate', 'act', 'the election is already declared invalid', { params: { field: 'declareVoid', value: facts.voided.decisionNumber } });
  }, async (a, step) => {
    facts.voided = { decisionNumber: a.decisionNumber, by: a.by, ground: a.ground, at: a.at };
    roundDecided = true;
    await recordAct(step, { type: 'rural_akim.election_invalidated', at: a.at, actor: a.actor, payload: facts.voided, citation: rule(edition, 'art36_1.p10.repeat_election').cite, editionId: edition.id });
  });

  act('callRepeatElection', (a) => {
    inStage(['repeat_pending'], 'callRepeatElection');
    applyCall(a.electionDay, a.at, { kind: 'repeat', originalElectionDay: facts.originalElectionDay! });
  }, async (a, step) => {
    const { check, c } = applyCall(a.electionDay, a.at, { kind: 'repeat', originalElectionDay: facts.originalElectionDay! });
    facts.calendar = c;
    facts.round += 1;
    facts.call = { decisionNumber: a.decisionNumber, at: a.at, electionDay: a.electionDay, late: false };
    repeatCalled = true;
    await recordAct(step, { type: 'rural_akim.repeat_election_called', at: a.at, actor: a.actor, payload: { decisionNumber: a.decisionNumber, electionDay: a.electionDay, round: facts.round, calendar: c, check }, citation: check.latest.citations, editionId: edition.id });
  });

  act('registerWinner', (a) => {
    inStage(['registering_winner'], 'registerWinner');
  }, async (a, step) => {
    const m = ms('register_winner');
    const late = Date.parse(a.at) >= Date.parse(m.instant);
    facts.winnerRegistered = { decisionNumber: a.decisionNumber, at: a.at, late };
    await recordAct(step, { type: 'rural_akim.winner_registered', at: a.at, actor: a.actor, payload: { ...facts.winnerRegistered, winner: facts.winner }, citation: m.period.citations, editionId: edition.id });
  });

  act('submitFundReport', (a) => {
    inStage(['registering_winner', 'acting', 'in_office', 'repeat_pending'], 'submitFundReport');
    const c = candidate(a.candidateId);
    if (facts.fundReports[c.id]) refuse('duplicate', 'candidateId', `candidateId: ${c.id} has already reported`, { params: { field: 'candidateId', value: c.id } });
  }, async (a, step) => {
    facts.fundReports[a.candidateId] = a.at;
    const m = ms('fund_report');
    await recordAct(step, { type: 'rural_akim.fund_report', at: a.at, actor: a.actor, payload: { candidateId: a.candidateId, late: Date.parse(a.at) >= Date.parse(m.instant) }, citation: m.period.citations, editionId: edition.id });
  });

  act('recordSpecialCheck', (a) => {
    inStage(['acting'], 'recordSpecialCheck');
  }, async (a, step) => {
    facts.specialCheck = { result: a.result, reference: a.reference, at: a.at };
    await recordAct(step, { type: 'rural_akim.special_check', at: a.at, actor: a.actor, payload: facts.specialCheck, citation: rule(edition, 'art36_1.p11.register_winner').cite, editionId: edition.id });
  });

  // ── the procedure ──
  // the deadlines the trigger sets are shown from the first query on
  const termPeriod = input.incumbent ? periodOf(edition, 'art36.p1.term', input.incumbent.termStart, calendar, recorded) : null;
  if (input.trigger.kind === 'term_end') extraDeadlines.set('call_deadline', { rule: triggerDl.rule, period: triggerDl, onExpiry: 'call_overdue_notice' });
  else extraDeadlines.set('hold_by', { rule: triggerDl.rule, period: triggerDl, onExpiry: 'overdue_notice' });
  if (termPeriod) extraDeadlines.set('term_end', { rule: termPeriod.rule, period: termPeriod, onExpiry: 'record_term_end' });
  upsertSearchAttributes([
    { key: PROCEDURE, value: KIND },
    { key: UNIT, value: input.unit },
    { key: STAGE, value: stage },
    { key: NEXT_DEADLINE, value: new Date(triggerDl.instant) },
  ] as never);
  await registerProcedure({ procedureId: workflowInfo().workflowId, kind: KIND, editionId: edition.id, calendarId: calendar.ref, startedBy: input.startedBy.id, input });
  await recordAct(`${P}/start`, { type: 'procedure_started', at: nowIso(), actor: input.startedBy, payload: { cycle: input.cycle, trigger: input.trigger, triggerDeadline: triggerDl, incumbent: input.incumbent ?? null, strategy: strategy.id, interpretations: recorded }, citation: triggerDl.citations, editionId: edition.id });

  // Before the call: the call deadline (term end) or the three months (early termination); the term end itself.
  const termEndWatch = input.trigger.kind === 'term_end' ? input.trigger.termEnd : null;
  if (input.trigger.kind === 'term_end') {
    void (async () => {
      if (await condition(() => facts.call !== null, msUntil(triggerDl.instant))) return extraDeadlines.delete('call_deadline');
      extraDeadlines.delete('call_deadline');
      facts.overdue.push('call_deadline');
      setStage('call_overdue');
      await recordAct(`${P}/call_deadline_passed`, { type: 'timer_expiry', at: triggerDl.instant, actor: TIMER, payload: { deadline: 'call_deadline', date: triggerDl.date, termEnd: termEndWatch }, citation: triggerDl.citations, editionId: edition.id });
      await notice('call_deadline_passed', 'rural_akim_deadline_passed', triggerDl.citations[0]!, triggerDl.instant, { what: { kk: 'Сайлауды тағайындау мерзімі', ru: 'Срок назначения выборов', en: 'The deadline to call the election' }, date: triggerDl.date, rule: triggerDl.rule });
    })();
    if (termPeriod) {
      // 36(1): "сроком на четыре года" — the term of the akim in office runs out
      const t = termPeriod;
      void (async () => {
        await condition(() => false, msUntil(t.instant));
        extraDeadlines.delete('term_end');
        await recordAct(`${P}/term_ended`, { type: 'timer_expiry', at: t.instant, actor: TIMER, payload: { deadline: 'term_end', incumbent: input.incumbent, date: t.date }, citation: t.citations, editionId: edition.id });
      })();
    }
  } else {
    watch('hold_by', triggerDl, 'overdue_notice', () => facts.call !== null, { kk: 'Мерзімінен бұрын сайлау өткізу мерзімі', ru: 'Срок проведения досрочных выборов', en: 'The deadline to hold the early election' });
  }

  await condition(() => facts.call !== null);

  const untilMs = async (id: MilestoneId, interrupt: () => boolean = () => false) => condition(interrupt, msUntil(ms(id).instant));

  async function runRound(fresh: boolean): Promise<'elected' | 'failed' | 'not_held'> {
    roundDecided = false;
    facts.voided = null;
    facts.winner = null;
    facts.electors = null;
    setStage('called');
    const r = facts.round;
    watch(`r${r}/publish_registered`, ms('publish_registered').period, 'overdue_notice', () => facts.publishedRegistered !== null, ms('publish_registered').title);
    if (fresh) {
      await untilMs('nomination_opens');
      setStage('nomination');
      await untilMs('nomination_closes');
      setStage('registration');
      await untilMs('registration_ends');
      // 36-1(3): "на день окончания срока регистрации кандидатов зарегистрировано менее двух кандидатов"
      const min = rule(edition, 'art36_1.p3.min_candidates', 'cap');
      if (registered().length < min.cap.limit) {
        const regEnd = ms('registration_ends');
        const max = periodOf(edition, 'art36_1.p3.extension_max', regEnd.date, calendar, recorded);
        setStage('registration_shortfall');
        extraDeadlines.set(`r${r}/extension`, { rule: max.rule, period: max, onExpiry: 'election_not_held' });
        await recordAct(`${P}/r${r}/registration_shortfall`, { type: 'timer_expiry', at: regEnd.instant, actor: TIMER, payload: { registered: registered().map((c) => c.id), required: min.cap.limit, extensionUntil: max.rawEnd }, citation: [min.cite, max.citations[0]!], editionId: edition.id });
        await notice(`r${r}/registration_shortfall`, 'rural_akim_deadline_passed', min.cite, max.instant, { what: { kk: 'Тіркелген кандидаттар екеуден аз; ұсыну мен тіркеуді ұзарту туралы шешім қажет', ru: 'Зарегистрировано менее двух кандидатов; требуется решение о продлении выдвижения и регистрации', en: 'Fewer than two candidates registered; a decision to extend nomination and registration is needed' }, date: regEnd.date, rule: min.id });
        // the commission may extend "не более чем на десять дней" (art36_1.p3.extension_max); it decides by then
        await condition(() => facts.extension !== null, msUntil(max.instant));
        extraDeadlines.delete(`r${r}/extension`);
        if (facts.extension) {
          await untilMs('registration_ends');
        }
        if (registered().length < min.cap.limit) {
          const u = use('art36_1.p3.shortfall_after_extension');
          if (u.chosen === 'election_not_held' || registered().length === 0) {
            await recordAct(`${P}/r${r}/not_held`, { type: 'rural_akim.election_not_held', at: nowIso(), actor: TIMER, payload: { reason: 'fewer_than_two_candidates', registered: registered().map((c) => c.id), interpretation: u }, citation: min.cite, editionId: edition.id });
            return 'not_held';
          }
        }
      }
    }
    setStage('campaign');
    await untilMs('campaign_ends');
    setStage('silence');
    await untilMs('election_day');
    // 36-1(10): "Выборы акима проводятся на заседании выборщиков – депутатов маслихата соответствующего района"
    const roster = await registers.rosterAsOf({ maslikhatId: input.districtMaslikhatId, date: cal().electionDay });
    facts.electors = { maslikhatId: roster.maslikhatId, date: roster.date, seats: roster.seats, deputies: roster.deputies.length, digest: roster.digest };
    await recordAct(`${P}/r${r}/electors`, { type: 'rural_akim.electors_listed', at: ms('election_day').instant, actor: TIMER, payload: { ...facts.electors, electors: roster.deputies.map((d) => d.id) }, citation: rule(edition, strategy.electorate.quorumRule).cite, editionId: edition.id });
    setStage('voting');
    await untilMs('election_day_ends', () => roundDecided);
    if (facts.winner && !facts.voided) return 'elected';
    if (facts.voided || facts.sittings.some((s) => s.round === r && s.vote === 'revote' && s.decision)) return 'failed';
    await recordAct(`${P}/r${r}/not_held`, { type: 'rural_akim.election_not_held', at: ms('election_day_ends').instant, actor: TIMER, payload: { reason: 'no_valid_sitting', sittings: facts.sittings.filter((s) => s.round === r).length }, citation: ms('election_day_ends').period.citations, editionId: edition.id });
    return 'not_held';
  }

  let fresh = true;
  for (;;) {
    const result = await runRound(fresh);
    facts.rounds.push({ round: facts.round, electionDay: cal().electionDay, result });
    if (result === 'elected') {
      setStage('registering_winner');
      const w = facts.winner!;
      await notice(`r${facts.round}/elected`, 'rural_akim_election_result', ms('register_winner').period.citations[0]!, ms('register_winner').instant, { summary: { kk: `Әкім болып ${w.fullName} сайланды (${w.votes} дауыс)`, ru: `Избран акимом: ${w.fullName} (${w.votes} голосов)`, en: `Elected akim: ${w.fullName} (${w.votes} votes)` }, electionDay: cal().electionDay });
      watch(`r${facts.round}/register_winner`, ms('register_winner').period, 'overdue_notice', () => facts.winnerRegistered !== null || facts.voided !== null, ms('register_winner').title);
      await condition(() => facts.winnerRegistered !== null || facts.voided !== null);
      if (!facts.voided) break;
      facts.rounds.at(-1)!.result = 'void';
    }
    if (result === 'not_held' && use('art36_1.p10.election_not_held').chosen === 'new_call') {
      facts.call = null;
      facts.calendar = null;
      facts.originalElectionDay = null;
      facts.candidates = [];
      setStage('awaiting_call');
      await condition(() => facts.call !== null);
      fresh = true;
      continue;
    }
    // 36-1(10): "Повторные выборы проводятся не позднее чем в двухмесячный срок после первоначальных выборов"
    setStage('repeat_pending');
    const repeatBy = ms('repeat_election_deadline');
    watch(`r${facts.round}/repeat_election`, repeatBy.period, 'overdue_notice', () => repeatCalled, repeatBy.title);
    await notice(`r${facts.round}/repeat_pending`, 'rural_akim_election_result', repeatBy.period.citations[0]!, repeatBy.instant, { summary: facts.voided ? { kk: 'Сайлау жарамсыз деп танылды; қайталама сайлау қажет', ru: 'Выборы признаны недействительными; необходимы повторные выборы', en: 'The election was declared invalid; repeat elections are needed' } : { kk: 'Сайлау нәтиже бермеді; қайталама сайлау қажет', ru: 'Выборы не определили избранного кандидата; необходимы повторные выборы', en: 'The election produced no winner; repeat elections are needed' }, electionDay: cal().electionDay });
    repeatCalled = false;
    await condition(() => repeatCalled);
    fresh = use('art36_1.p10.repeat_calendar').chosen === 'full_calendar';
    if (fresh) facts.candidates = [];
    await announce(`r${facts.round}/repeat`, 'repeat');
  }

  // 36-1(11): "До дня получения результатов специальной проверки лицо временно исполняет обязанности акима"
  setStage('acting');
  const checkUse = use('art36_1.p11.special_check');
  await condition(() => facts.specialCheck !== null);
  if (facts.specialCheck!.result === 'negative') {
    await notice(`r${facts.round}/special_check_negative`, 'rural_akim_election_result', rule(edition, 'art36_1.p11.register_winner').cite, nowIso(), { summary: { kk: 'Арнайы тексерудің нәтижесі теріс', ru: 'Результат специальной проверки отрицательный', en: 'The special check is negative' }, electionDay: cal().electionDay });
    setStage('special_check_negative');
    outcome = checkUse.chosen === 'acting_until_result' ? 'special_check_negative' : 'special_check_negative_repeat_required';
    await condition(allHandlersFinished);
    return state();
  }

  // 36(1): "сроком на четыре года"; the start of the term is art36.p1.term_start
  const termStartUse = use('art36.p1.term_start');
  const termStart = termStartUse.chosen === 'election_day' ? cal().electionDay
    : termStartUse.chosen === 'winner_registered' ? legalDateOf(facts.winnerRegistered!.at) : legalDateOf(facts.specialCheck!.at);
  const term = periodOf(edition, 'art36.p1.term', termStart, calendar, recorded);
  const next = periodBefore(edition, 'art36_1.p10.call_deadline', term.date, calendar, recorded, 'ends');
  facts.term = term;
  facts.nextCallDeadline = next;
  setStage('in_office');
  const w = facts.winner!;
  await recordAct(`${P}/took_office`, { type: 'rural_akim.took_office', at: facts.specialCheck!.at, actor: TIMER, payload: { winner: w, termStart, term, nextCallDeadline: next, interpretation: termStartUse }, citation: [...term.citations, ...next.citations], editionId: edition.id });
  await notice(`took_office`, 'rural_akim_election_result', term.citations[0]!, next.instant, { summary: { kk: `${w.fullName} әкім қызметіне кірісті; өкілеттік мерзімі ${term.date} дейін; келесі сайлау ${next.date} кешіктірілмей тағайындалады`, ru: `${w.fullName} вступил(а) в должность акима; срок полномочий до ${term.date}; следующие выборы назначаются не позднее ${next.date}`, en: `${w.fullName} took office as akim; term until ${term.date}; the next election is to be called by ${next.date}` }, electionDay: cal().electionDay });
  // the candidates' fund reports are due within five days of the results: wait for them before the next term's run
  const fund = ms('fund_report');
  await condition(() => facts.candidates.filter((c) => c.status === 'registered').every((c) => facts.fundReports[c.id]), msUntil(fund.instant));
  await condition(allHandlersFinished);
  return continueAsNew<typeof ruralAkimElection>({
    ...input,
    cycle: input.cycle + 1,
    trigger: { kind: 'term_end', termEnd: term.date },
    incumbent: { candidateId: w.candidateId, fullName: w.fullName, termStart, termEnd: term.date },
    ...(input.simulation ? { simulation: { legalStart: nowIso() } } : {}),
  });
}

const ADMIN = ['administrator'] as const;
const EC = ['commission'] as const;
const BOTH = ['administrator', 'commission'] as const;

export const ruralAkimElectionDefinition: ProcedureDefinition = {
  kind: KIND,
  workflowType: 'ruralAkimElection',
  procedure: 'P-19',
  // the akimat opens it to watch the term; the district election commission calls the election (36-1(10))
  startRoles: ['administrator', 'commission'],
  title: {
    en: 'Election of a rural-level akim (Art. 36, 36-1)',
    ru: 'Выборы акима города районного значения, села, поселка, сельского округа (ст. 36, 36-1)',
    kk: 'Аудандық маңызы бар қала, ауыл, кент, ауылдық округ әкімін сайлау (36, 36-1-баптар)',
  },
  input: RuralAkimElectionInput,
  workflowId: (i) => `${KIND}:${(i as { unit: string }).unit}`,
  acts: {
    callElection: { input: CallAct, roles: EC, title: { en: 'Call the election', ru: 'Назначить выборы', kk: 'Сайлауды тағайындау' } },
    nominateCandidate: { input: NominateAct, roles: BOTH, title: { en: 'Nominate a candidate', ru: 'Выдвинуть кандидата', kk: 'Кандидатты ұсыну' } },
    registerCandidate: { input: RegisterAct, roles: EC, title: { en: 'Register a candidate', ru: 'Зарегистрировать кандидата', kk: 'Кандидатты тіркеу' } },
    refuseRegistration: { input: RefuseAct, roles: EC, title: { en: 'Refuse registration', ru: 'Отказать в регистрации', kk: 'Тіркеуден бас тарту' } },
    cancelRegistration: { input: RefuseAct, roles: EC, title: { en: 'Cancel a registration', ru: 'Отменить регистрацию', kk: 'Тіркеудің күшін жою' } },
    reinstateCandidate: { input: ReinstateAct, roles: EC, title: { en: 'Reinstate a candidate', ru: 'Восстановить кандидата', kk: 'Кандидатты қалпына келтіру' } },
    withdrawCandidate: { input: WithdrawAct, roles: BOTH, title: { en: 'Withdraw a candidate', ru: 'Снять кандидатуру', kk: 'Кандидатураны алып тастау' } },
    extendRegistration: { input: ExtendAct, roles: EC, title: { en: 'Extend nomination and registration', ru: 'Продлить выдвижение и регистрацию', kk: 'Ұсыну мен тіркеуді ұзарту' } },
    publishRegistered: { input: PublishAct, roles: EC, title: { en: 'Publish the registered candidates', ru: 'Сообщить о зарегистрированных кандидатах', kk: 'Тіркелген кандидаттар туралы хабарлау' } },
    recordSitting: { input: SittingAct, roles: EC, title: { en: "Record the electors' sitting", ru: 'Внести итоги заседания выборщиков', kk: 'Таңдаушылар отырысының қорытындысын енгізу' } },
    declareVoid: { input: VoidAct, roles: EC, title: { en: 'Declare the election invalid', ru: 'Признать выборы недействительными', kk: 'Сайлауды жарамсыз деп тану' } },
    callRepeatElection: { input: RepeatAct, roles: EC, title: { en: 'Call repeat elections', ru: 'Назначить повторные выборы', kk: 'Қайталама сайлауды тағайындау' } },
    registerWinner: { input: WinnerAct, roles: EC, title: { en: 'Register the elected akim', ru: 'Зарегистрировать избранного акима', kk: 'Сайланған әкімді тіркеу' } },
    submitFundReport: { input: FundReportAct, roles: EC, title: { en: "Record a candidate's fund report", ru: 'Принять отчёт об избирательном фонде', kk: 'Сайлау қоры туралы есепті қабылдау' } },
    recordSpecialCheck: { input: CheckAct, roles: ADMIN, title: { en: 'Record the special check result', ru: 'Внести результат специальной проверки', kk: 'Арнайы тексеру нәтижесін енгізу' } },
  },
};
