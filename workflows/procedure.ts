// The contract every procedure workflow follows, so that the HTTP API, the CLI and the audit
// tools handle all procedures alike. Pure: imported by workflows and by clients.
import { z } from 'zod';
import { INPUT_LIMITS } from './engine/hygiene.js';
import type { ProcedureCode, Titles } from '../statute/editions/types.js';
import type { DatedPeriod } from '../statute/deadlines.js';
import type { InterpretationUse, ThresholdDerivation } from '../statute/types.js';

/** Who performed an act (mirrors activities/ledger-hash.ts Actor). */
export const ActorSchema = z.strictObject({
  kind: z.enum(['person', 'body', 'official', 'system']),
  id: z.string().min(1).max(200),
  name: z.string().max(300).optional(),
  role: z.string().max(100).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

const { from: FIRST_YEAR, to: LAST_YEAR } = INPUT_LIMITS.years;
const YEARS = `a year from ${FIRST_YEAR} to ${LAST_YEAR}`;
const inYears = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;

/** ISO 8601 date-time with offset: the legal date and time of an act (within INPUT_LIMITS.years, in UTC and as written). */
export const LegalTime = z.iso.datetime({ offset: true }).refine((t) => inYears(Number(t.slice(0, 4))) && inYears(new Date(t).getUTCFullYear()), YEARS);

/** ISO 8601 calendar date of an input (within INPUT_LIMITS.years). */
export const LegalDate = z.iso.date().refine((d) => inYears(Number(d.slice(0, 4))), YEARS);

/** Every act (workflow Update argument) carries who did it and when, in law. */
export const ActBase = z.strictObject({ actor: ActorSchema, at: LegalTime });

/** Fields every procedure's start input has. Clients fill the pins (editionInForce, latest calendar) before starting. */
export const StartBase = z.strictObject({
  editionId: z.string().min(1),
  calendarRef: z.string().min(1),
  /** administrative unit the procedure belongs to (register id) */
  unit: z.string().min(1),
  startedBy: ActorSchema,
  /** interpretation options chosen at start; defaults apply otherwise (recorded either way) */
  interpretations: z.array(z.strictObject({ id: z.string(), chosen: z.string() })).default([]),
  /** what-if runs only (tartip simulate, tests): legal time starts here. The HTTP API refuses it. */
  simulation: z.strictObject({ legalStart: LegalTime }).optional(),
});

/** A deadline or waiting period in force now, with what happens when it passes. */
export interface OpenDeadline {
  /** edition rule id, e.g. 'art24.p4.signature_collection' */
  rule: string;
  period: DatedPeriod;
  /** what the timer does when the period ends, e.g. 'close_collection' */
  onExpiry: string;
  /** its timer has fired and the act has not come (the deadline stays listed) */
  overdue?: boolean;
  /** stays open after the outcome (an appeal period) */
  afterOutcome?: boolean;
}

export interface ActSummary {
  seq: number;
  act: string;
  at: string;
  actor: Actor;
}

/** What the `state` query of every procedure returns. */
export interface ProcedureState<Facts = Record<string, unknown>> {
  kind: string;
  procedure: ProcedureCode;
  stage: string;
  /** final outcome once the procedure ends, e.g. 'dismissed', 'refused'; null while running */
  outcome: string | null;
  editionId: string;
  calendarRef: string;
  deadlines: OpenDeadline[];
  /** threshold decisions taken so far, each with its derivation */
  thresholds: ThresholdDerivation[];
  interpretations: InterpretationUse[];
  acts: ActSummary[];
  facts: Facts;
  /** rules whose deadline passed without the act */
  overdue?: string[];
  /** the law's notices and their delivery */
  notices?: unknown[];
  /** every period computed during the run */
  periods?: DatedPeriod[];
  /** the statutory clock: suspended now, and every suspension with the deadlines it moved */
  clock?: unknown;
}

export type Role = 'administrator' | 'commission' | 'auditor';

/** How clients start a procedure and perform its acts (Update names = act names). */
/** A register entry a start input names (`field`), e.g. the maslikhat whose deputies it counts. */
export interface RegisterRef {
  field: string;
  register: 'admin_units' | 'maslikhats' | 'deputies' | 'akim_posts' | 'akim_incumbents';
  id: string;
  /** the entry must belong to the one another field names (a maslikhat to its unit, a deputy to its maslikhat) */
  of?: { field: string; id: string };
}

export interface ProcedureDefinition {
  kind: string;
  workflowType: string;
  procedure: ProcedureCode;
  title: Titles;
  /** start input, StartBase fields included */
  input: z.ZodType;
  /** workflow id for a start input: encodes the "one open procedure per …" rule */
  workflowId(input: unknown): string;
  /** who may start it (e.g. the election commission calls an election, Art. 36-1(10)); default: administrator */
  startRoles?: readonly Role[];
  acts: Record<string, { input: z.ZodType; roles: readonly Role[]; title: Titles }>;
  /** every stage, in the order of the article (a --stage or ?stage= is checked against it) */
  stages?: readonly string[];
  /** the register entries a start input names (checked before it starts) */
  registered?(input: unknown): RegisterRef[];
}
