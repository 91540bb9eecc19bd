// A procedure as a specification: its stages, its acts (each with the stages where it is
// allowed, a schema, a `check` that refuses with a rule, an `apply` that changes the facts and
// says what to record and notify), and what each deadline does when it passes. One interpreter
// (workflows/engine/interpreter.ts) runs every specification; docs/procedures.md shows how to
// write one. Pure: no Temporal, no I/O.
import type { z } from 'zod';
import type { ProcedureCode, Titles } from '../../statute/editions/types.js';
import type { TartipActivities } from '../../worker/activities.js';
import type { OpenDeadline, RegisterRef, Role } from '../procedure.js';
import type { Book } from './book.js';

/** The I/O a specification may ask for (registers, sheets): the worker's activities. */
export type Io = TartipActivities;

/** The act as the pipeline hands it to `check` and `apply`: parsed, with `at` and `actor`. */
export interface ActContext<F, S extends string, I> {
  book: Book<F, S>;
  input: I;
}

export interface ActSpec<F, S extends string, I, A, L = undefined> {
  title: Titles;
  input: z.ZodType<A, any>;
  roles: readonly Role[];
  /** stages where the act is allowed; 'open': any stage until the outcome; 'until_ended': also while a period kept open after the outcome runs (appeals) */
  stages: readonly S[] | 'open' | 'until_ended';
  /** keep the order check of `at` (default true); sheets of one collection may come in any order */
  ordered?: boolean;
  /** a better refusal than `wrong_stage` when the act comes at the wrong time (too_late, too_early) */
  outOfStage?(b: Book<F, S>, act: A, input: I): void;
  /** refuses with a rule and its citation (throw via b.refuse / b.tooLate / b.tooEarly); changes nothing */
  check?(b: Book<F, S>, act: A, input: I): void;
  /** I/O the act needs (a register, imported sheets), done after the checks and before apply */
  load?(b: Book<F, S>, act: A, input: I, io: Io): Promise<L>;
  /** the act's effect: new facts, stage, deadlines, records and notices. A refusal here undoes all of it. */
  apply(b: Book<F, S>, act: A, input: I, loaded: L): void;
}

/** What a deadline's timer does when the period ends; returns the consequence recorded with the expiry. */
export type ExpiryFn<F, S extends string, I, L = undefined> = (b: Book<F, S>, d: OpenDeadline, input: I, loaded: L) => string | void;
/** With `load`: what the consequence needs read first (the electors on election day). */
export type ExpiryHandler<F, S extends string, I, L = any> = ExpiryFn<F, S, I, L> | { load(b: Book<F, S>, d: OpenDeadline, input: I, io: Io): Promise<L>; apply: ExpiryFn<F, S, I, L> };

export interface ProcedureSpec<F, S extends string, I> {
  kind: string;
  /** the Temporal workflow type (one thin export per procedure in workflows/index.ts) */
  workflowType: string;
  procedure: ProcedureCode;
  title: Titles;
  input: z.ZodType<I, any>;
  /** workflow id for a start input: encodes the "one open procedure per …" rule */
  workflowId(input: I): string;
  startRoles?: readonly Role[];
  /** the first stage */
  initial: S;
  /** every stage, in the order of the article */
  stages: readonly S[];
  /** interpretations the procedure uses, recorded at start (the input's choice, else the default) */
  interpretations?: readonly string[];
  /** prefix of every record step of one run (a recall run, an election cycle) */
  stepPrefix?(input: I): string;
  /** the administrative unit (search attribute) */
  unit?(input: I): string;
  /** the register entries the start input names: a start naming one that is not registered is refused before it runs */
  registered?(input: I): RegisterRef[];
  /**
   * The start: checks the input against the law (refusing with a rule), reads what the procedure
   * counts against, and returns the first facts. `b.facts` is set from the return value; records
   * and deadlines made here are written after the procedure is registered.
   */
  start(b: Book<F, S>, input: I, io: Io): Promise<F> | F;
  acts: Record<string, ActSpec<F, S, I, any, any>>;
  /** onExpiry name → what happens; a deadline whose onExpiry has no handler is only marked overdue */
  expiry?: Record<string, ExpiryHandler<F, S, I>>;
  /** once the procedure has ended: the input of the next run (continue-as-new), e.g. the next term */
  next?(b: Book<F, S>, input: I): I | null;
}

/** Identity with the types inferred: `export const spec = defineProcedure({...})`. */
export function defineProcedure<F, S extends string, I>(spec: ProcedureSpec<F, S, I>): ProcedureSpec<F, S, I> {
  return spec;
}

/**
 * The typed helpers of one procedure: `const { act, expiry } = kit<Facts, Stage, Input>()`;
 * each `act({...})` infers the act's type from its schema.
 */
export function kit<F, S extends string, I>() {
  return {
    act<A, L = undefined>(a: ActSpec<F, S, I, A, L>): ActSpec<F, S, I, A, L> {
      return a;
    },
    expiry(h: ExpiryFn<F, S, I>): ExpiryFn<F, S, I> {
      return h;
    },
    /** an expiry that reads something first (`load`), then applies */
    expiryWith<L>(h: { load(b: Book<F, S>, d: OpenDeadline, input: I, io: Io): Promise<L>; apply: ExpiryFn<F, S, I, L> }): ExpiryHandler<F, S, I, L> {
      return h;
    },
  };
}
