// A procedure specification run without any server: the engine's own pipeline (the code the
// interpreter runs under Temporal) with records kept in memory and a legal clock set by the test.
import { StatuteError } from '../../statute/errors.js';
import { getEdition } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION, officialCalendar } from '../../statute/calendar/index.js';
import { InputRefusal, parseInput, Pipeline } from '../../workflows/engine/pipeline.js';
import type { RecordAct } from '../../workflows/engine/book.js';
import type { Io, ProcedureSpec } from '../../workflows/engine/spec.js';
import type { ProcedureState } from '../../workflows/procedure.js';

export const CALENDAR_REF = `kz-official@${LATEST_OFFICIAL_VERSION}`;

export interface PureRun {
  p: Pipeline<any, any, any>;
  /** the start input as parsed (pins and simulation filled in) */
  input: any;
  /** legal now, epoch ms */
  now(): number;
  records: { step: string; act: RecordAct }[];
  state(): ProcedureState;
  /** performs an act at `at`: null when accepted, else the refusal code ('invalid_input' for a schema) */
  act(name: string, input: Record<string, unknown>): Promise<string | null>;
  /** lets legal time pass to `iso`, firing every timer due on the way, in order */
  until(iso: string): Promise<void>;
}

export function refusalOf(e: unknown): string {
  if (e instanceof StatuteError) return e.body.code;
  if (e instanceof InputRefusal) return 'invalid_input';
  throw e;
}

/** Starts `spec` at `at` with `input` (edition and calendar pins filled in); `io` is fixture data. */
export async function startPure(spec: ProcedureSpec<any, any, any>, at: string, input: Record<string, unknown>, io: Partial<Io> = {}): Promise<PureRun> {
  let now = Date.parse(at);
  const records: PureRun['records'] = [];
  // parsed as the interpreter parses it: a bad input is a typed refusal naming the field
  const full = parseInput(spec.input, { editionId: getEdition('kz-148@2018-07-12').id, calendarRef: CALENDAR_REF, simulation: { legalStart: at }, ...input }, `${spec.workflowType} input`);
  const p = new Pipeline(spec, full, getEdition(full.editionId), officialCalendar(CALENDAR_REF), CALENDAR_REF, () => now, { record: async (step, act) => void records.push({ step, act }) });
  await p.start(io as Io, at);
  await p.flush();
  const deliver = async () => {
    // notices are delivered at once (what the spec counts from receipt runs now)
    for (let e = p.outbox.shift(); e; e = p.outbox.shift()) {
      const n = e;
      await p.system(`delivery ${n.step}`, () => p.delivered(n), () => p.book.noticeDone(n.step, { sent: true }));
    }
  };
  await deliver();
  const run: PureRun = {
    p, records, input: full, now: () => now,
    state: () => p.state(),
    async act(name, a) {
      const t = Date.parse(String(a.at));
      if (t > now) await run.until(String(a.at));
      try {
        await p.perform(name, a, io as Io);
      } catch (e) {
        return refusalOf(e);
      }
      await deliver();
      return null;
    },
    async until(iso) {
      const end = Date.parse(iso);
      for (let d = p.book.nextTimer(); d && Date.parse(d.period.instant) <= end; d = p.book.nextTimer()) {
        now = Math.max(now, Date.parse(d.period.instant));
        // as the interpreter does: the timer's step whole or not at all
        await p.system(`expiry ${d.rule}`, () => p.expire(d!, io as Io), () => p.book.fired(d!.rule));
        await deliver();
      }
      now = Math.max(now, end);
    },
  };
  return run;
}
