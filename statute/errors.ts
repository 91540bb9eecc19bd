// Typed refusals. Every bad input or legal refusal is a value with a code, the field and the
// rule it broke; people read it through the kk/ru/en catalogue (statute/messages.ts).
import type { Citation, IsoDate } from './types.js';

export type Lang = 'kk' | 'ru' | 'en';

export interface RefusalBody {
  /** stable machine code, e.g. 'invalid_date', 'too_late', 'below_threshold', 'barred' */
  code: string;
  /** the input field at fault, dotted path */
  field?: string;
  /** the rule id (edition rule or validation rule) that refused it */
  rule?: string;
  citation?: Citation;
  /**
   * a date the refusal depends on: when a bar ends, when a deadline passed; for too_early the
   * first day the act is allowed, for too_late the last day it was allowed
   */
  date?: IsoDate;
  /** values interpolated into the message */
  params?: Record<string, string | number>;
}

/**
 * An act at the wrong time under a rule: `too_early` (allowed from `date`) or `too_late` (allowed
 * until `date`, which has passed). The rule id and its citation say which period decided it.
 */
export interface TimingRefusal extends RefusalBody {
  code: 'too_early' | 'too_late';
  rule: string;
  citation: Citation;
  date: IsoDate;
}

/** Bad input or a legal refusal. Thrown before anything is changed. */
export class StatuteError extends Error {
  readonly body: RefusalBody;
  constructor(body: RefusalBody, englishMessage: string) {
    super(englishMessage);
    this.name = 'StatuteError';
    this.body = body;
  }
}
