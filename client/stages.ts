// The stages of each procedure, as values the CLI can check a --stage against. The workflows
// declare them as types only; tsc keeps each list here equal to its type (a stage added to a
// workflow and not here, or the other way round, fails the typecheck).
import type { AkimConsentStage } from '../workflows/akim-consent.js';
import type { NoConfidenceStage } from '../workflows/no-confidence.js';
import type { Stage as RuralAkimElectionStage } from '../workflows/rural-akim-election.js';
import type { Stage as SenateRecallStage } from '../workflows/senate-recall.js';
import type { WaitStage } from '../workflows/statutory-wait.js';

/** true when the list names every member of U and nothing else */
type Exactly<L extends readonly string[], U extends string> = [U] extends [L[number]] ? ([L[number]] extends [U] ? true : false) : false;
const exactly = <U extends string>() => <const L extends readonly U[]>(list: L & (Exactly<L, U> extends true ? unknown : { missing: Exclude<U, L[number]> })): L => list;

/** by procedure kind (workflows/definitions.ts) */
export const STAGES: Readonly<Record<string, readonly string[]>> = {
  statutory_wait: exactly<WaitStage>()(['waiting', 'allowed']),
  rural_akim_election: exactly<RuralAkimElectionStage>()([
    'awaiting_call', 'call_overdue', 'called', 'nomination', 'registration', 'registration_shortfall', 'registration_extended',
    'campaign', 'silence', 'voting', 'revote', 'registering_winner', 'acting', 'in_office', 'repeat_pending', 'special_check_negative',
  ]),
  akim_consent: exactly<AkimConsentStage>()(['awaiting_session', 'awaiting_resubmission', 'third_refusal', 'acting_akim', 'closed']),
  no_confidence: exactly<NoConfidenceStage>()(['collecting', 'verifying', 'session_due', 'superior_deciding', 'repeat_vote_possible', 'dismissal_due', 'closed']),
  senate_recall: exactly<SenateRecallStage>()(['initiation', 'sheet_issue', 'sheets_issued', 'collection', 'verification', 'put_to_vote', 'counting', 'appeal_window', 'closed']),
};

/** Every stage of any procedure, once. */
export const ALL_STAGES: readonly string[] = [...new Set(Object.values(STAGES).flat())].sort();
