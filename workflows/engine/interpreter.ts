// The one interpreter workflow: runs any procedure specification on Temporal. Acts are Updates
// (validators refuse before anything is written; handlers run one at a time, in arrival order,
// and return the new state); deadlines are timers; records and notices go through idempotent
// activities. Compare temporalio/samples-typescript `dsl-interpreter`.
import {
  ActivityFailure,
  ApplicationFailure,
  TemporalFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { StatuteError } from '../../statute/errors.js';
import type { TartipActivities } from '../../worker/activities.js';
import { asFailure, legalNow, msUntil, notify, pinned, recordAct, recordStep, registerProcedure, useLegalClock } from '../common.js';
import type { Actor, ProcedureState, StartBase } from '../procedure.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from '../search-attributes.js';
import { parseInput, Pipeline } from './pipeline.js';
import type { ProcedureSpec } from './spec.js';
import type { z } from 'zod';

export const stateQuery = defineQuery<ProcedureState>('state');

const io = proxyActivities<TartipActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['RecordsInputError', 'SignatureImportRejected', 'IdempotencyConflictError'] },
});

/** One at a time, in arrival order: acts, timers and deliveries never interleave. */
function turnstile() {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(fn: () => Promise<T>): Promise<T> => {
    run.pending++;
    const r = tail.then(fn).finally(() => run.pending--);
    tail = r.catch(() => undefined);
    return r;
  };
  run.pending = 0;
  return run;
}

type Input = z.output<typeof StartBase>;

export async function runProcedure<F, S extends string, I extends Input>(spec: ProcedureSpec<F, S, I>, raw: unknown): Promise<ProcedureState> {
  let input: I;
  try {
    input = parseInput(spec.input, raw, `${spec.workflowType} input`);
  } catch (e) {
    throw asFailure(e);
  }
  useLegalClock(input.simulation);
  const { edition, calendar } = pinned(input.editionId, input.calendarRef);
  const { workflowId } = workflowInfo();
  // a step's records and notices in one transaction (one activity); histories recorded before
  // this patch wrote each record by its own activity and replay as they were
  const whole = patched('record-step');
  const p = new Pipeline(spec, input, edition, calendar, input.calendarRef, legalNow, {
    record: async (step, a) => {
      await recordAct(step, { ...a, citation: a.citation ?? null, editionId: edition.id });
    },
    ...(whole ? {
      step: async (records, notices) => {
        await recordStep(records.map(({ step, act }) => ({ step, act: { ...act, citation: act.citation ?? null, editionId: edition.id } })), notices);
      },
    } : {}),
  }, workflowId);
  const b = p.book;
  b.patched = patched;
  const turn = turnstile();
  let started = false;
  let ready = false;

  // no state before the start's checks have passed: a refused start fails the workflow, and
  // the API answers with its refusal rather than a state
  setHandler(stateQuery, () => {
    if (!started) throw new Error('the procedure is starting');
    return p.state();
  });
  let published = '';
  const publish = (): void => {
    const next = b.nextTimer();
    const key = `${b.stage}|${next?.period.instant ?? ''}`;
    if (key === published) return;
    published = key;
    upsertSearchAttributes([
      { key: STAGE, value: b.stage },
      { key: NEXT_DEADLINE, value: next ? new Date(next.period.instant) : null },
    ] as never);
  };

  // the start is first in line: an act delivered with the first task (Temporal hands buffered
  // Updates to setHandler at once) waits for it
  const starting = turn(async () => {
    try {
      await p.start(io, new Date(legalNow()).toISOString());
    } catch (e) {
      throw asFailure(e);
    }
    started = true;
    upsertSearchAttributes([
      { key: PROCEDURE, value: spec.kind },
      ...(spec.unit || input.unit ? [{ key: UNIT, value: spec.unit ? spec.unit(input) : input.unit }] : []),
    ] as never);
    publish();
    // the ledger's acts need the procedure registered first
    await registerProcedure({ procedureId: workflowId, kind: spec.kind, editionId: edition.id, calendarId: calendar.ref, startedBy: input.startedBy.id, input });
    await p.flush();
    ready = true;
  });

  for (const name of Object.keys(p.acts)) {
    setHandler(
      defineUpdate<ProcedureState, [unknown]>(name),
      (a) =>
        turn(async () => {
          try {
            await p.perform(name, a, io);
          } catch (e) {
            throw asFailure(e);
          }
          return p.state();
        }),
      {
        validator: (a) => {
          if (!ready) return; // checked at its turn, once the start has run
          try {
            p.validate(name, a);
          } catch (e) {
            throw asFailure(e);
          }
        },
      },
    );
  }



  await starting;

  // notices: delivered one by one, apart from acts (an outage delays notices, never acts)
  let delivering = false;
  const deliver = async (): Promise<void> => {
    for (;;) {
      await condition(() => p.outbox.length > 0);
      const e = p.outbox[0]!;
      delivering = true;
      try {
        await notify(e.key, e.notice);
        await turn(() => p.system(`delivery ${e.step}`, () => p.delivered(e), () => b.noticeDone(e.step, { sent: true })));
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        const reason = err.cause instanceof ApplicationFailure ? `${err.cause.type ?? 'Error'}: ${err.cause.message}` : String(err.cause?.message ?? err.message);
        await turn(() => p.system(`undeliverable ${e.step}`, () => p.undeliverable(e, reason), () => b.noticeDone(e.step, { sent: false, reason })));
      }
      p.outbox.shift();
      delivering = false;
    }
  };
  void deliver();

  const idle = () => turn.pending === 0 && p.outbox.length === 0 && !delivering;
  for (;;) {
    publish();
    if (b.ended()) {
      // ended: once the last act's records are written and its notices delivered
      await condition(() => idle() && allHandlersFinished());
      if (b.ended()) break;
      continue;
    }
    const next = b.nextTimer();
    const v = b.version;
    const changed = next ? await condition(() => b.version !== v, msUntil(next.period.instant)) : await condition(() => b.version !== v).then(() => true);
    if (changed) continue;
    await turn(async () => {
      const d = b.deadline(next!.rule);
      if (!d || d.overdue || b.clock.suspended || msUntil(d.period.instant) > 0) return;
      await p.system(`expiry ${d.rule}`, () => p.expire(d, io), () => b.fired(d.rule));
    });
  }
  publish();
  const next = spec.next?.(b, input);
  if (next) await continueAsNew<(i: I) => Promise<ProcedureState>>(next);
  return p.state();
}

export type { Actor };
