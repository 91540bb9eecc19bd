// The statute module: pure legal logic of Law No 148 (editions, calendar, periods, thresholds,
// interpretations, messages). No I/O, no wall clock: safe inside workflow code.
export * from './types.js';
export * from './errors.js';
export * from './calendar/index.js';
export * from './periods.js';
export * from './time.js';
export * from './rules.js';
export * from './deadlines.js';
export * from './suspension.js';
export * from './thresholds.js';
export * from './interpretations.js';
export * from './rule-interpretations.js';
export * from './messages.js';
export type { Edition, EditionRule, ProcedureCode, Titles, PeriodSpec, ThresholdSpec, CapSpec, Comparison } from './editions/types.js';
