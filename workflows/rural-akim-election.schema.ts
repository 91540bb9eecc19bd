// P-19 (Art. 36, 36-1): the start input, the acts and the facts of a rural-level akim election.
// Pure: imported by the specification (workflows/rural-akim-election.ts) and by clients.
import { z } from 'zod';
import type { DatedPeriod } from '../statute/deadlines.js';
import type { ElectionCalendar, ElectionTrigger, VoteDecision } from '../statute/election-calendar.js';
import type { IsoDate, ThresholdDerivation } from '../statute/types.js';
import { ActBase, StartBase, type ProcedureState, LegalDate } from './procedure.js';

export const KIND = 'rural_akim_election';

const Id = z.string().min(1).max(200);
const Ref = z.string().min(1).max(500);
const AddresseeSchema = z.strictObject({ name: z.string().min(1), role: z.string().min(1), address: z.string().min(1) });

export const RuralAkimElectionInput = StartBase.extend({
  /** the district (city of regional significance) maslikhat: its deputies are the electors (36-1(10)) */
  districtMaslikhatId: Id,
  trigger: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('term_end'), termEnd: LegalDate }),
    z.strictObject({ kind: z.literal('early_termination'), terminatedOn: LegalDate }),
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
  incumbent: z.strictObject({ candidateId: Id, fullName: z.string().min(1), termStart: LegalDate, termEnd: LegalDate }).optional(),
});
export type RuralAkimElectionInput = z.input<typeof RuralAkimElectionInput>;
export type Input = z.output<typeof RuralAkimElectionInput>;

export const CallAct = ActBase.extend({ decisionNumber: Ref, electionDay: LegalDate });
export const NominateAct = ActBase.extend({
  candidate: z.strictObject({ id: Id, fullName: z.string().min(1).max(300), dateOfBirth: LegalDate }),
  /** 36-1(3): the district akim's submission and the candidate's consent */
  submissionRef: Ref,
  consentRef: Ref,
  /** 36(1): "согласованных с собранием местного сообщества" */
  sobranieAgreement: z.strictObject({ date: LegalDate, protocolRef: Ref }),
  /** 36-1(3): the day the revenue body received the declarations (starts the 7-day check) */
  declarationsReceivedOn: LegalDate.optional(),
});
/** 36-1(4): the five documents, each by reference */
export const Documents = z.strictObject({ submission: Ref, consent: Ref, biography: Ref, idCopy: Ref, taxCertificate: Ref });
/** documents are checked against 36-1(4) by the act (refusal `missing_documents` names the missing one) */
export const RegisterAct = ActBase.extend({ candidateId: Id, decisionNumber: Ref, documents: Documents.partial() });
/** 36-1(5)(3) grounds */
const Ground = z.enum([
  'nomination_rules_violated', 'official_position_used', 'early_campaigning', 'bribery_established_by_court',
  'declaration_unreliable', 'other_requirement_not_met',
]);
export const RefuseAct = ActBase.extend({ candidateId: Id, decisionNumber: Ref, ground: Ground });
export const ReinstateAct = ActBase.extend({ candidateId: Id, basis: Ref });
export const WithdrawAct = ActBase.extend({ candidateId: Id, by: z.enum(['candidate', 'district_akim']) });
export const ExtendAct = ActBase.extend({ decisionNumber: Ref, until: LegalDate });
export const PublishAct = ActBase.extend({ medium: Ref });
export const SittingAct = ActBase.extend({
  protocolRef: Ref,
  /** electors present (deputies of the district maslikhat) */
  present: z.number().int().min(0),
  /** electors who took part in the vote (36-1(2)) */
  participated: z.number().int().min(0),
  tallies: z.array(z.strictObject({ candidateId: Id, votes: z.number().int().min(0) })).max(100),
});
export const VoidAct = ActBase.extend({ decisionNumber: Ref, by: z.enum(['district_commission', 'regional_commission']), ground: Ref });
export const RepeatAct = ActBase.extend({ decisionNumber: Ref, electionDay: LegalDate });
export const WinnerAct = ActBase.extend({ decisionNumber: Ref });
export const FundReportAct = ActBase.extend({ candidateId: Id });
export const CheckAct = ActBase.extend({ result: z.enum(['positive', 'negative']), reference: Ref });

export type RuralAkimAct =
  | 'callElection' | 'nominateCandidate' | 'registerCandidate' | 'refuseRegistration' | 'cancelRegistration'
  | 'reinstateCandidate' | 'withdrawCandidate' | 'extendRegistration' | 'publishRegistered' | 'recordSitting'
  | 'declareVoid' | 'callRepeatElection' | 'registerWinner' | 'submitFundReport' | 'recordSpecialCheck';

export type Stage =
  | 'awaiting_call' | 'call_overdue' | 'called' | 'nomination' | 'registration' | 'registration_shortfall'
  | 'registration_extended' | 'campaign' | 'silence' | 'voting' | 'revote' | 'registering_winner'
  | 'acting' | 'in_office' | 'repeat_pending' | 'special_check_negative';

export const STAGES: readonly Stage[] = [
  'awaiting_call', 'call_overdue', 'called', 'nomination', 'registration', 'registration_shortfall', 'registration_extended',
  'campaign', 'silence', 'voting', 'revote', 'registering_winner', 'acting', 'in_office', 'repeat_pending', 'special_check_negative',
];

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

/** The district maslikhat's deputies on election day, as the register gives them. */
export interface Electors { maslikhatId: string; date: IsoDate; seats: number; deputies: number; digest: string }

export interface RuralAkimFacts {
  cycle: number;
  strategy: string;
  districtMaslikhatId: string;
  trigger: ElectionTrigger;
  /** the call deadline (term end) or the last day to hold the election (early termination) */
  triggerDeadline: DatedPeriod;
  incumbent: Input['incumbent'] | null;
  round: number;
  call: { decisionNumber: string; at: string; electionDay: IsoDate; late: boolean } | null;
  /** the whole calendar of the current round, shown the moment the election is called */
  calendar: ElectionCalendar | null;
  originalElectionDay: IsoDate | null;
  extension: { decisionNumber: string; until: IsoDate } | null;
  candidates: Candidate[];
  publishedRegistered: string | null;
  electors: Electors | null;
  sittings: Sitting[];
  voided: { decisionNumber: string; by: string; ground: string; at: string } | null;
  winner: { candidateId: string; fullName: string; votes: number } | null;
  winnerRegistered: { decisionNumber: string; at: string; late: boolean } | null;
  specialCheck: { result: 'positive' | 'negative'; reference: string; at: string } | null;
  /** the new term and the next election's call deadline, once the winner takes office */
  term: DatedPeriod | null;
  nextCallDeadline: DatedPeriod | null;
  fundReports: Record<string, string>;
  rounds: { round: number; electionDay: IsoDate; result: string }[];
}

export type RuralAkimState = ProcedureState<RuralAkimFacts & { overdue: string[] }>;
