// The inputs, acts and facts of the Senate recall (workflows/senate-recall.ts), and typed handles for clients.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { SenateRecallSupport } from '../statute/thresholds.js';
import type { IsoDate } from '../statute/types.js';
import type { VerificationTotals } from '../activities/senate-recall.js';
import { ActBase, StartBase, type ProcedureState, LegalDate } from './procedure.js';

export const KIND = 'senate_recall';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'identifier: letters, digits, _ . : - (max 128)');
const texts = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const lang = z.enum(['kk', 'ru', 'en']);

export const SenateRecallInput = StartBase.extend({
  /** `unit`: the region, city of republican significance or capital (register id) whose maslikhats' deputies are the electors, 6(7) */
  senator: z.strictObject({ id, fullName: z.string().min(3).max(300), address: z.string().min(3).max(500) }),
  /** the election commission of the region (city, capital) */
  commission: z.strictObject({ name: z.string().min(1).max(300), address: z.string().min(3).max(500) }),
  /** the initiating maslikhat of the region (city, capital) and the region's name */
  maslikhatName: texts,
  regionName: texts,
  /** T-34: no grounds are listed in the law; recorded as text, compared for the 24-1(6) bar */
  grounds: z.string().trim().min(3).max(4000),
  /** 24-1(1): the maslikhat's decision to initiate (T-33: one act with the decision to collect) */
  initiation: z.strictObject({ decisionDate: LegalDate, decisionNumber: z.string().min(1).max(100) }),
  channel: z.enum(['email', 'webhook']).default('email'),
  languages: z.array(lang).min(1).default(['kk', 'ru']),
});
export type SenateRecallInput = z.input<typeof SenateRecallInput>;
export type Input = z.output<typeof SenateRecallInput>;

// ---- acts (Update names) ----
export const IssueSheets = ActBase.extend({
  count: z.number().int().min(1).max(10_000),
  initiators: z.array(z.strictObject({ id, name: z.string().min(1).max(300) })).min(1).max(1000),
});
export const SheetsReceived = ActBase;
/** the imported CSV files of completed sheets, by their sha256 (as the import reported it) */
export const SubmitSheets = ActBase.extend({ files: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'sha256 of an imported file (64 hex)')).min(1).max(100) });
export const Verify = ActBase;
export const JointSitting = ActBase.extend({ present: z.number().int().min(0), voted: z.number().int().min(0), votesFor: z.number().int().min(0) });
export const SendProtocol = ActBase.extend({ protocolNumber: z.string().min(1).max(100) });
export const EstablishResult = ActBase;
/** Appealable decisions and actions of the commission, 24-1(11); `collection_closed`: late sheets not accepted. */
export const APPEALABLE = ['sheet_issue', 'collection_closed', 'decision', 'vote_count', 'result'] as const;
export type Appealable = (typeof APPEALABLE)[number];
export const Appeal = ActBase.extend({ against: z.enum(APPEALABLE), to: z.enum(['higher_commission', 'court']), summary: z.string().min(1).max(4000) });

export type Stage = 'initiation' | 'sheet_issue' | 'sheets_issued' | 'collection' | 'verification' | 'put_to_vote' | 'counting' | 'appeal_window' | 'closed';
export type Outcome = 'refused' | 'lapsed' | 'vote_not_held' | 'powers_terminated' | 'not_terminated';
export const STAGES: readonly Stage[] = ['initiation', 'sheet_issue', 'sheets_issued', 'collection', 'verification', 'put_to_vote', 'counting', 'appeal_window', 'closed'];

export interface SenateRecallFacts {
  senator: { id: string; fullName: string };
  grounds: string;
  /** the recall run: date of the initiation decision (ledger step prefix) */
  runKey: string;
  /** 24-1(1): when the commission and the deputy received the maslikhat's notice */
  delivered: { commission?: IsoDate; senator?: IsoDate };
  noticeReceived?: IsoDate;
  sheets?: { count: number; issuedOn: IsoDate; first: string; last: string; digest: string; late: boolean };
  sheetsReceivedOn?: IsoDate;
  submission?: { on: IsoDate; batches: { batchId: string; rows: number; fileSha256: string }[] };
  /** 24-1(4): the day the thirty days of collection ended without a submission */
  collectionClosed?: IsoDate;
  verification?: Omit<VerificationTotals, 'verificationId' | 'date'> & { on: IsoDate; late: boolean };
  decision?: {
    on: IsoDate;
    putToVote: boolean;
    reasons: string[];
    /** T-5: the result under each reading of "от одного маслихата" */
    readings: SenateRecallSupport['readings'];
    chosenReading: string;
    bar?: { allowedFrom: IsoDate; endsOn: IsoDate };
  };
  sittings: { on: IsoDate; elected: number; present: number; voted: number; votesFor: number; held: boolean; electorsDigest: string; late: boolean }[];
  votingDay?: IsoDate;
  protocol?: { on: IsoDate; number: string; late: boolean };
  result?: { on: IsoDate; terminated: boolean; late: boolean };
  /** 24-1(11): the day of each appealable decision or action */
  appealAnchors: Partial<Record<Appealable, IsoDate>>;
  appeals: { at: string; against: string; to: string; summary: string; period: { date: IsoDate } }[];
  missed: { rule: string; date: IsoDate }[];
}
export type SenateRecallState = ProcedureState<SenateRecallFacts>;

// typed handles for clients and tests (the interpreter registers one Update per act name)
export const stateQuery = defineQuery<SenateRecallState>('state');
const upd = <S extends z.ZodType>(name: string, _: S) => defineUpdate<SenateRecallState, [z.input<S>]>(name);
export const issueSheets = upd('issueSheets', IssueSheets);
export const sheetsReceived = upd('sheetsReceived', SheetsReceived);
export const submitSheets = upd('submitSheets', SubmitSheets);
export const verify = upd('verify', Verify);
export const jointSitting = upd('jointSitting', JointSitting);
export const sendProtocolToCec = upd('sendProtocolToCec', SendProtocol);
export const establishResult = upd('establishResult', EstablishResult);
export const appeal = upd('appeal', Appeal);
