// The one act pipeline every procedure runs through, pure: the same code under Temporal
// (interpreter.ts) and in table-driven tests without any server (pure-runner.ts).
//   validate: schema → time (not in the future, not before the last act) → stage → the spec's check
//   perform:  validate again at its turn → load (I/O) → apply → deadlines opened → records, or undo all
//   expire:   the deadline is overdue → the spec's consequence → one `timer_expiry` record with the derivation
import { z } from 'zod';
import type { Calendar } from '../../statute/calendar/index.js';
import type { Edition } from '../../statute/editions/types.js';
import { StatuteError } from '../../statute/errors.js';
import type { Citation } from '../../statute/types.js';
import { ActBase, type Actor, type OpenDeadline, type ProcedureDefinition, type ProcedureState } from '../procedure.js';
import { Book, TIMER, type Effect, type RecordAct } from './book.js';
import type { ActSpec, Io, ProcedureSpec } from './spec.js';
import { FUTURE_TOLERANCE_MS } from './time.js';
import { hygieneIssues } from './hygiene.js';

/** A schema refused the input: each field with its rule. */
export class InputRefusal extends Error {
  constructor(
    readonly what: string,
    readonly issues: { field: string; rule: string; message: string }[],
  ) {
    super(`${what}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'InputRefusal';
  }
}

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const bad = hygieneIssues(value);
  if (bad.length) throw new InputRefusal(what, bad.map((i) => ({ field: i.field, rule: i.rule, message: i.message })));
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new InputRefusal(what, r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', rule: i.code, message: i.message })));
}

/** Where records go: the ledger (interpreter) or memory (tests). */
export interface RecordSink {
  record(step: string, act: RecordAct): Promise<void>;
  /** A whole step at once: its records and the notices it owes, in one transaction (the interpreter). */
  step?(records: { step: string; act: RecordAct }[], notices: { step: string; notice: Extract<Effect, { kind: 'notice' }>['notice'] }[]): Promise<void>;
}

// ---- acts every procedure has: a court or the law stops the statutory clock ----------------

export const SuspendClock = ActBase.extend({
  reason: z.string().min(1).max(2000),
  /** the legal basis: the court ruling or the norm that stops the period */
  basis: z.string().min(1).max(500),
  document: z.string().min(1).max(200),
});
export const ResumeClock = ActBase.extend({ document: z.string().min(1).max(200) });

type AnyAct = ActSpec<any, any, any, any, any>;
const CLOCK_ACTS: Record<string, AnyAct> = {
  suspendClock: {
    title: { en: 'Suspend the statutory clock', ru: 'Приостановить течение сроков', kk: 'Мерзімдердің өтуін тоқтата тұру' },
    input: SuspendClock,
    roles: ['administrator', 'commission'],
    stages: 'open',
    check(b: Book<unknown, string>) {
      if (b.clock.suspended) b.refuse({ code: 'clock_suspended', field: 'act', date: b.clock.suspended.since, params: { date: b.clock.suspended.since } }, `the clock is already suspended since ${b.clock.suspended.since}`);
    },
    apply(b: Book<unknown, string>, a: z.output<typeof SuspendClock>) {
      b.suspend(a.at, { reason: a.reason, basis: a.basis, document: a.document });
      b.record(`clock/suspend/${b.clock.history.length + 1}`, { type: 'clock_suspended', at: a.at, actor: a.actor, payload: { reason: a.reason, basis: a.basis, document: a.document, deadlines: b.deadlines.filter((d) => !d.overdue).map((d) => d.rule) } });
    },
  },
  resumeClock: {
    title: { en: 'Resume the statutory clock', ru: 'Возобновить течение сроков', kk: 'Мерзімдердің өтуін қайта бастау' },
    input: ResumeClock,
    roles: ['administrator', 'commission'],
    stages: 'open',
    check(b: Book<unknown, string>) {
      if (!b.clock.suspended) b.refuse({ code: 'clock_not_suspended', field: 'act' }, 'the clock is not suspended');
    },
    apply(b: Book<unknown, string>, a: z.output<typeof ResumeClock>) {
      const since = b.clock.suspended!.since;
      const n = b.clock.history.length;
      const moves = b.resume(a.at);
      b.record(`clock/resume/${n + 1}`, { type: 'clock_resumed', at: a.at, actor: a.actor, payload: { document: a.document, suspendedFrom: since, moves, deadlines: b.deadlines } });
    },
  },
};

export class Pipeline<F, S extends string, I extends { editionId: string; startedBy: Actor }> {
  readonly book: Book<F, S>;
  readonly acts: Record<string, AnyAct>;
  private steps = 0;
  private readonly prefix: string;
  /** notices owed, in order, for the interpreter to deliver */
  outbox: (Extract<Effect, { kind: 'notice' }> & { key: string })[] = [];

  constructor(
    readonly spec: ProcedureSpec<F, S, I>,
    readonly input: I,
    edition: Edition,
    calendar: Calendar,
    calendarRef: string,
    now: () => number,
    private readonly sink: RecordSink,
    procedureId: string = spec.workflowId(input),
  ) {
    this.book = new Book<F, S>(procedureId, spec.kind, spec.procedure, edition, calendar, calendarRef, (input as { interpretations?: [] }).interpretations ?? [], spec.initial, now);
    this.book.stages = spec.stages;
    this.acts = { ...spec.acts, ...CLOCK_ACTS };
    this.prefix = spec.stepPrefix ? `${spec.stepPrefix(input)}/` : '';
  }

  /** The start: interpretations recorded, the spec's start, deadlines opened. Records are owed (flush). */
  async start(io: Io, at: string): Promise<void> {
    for (const id of this.spec.interpretations ?? []) this.book.use(id);
    this.book.facts = await this.spec.start(this.book, this.input, io);
    this.seal(this.input.startedBy, at);
  }

  /** Refuses a wrong act before anything is written; returns the parsed act. */
  validate(name: string, raw: unknown): { at: string; actor: Actor } & Record<string, unknown> {
    const spec = this.acts[name];
    if (!spec) throw new StatuteError({ code: 'unknown_act', field: 'act', params: { act: name } }, `${name} is not an act of ${this.spec.kind}`);
    const a = parseInput(spec.input, raw, name) as { at: string; actor: Actor } & Record<string, unknown>;
    const b = this.book;
    const t = Date.parse(a.at);
    if (t > b.now() + FUTURE_TOLERANCE_MS) {
      b.refuse({ code: 'in_future', field: 'at', params: { value: a.at } }, `at: ${a.at} is in the future (legal now ${new Date(b.now()).toISOString()})`);
    }
    const last = b.lastAt();
    if (spec.ordered !== false && last && t < Date.parse(last)) {
      b.refuse({ code: 'out_of_order', field: 'at', params: { value: a.at, last } }, `at: ${a.at} is before the last recorded act (${last})`);
    }
    const allowed = spec.stages === 'open' ? b.outcome === null : spec.stages === 'until_ended' ? !b.ended() : spec.stages.includes(b.stage);
    if (!allowed) {
      spec.outOfStage?.(b, a, this.input);
      b.wrongStage(name, typeof spec.stages === 'string' ? undefined : spec.stages);
    }
    if (spec.check) {
      // a check may note what it used (an interpretation); a refused act leaves nothing behind,
      // and the version stays: the interpreter does not wake for it (validators do not replay)
      const before = b.snapshot();
      try {
        spec.check(b, a, this.input);
      } catch (e) {
        b.restore(before, true);
        throw e;
      }
    }
    return a;
  }

  /** Performs an act at its turn; a refusal (here or in apply) leaves the procedure as it was. */
  async perform(name: string, raw: unknown, io: Io): Promise<void> {
    const a = this.validate(name, raw);
    const spec = this.acts[name]!;
    const loaded = spec.load ? await spec.load(this.book, a, this.input, io) : undefined;
    const before = this.book.snapshot();
    const steps = this.steps;
    try {
      spec.apply(this.book, a, this.input, loaded);
      this.seal(a.actor, a.at);
      await this.flush();
    } catch (e) {
      this.book.restore(before);
      this.steps = steps;
      throw e;
    }
  }

  /** A deadline's timer fired: marked overdue, the spec's consequence, one record with the derivation. */
  async expire(d: OpenDeadline, io: Io): Promise<void> {
    const b = this.book;
    const h = this.spec.expiry?.[d.onExpiry];
    const loaded = h && typeof h !== 'function' ? await h.load(b, d, this.input, io) : undefined;
    b.fired(d.rule);
    const m = b.mark();
    const consequence = (h ? (typeof h === 'function' ? h(b, d, this.input, undefined) : h.apply(b, d, this.input, loaded)) : undefined) ?? d.onExpiry;
    // the expiry first, then what follows from it
    b.recordAt(m, `expiry/${d.rule}/${this.steps}`, {
      type: 'timer_expiry', at: d.period.instant, actor: TIMER,
      // the whole derivation, so an auditor recomputes the deadline from the record alone
      payload: { rule: d.rule, onExpiry: d.onExpiry, consequence, period: d.period, firedAt: new Date(b.now()).toISOString() },
      citation: d.period.citations,
    });
    this.seal(TIMER, d.period.instant);
  }

  /**
   * A step the system takes by itself (a timer, a delivery), with its records: it happens whole or
   * not at all. When it cannot (a record refused for good), the procedure stays as it was, the
   * problem is shown in its state, and it runs on: a timer never makes a procedure fail.
   */
  async system(what: string, step: () => Promise<void> | void, ifFailed?: () => void): Promise<void> {
    const before = this.book.snapshot();
    const steps = this.steps;
    const outbox = this.outbox.length;
    try {
      await step();
      await this.flush();
    } catch (e) {
      this.book.restore(before);
      this.steps = steps;
      this.outbox.length = Math.min(this.outbox.length, outbox);
      ifFailed?.();
      this.book.problems.push({ at: new Date(this.book.now()).toISOString(), what, message: e instanceof Error ? e.message : String(e) });
      this.book.touch();
    }
  }

  /** A notice was delivered: what the spec counts from its receipt. */
  delivered(e: Extract<Effect, { kind: 'notice' }>): void {
    this.book.noticeDone(e.step, { sent: true });
    if (e.then) {
      e.then(this.book);
      this.seal(TIMER, new Date(this.book.now()).toISOString());
    }
  }

  /** A notice could not be sent at all: recorded as an act and shown, for delivery by other means. */
  undeliverable(e: Extract<Effect, { kind: 'notice' }>, reason: string): void {
    this.book.noticeDone(e.step, { sent: false, reason });
    const m = this.book.mark();
    e.onFailed?.(this.book, reason);
    this.book.recordAt(m, `notice_failed/${e.step}`, {
      type: 'notice_failed', at: new Date(this.book.now()).toISOString(), actor: TIMER,
      payload: { step: e.step, templateId: e.notice.templateId, addressee: e.notice.addressee, reason }, citation: e.notice.basis,
    });
    this.seal(TIMER, new Date(this.book.now()).toISOString());
  }

  /** Ends a step: the derivations of the deadlines it opened go to the record with it. */
  private seal(actor: Actor, at: string): void {
    this.steps++;
    const opened = this.book.opened;
    if (opened.length === 0) return;
    this.book.opened = [];
    const citations: Citation[] = [];
    for (const d of opened) for (const c of d.period.citations) if (!citations.some((x) => x.article === c.article && x.paragraph === c.paragraph && x.quote === c.quote)) citations.push(c);
    this.book.record(`deadlines/${this.steps}`, { type: 'deadlines_opened', at, actor, payload: { deadlines: opened.map((d) => ({ rule: d.rule, onExpiry: d.onExpiry, period: d.period })) }, citation: citations });
  }

  /** Writes the records owed, in order, with the notices owed (to the outbox, for delivery). */
  async flush(): Promise<void> {
    const b = this.book;
    if (this.sink.step) {
      if (b.effects.length === 0) return;
      const owed = [...b.effects];
      const records = owed.flatMap((e) => (e.kind === 'record' ? [{ step: `${this.prefix}${e.step}`, act: e.act }] : []));
      const notices = owed.flatMap((e) => (e.kind === 'notice' ? [{ ...e, key: `${this.prefix}${e.step}` }] : []));
      await this.sink.step(records, notices.map((n) => ({ step: n.key, notice: n.notice })));
      b.effects.splice(0, owed.length);
      this.outbox.push(...notices);
      return;
    }
    while (b.effects.length > 0) {
      const e = b.effects[0]!;
      if (e.kind === 'record') await this.sink.record(`${this.prefix}${e.step}`, e.act);
      else this.outbox.push({ ...e, key: `${this.prefix}${e.step}` });
      b.effects.shift();
    }
  }

  state(): ProcedureState {
    return this.book.state(this.input.editionId);
  }
}

/** What clients (API, CLI, simulator) need of a specification. */
export function definitionOf(spec: ProcedureSpec<any, any, any>): ProcedureDefinition {
  const acts: ProcedureDefinition['acts'] = {};
  for (const [name, a] of Object.entries({ ...spec.acts, ...CLOCK_ACTS })) acts[name] = { input: a.input, roles: a.roles, title: a.title };
  return {
    kind: spec.kind, workflowType: spec.workflowType, procedure: spec.procedure, title: spec.title, input: spec.input,
    workflowId: (i) => spec.workflowId(i), ...(spec.startRoles ? { startRoles: spec.startRoles } : {}), acts, stages: spec.stages,
    ...(spec.registered ? { registered: (i) => spec.registered!(i) } : {}),
  };
}
