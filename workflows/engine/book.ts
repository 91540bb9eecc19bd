// The pure core of every procedure: its facts, stage, open deadlines, thresholds,
// interpretations and the records and notices it owes, as data. Specifications change it only
// through these methods; the interpreter (Temporal) and the pure runner (tests) drain its effects.
// No Temporal, no I/O: the legal clock is passed in.
import type { Calendar } from '../../statute/calendar/index.js';
import { periodOf, type DatedPeriod } from '../../statute/deadlines.js';
import type { Edition, ProcedureCode } from '../../statute/editions/types.js';
import { StatuteError, type RefusalBody } from '../../statute/errors.js';
import { useOf } from '../../statute/interpretations.js';
import { rule, type RuleId } from '../../statute/rules.js';
import { applySuspension, type SuspensionDerivation } from '../../statute/suspension.js';
import { evaluateThreshold } from '../../statute/thresholds.js';
import type { Citation, InterpretationUse, IsoDate, ThresholdDerivation } from '../../statute/types.js';
import type { SendNoticeInput as NoticeInput } from '../../activities/notifications.js';
import type { ActSummary, Actor, OpenDeadline, ProcedureState } from '../procedure.js';
import { FUTURE_TOLERANCE_MS, legalDateOf } from './time.js';

/** The system as the actor of timer acts (expiries, deadlines opened by a timer). */
export const TIMER: Actor = { kind: 'system', id: 'tartip-timer', role: 'timer' };

export interface RecordAct {
  type: string;
  at: string;
  actor: Actor;
  payload: unknown;
  citation?: Citation | Citation[] | null;
}
export type Notice = Omit<NoticeInput, 'key' | 'procedureId'>;

export type Effect =
  | { kind: 'record'; step: string; act: RecordAct }
  | { kind: 'notice'; step: string; notice: Notice; then?: (b: Book<any, any>) => void; onFailed?: (b: Book<any, any>, reason: string) => void };

export interface NoticeStatus {
  step: string;
  templateId: string;
  to: string;
  status: 'queued' | 'sent' | 'failed';
  reason?: string;
}

export interface ClockState {
  suspended: { since: IsoDate; at: string; reason: string; basis: string; document: string } | null;
  /** every suspension, with the deadlines it moved */
  history: { since: IsoDate; resumedOn: IsoDate; reason: string; basis: string; document: string; moves: { rule: string; suspension: SuspensionDerivation }[] }[];
}

