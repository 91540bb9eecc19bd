// A scenario: a procedure's start input and its dated acts, run by `tartip simulate` in a
// time-skipping environment and by the tests. Documented in docs/scenarios.md; examples/<kind>/.
import { z } from 'zod';
import { LegalTime } from './procedure.js';

export const ScenarioAct = z.strictObject({
  /** legal date-time of the act; the simulator lets time pass until then */
  at: LegalTime,
  /** Update name of the procedure (an act of its definition) */
  act: z.string().min(1),
  /** the Update argument without `at` (the simulator adds it) */
  input: z.record(z.string(), z.unknown()),
  /** the act must be refused with this code (e.g. 'too_late'); the scenario goes on */
  expectRefusal: z.string().optional(),
});

/** A file beside the scenario: a plain relative name, never leaving the scenario's folder. */
const RelativeFile = z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_.\/-]{1,200}$/, 'a path relative to the scenario file, inside its folder');

/**
 * A step that loads a file as an administrator would before the next act: the signature sheets of
 * a Senate recall (`tartip signatures import`). The file's serials are those the procedure issues
 * outside a simulation; the simulator maps them (and the file's digest in later acts) to its run.
 */
export const ScenarioImport = z.strictObject({
  at: LegalTime,
  signatures: RelativeFile,
});
export type ScenarioImport = z.output<typeof ScenarioImport>;
export type ScenarioStep = z.output<typeof ScenarioAct> | ScenarioImport;
export const isImport = (s: ScenarioStep): s is ScenarioImport => 'signatures' in s;

export const ScenarioSchema = z.strictObject({
  format: z.literal('tartip-scenario/1'),
  /** procedure kind, e.g. 'no_confidence' */
  procedure: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  /** start: legal time the procedure starts and its input (pins may be omitted: the simulator fills them) */
  start: z.strictObject({ at: LegalTime, input: z.record(z.string(), z.unknown()) }),
  /** a folder (relative to the scenario) of register CSV files (<register>.csv) imported before the run */
  registers: RelativeFile.optional(),
  acts: z.array(z.union([ScenarioAct, ScenarioImport])).default([]),
  /** let time run to this legal instant after the last act (to see timers fire) */
  runUntil: LegalTime.optional(),
  /** what the run must show (tests check it) */
  expect: z
    .strictObject({
      stage: z.string().optional(),
      outcome: z.string().nullable().optional(),
      /** rule id → date (YYYY-MM-DD) of deadlines computed during the run */
      deadlines: z.record(z.string(), z.iso.date()).optional(),
    })
    .optional(),
});
export type Scenario = z.output<typeof ScenarioSchema>;