/** Refuses with a typed StatuteError (→ `Refused:<code>`), naming the field and the rule. */
export function refuse(body: RefusalBody, message: string): never {
  throw new StatuteError(body, message);
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export class Book<F, S extends string> {
  facts!: F;
  stage: S;
  outcome: string | null = null;
  deadlines: OpenDeadline[] = [];
  /** every period computed during the run */
  periods: DatedPeriod[] = [];
  thresholds: ThresholdDerivation[] = [];
  interpretations: InterpretationUse[] = [];
  acts: ActSummary[] = [];
  notices: NoticeStatus[] = [];
  /** what the system could not do by itself (a timer's consequence or a delivery that failed for good), for a person to see */
  problems: { at: string; what: string; message: string }[] = [];
  clock: ClockState = { suspended: null, history: [] };
  /** records and notices owed, in order; drained by the interpreter */
  effects: Effect[] = [];
  /** deadlines opened in the current step: their derivations are recorded with the step */
  opened: OpenDeadline[] = [];
  /** bumped on every change; the interpreter's loop waits on it */
  version = 0;
  /**
   * Temporal's versioning for a change of a procedure that runs: true on the new path, false when
   * replaying a history made before the change (pure runs: always the new path).
   */
  patched: (changeId: string) => boolean = () => true;

  constructor(
    /** the workflow id: the procedure's id in the record and the registers */
    readonly procedureId: string,
    readonly kind: string,
    readonly procedure: ProcedureCode,
    readonly edition: Edition,
    readonly calendar: Calendar,
    readonly calendarRef: string,
    /** interpretation options recorded at start */
    readonly chosen: readonly InterpretationUse[],
    initial: S,
    /** legal "now", epoch ms */
    readonly now: () => number,
  ) {
    this.stage = initial;
  }

  // ---- the law ---------------------------------------------------------------------------

  today(): IsoDate {
    return legalDateOf(this.now());
  }

  cite(ruleId: RuleId): Citation {
    return rule(this.edition, ruleId).cite;
  }

  /** The option used for an interpretation (recorded at start, else the default); noted in the state. */
  use(id: string): string {
    const u = useOf(id, this.chosen);
    this.note([u]);
    return u.chosen;
  }

  note(us: readonly InterpretationUse[]): void {
    for (const u of us) if (!this.interpretations.some((x) => x.id === u.id)) this.interpretations.push({ id: u.id, chosen: u.chosen });
  }

  /** A dated period of the pinned edition and calendar, anchored on `anchor` (forward or back, as the rule says). */
  period(ruleId: RuleId, anchor: IsoDate): DatedPeriod {
    const p = periodOf(this.edition, ruleId, anchor, this.calendar, this.chosen);
    this.note(p.interpretations);
    this.periods.push(p);
    return p;
  }

  /** A threshold decision computed elsewhere in statute/ (e.g. Art. 24-1(2)'s per-maslikhat test), noted with its interpretations. */
  noteThreshold(...ds: ThresholdDerivation[]): void {
    for (const d of ds) {
      this.note(d.interpretations);
      this.thresholds.push(d);
    }
    this.touch();
  }

  threshold(ruleId: RuleId, baseValue: number, actual: number): ThresholdDerivation {
    const d = this.peekThreshold(ruleId, baseValue, actual);
    this.note(d.interpretations);
    this.thresholds.push(d);
    return d;
  }

  /** What a period would give, without noting it (checks). */
  peekPeriod(ruleId: RuleId, anchor: IsoDate): DatedPeriod {
    return periodOf(this.edition, ruleId, anchor, this.calendar, this.chosen);
  }

  /** What a threshold would give, without noting it (checks). */
  peekThreshold(ruleId: RuleId, baseValue: number, actual: number): ThresholdDerivation {
    return evaluateThreshold(rule(this.edition, ruleId, 'threshold'), { baseValue, actual, interpretations: this.chosen });
  }

  /** Refuses `count` when it is not met, naming the field. */
  require(d: ThresholdDerivation, field: string, message: string): void {
    if (d.met) return;
    refuse({ code: 'below_threshold', field, rule: d.rule, ...(d.citations[0] ? { citation: d.citations[0] } : {}), params: { rule: d.rule, required: d.required, actual: d.actual, base: d.baseValue } }, message);
  }

  // ---- deadlines -------------------------------------------------------------------------

  /** Opens the rule's period from `anchor`; its derivation is recorded with this step. */
  open(ruleId: RuleId, anchor: IsoDate, onExpiry: string, opts: { afterOutcome?: boolean } = {}): DatedPeriod {
    return this.openPeriod(this.period(ruleId, anchor), onExpiry, opts);
  }

  /** Opens an already computed period (e.g. a milestone of an election calendar). */
  openPeriod(period: DatedPeriod, onExpiry: string, opts: { afterOutcome?: boolean; key?: string } = {}): DatedPeriod {
    const key = opts.key ?? period.rule;
    const d: OpenDeadline = { rule: key, period, onExpiry, ...(opts.afterOutcome ? { afterOutcome: true } : {}) };
    this.deadlines = [...this.deadlines.filter((x) => x.rule !== key), d];
    this.opened = [...this.opened.filter((x) => x.rule !== key), d];
    this.touch();
    return period;
  }

  /** The act came (or the law no longer asks for it): the deadline is closed. */
  cancel(ruleId: string): void {
    this.deadlines = this.deadlines.filter((d) => d.rule !== ruleId);
    this.opened = this.opened.filter((d) => d.rule !== ruleId);
    this.touch();
  }

  deadline(ruleId: string): OpenDeadline | undefined {
    return this.deadlines.find((d) => d.rule === ruleId);
  }

  overdue(): string[] {
    return this.deadlines.filter((d) => d.overdue).map((d) => d.rule);
  }

  /** The earliest deadline whose timer has not fired; none while the clock is suspended. */
  nextTimer(): OpenDeadline | undefined {
    if (this.clock.suspended) return undefined;
    let best: OpenDeadline | undefined;
    for (const d of this.deadlines) if (!d.overdue && (!best || Date.parse(d.period.instant) < Date.parse(best.period.instant))) best = d;
    return best;
  }

  /** Marks a deadline's timer as fired; it stays listed (overdue) until its act comes or it is cancelled. */
  fired(ruleId: string): void {
    this.deadlines = this.deadlines.map((d) => (d.rule === ruleId ? { ...d, overdue: true } : d));
    this.touch();
  }

  /** True when `at` is at or after the end of the rule's open deadline (24:00 of its last day), or it has fired. */
  isLate(ruleId: string, at: string): boolean {
    const d = this.deadline(ruleId);
    return !!d && (d.overdue === true || Date.parse(at) >= Date.parse(d.period.instant));
  }

  /** The rule's period in force: the open deadline, else the last computed (for "allowed until" refusals). */
  periodNow(ruleId: string): DatedPeriod | undefined {
    return this.deadline(ruleId)?.period ?? this.periods.filter((p) => p.rule === ruleId).at(-1);
  }

  /** A date-time of the start input may not lie in the future (the engine's one tolerance). */
  notFuture(at: string, field: string): void {
    if (Date.parse(at) > this.now() + FUTURE_TOLERANCE_MS) refuse({ code: 'in_future', field, params: { value: at } }, `${field}: ${at} is in the future`);
  }

  // ---- the clock stopped by a court or the law ---------------------------------------------

  suspend(at: string, why: { reason: string; basis: string; document: string }): void {
    this.clock = { ...this.clock, suspended: { since: legalDateOf(Date.parse(at)), at, ...why } };
    this.touch();
  }

  /** Moves every open deadline by the days the clock stood still (statute/suspension.ts); returns the moves. */
  resume(at: string): { rule: string; suspension: SuspensionDerivation }[] {
    const s = this.clock.suspended!;
    const resumedOn = legalDateOf(Date.parse(at));
    const moves: { rule: string; suspension: SuspensionDerivation }[] = [];
    this.deadlines = this.deadlines.map((d) => {
      if (d.overdue) return d;
      const moved = applySuspension(d.period, s.since, resumedOn, this.calendar, this.chosen);
      if (!moved) return d;
      moves.push({ rule: d.rule, suspension: moved.suspensions!.at(-1)! });
      this.note([moved.suspensions!.at(-1)!.interpretation]);
      return { ...d, period: moved };
    });
    this.clock = { suspended: null, history: [...this.clock.history, { since: s.since, resumedOn, reason: s.reason, basis: s.basis, document: s.document, moves }] };
    this.touch();
    return moves;
  }

  // ---- stage -----------------------------------------------------------------------------

  is(...stages: S[]): boolean {
    return stages.includes(this.stage);
  }

  /** the specification's stages (set by the pipeline); a stage not listed there is a bug of the spec */
  stages: readonly S[] = [];

  /** A new stage; with an outcome the procedure has ended and its deadlines close (except afterOutcome ones). */
  setStage(stage: S, outcome: string | null = null): void {
    if (this.stages.length && !this.stages.includes(stage)) throw new Error(`${this.kind}: stage ${stage} is not among the specification's stages (${this.stages.join(', ')})`);
    this.stage = stage;
    if (outcome) {
      this.outcome = outcome;
      this.deadlines = this.deadlines.filter((d) => d.afterOutcome);
    }
    this.touch();
  }

  /** Ended: an outcome and no deadline left open. */
  ended(): boolean {
    return this.outcome !== null && this.deadlines.length === 0;
  }

  touch(): void {
    this.version++;
  }

  // ---- records and notices ------------------------------------------------------------------

  /** Lists an act in the state and owes its record (written once per step). */
  record(step: string, act: RecordAct): void {
    this.acts.push({ seq: this.acts.length + 1, act: act.type, at: act.at, actor: act.actor });
    this.effects.push({ kind: 'record', step, act });
    this.touch();
  }

  /** Where the next record would go: `recordAt` puts one there after others were made (an expiry before its consequences). */
  mark(): { acts: number; effects: number } {
    return { acts: this.acts.length, effects: this.effects.length };
  }

  recordAt(m: { acts: number; effects: number }, step: string, act: RecordAct): void {
    this.acts.splice(m.acts, 0, { seq: 0, act: act.type, at: act.at, actor: act.actor });
    this.acts = this.acts.map((x, i) => ({ ...x, seq: i + 1 }));
    this.effects.splice(m.effects, 0, { kind: 'record', step, act });
    this.touch();
  }

  /**
   * A notice the law requires, sent once per step; `then` runs when it has been delivered (a
   * period counted from receipt), `onFailed` when it cannot be sent at all.
   */
  notify(step: string, notice: Notice, then?: (b: Book<F, S>) => void, onFailed?: (b: Book<F, S>, reason: string) => void): void {
    this.notices.push({ step, templateId: notice.templateId, to: notice.addressee.role, status: 'queued' });
    this.effects.push({ kind: 'notice', step, notice, ...(then ? { then: then as (b: Book<any, any>) => void } : {}), ...(onFailed ? { onFailed: onFailed as (b: Book<any, any>, reason: string) => void } : {}) });
    this.touch();
  }

  noticeDone(step: string, outcome: { sent: true } | { sent: false; reason: string }): void {
    this.notices = this.notices.map((n) => (n.step === step ? { ...n, status: outcome.sent ? 'sent' : 'failed', ...(outcome.sent ? {} : { reason: outcome.reason }) } : n));
    this.touch();
  }

  /** The date of the last act by a person or body (the order check of the next one). */
  lastAt(): string | null {
    for (let i = this.acts.length - 1; i >= 0; i--) if (this.acts[i]!.actor.kind !== 'system') return this.acts[i]!.at;
    return null;
  }

  // ---- refusals that help --------------------------------------------------------------------

  refuse(body: RefusalBody, message: string): never {
    return refuse(body, message);
  }

  wrongStage(act: string, allowed?: readonly string[]): never {
    return refuse(
      { code: 'wrong_stage', field: 'act', params: { act, stage: this.stage, ...(allowed ? { allowed: allowed.join(', ') } : {}) } },
      `${act} is not allowed at stage ${this.stage}${allowed ? ` (allowed in: ${allowed.join(', ')})` : ''}`,
    );
  }

  /** The act's period ended on `date`: it was allowed until then. */
  tooLate(ruleId: RuleId, date: IsoDate, message: string, field = 'at'): never {
    return refuse({ code: 'too_late', field, rule: ruleId, citation: this.cite(ruleId), date, params: { date, rule: ruleId } }, message);
  }

  /** The act is allowed from `date` (a waiting period, an anchor not reached yet). */
  tooEarly(ruleId: RuleId, date: IsoDate, message: string, field = 'at'): never {
    return refuse({ code: 'too_early', field, rule: ruleId, citation: this.cite(ruleId), date, params: { date, rule: ruleId } }, message);
  }

  // ---- transactions and the state query --------------------------------------------------------

  /** Everything an act may change, to undo a refused one. */
  snapshot(): unknown {
    return {
      facts: clone(this.facts), stage: this.stage, outcome: this.outcome, deadlines: [...this.deadlines], periods: [...this.periods],
      thresholds: [...this.thresholds], interpretations: [...this.interpretations], acts: [...this.acts], notices: [...this.notices],
      clock: this.clock, effects: [...this.effects], opened: [...this.opened],
    };
  }

  /** `quiet`: back to the snapshot without waking the interpreter (a validator's, which replays never run) */
  restore(s: unknown, quiet = false): void {
    Object.assign(this, s);
    if (!quiet) this.touch();
  }

  state(editionId: string, extra: Record<string, unknown> = {}): ProcedureState {
    const view = { overdue: this.overdue(), notices: this.notices, periods: this.periods, clock: this.clock, ...(this.problems.length ? { problems: this.problems } : {}) };
    return {
      kind: this.kind,
      procedure: this.procedure,
      stage: this.stage,
      outcome: this.outcome,
      editionId,
      calendarRef: this.calendarRef,
      deadlines: this.deadlines,
      thresholds: this.thresholds,
      interpretations: this.interpretations,
      acts: this.acts,
      ...view,
      ...extra,
      facts: { ...view, ...(this.facts as object) },
    };
  }
}
