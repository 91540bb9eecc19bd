// The worker's daily look at the record of acts (not a legal procedure): every procedure's hash
// chain is checked as it stands in PostgreSQL, and the auditors are told of any break with its
// place (activities/integrity.ts). Started by `npm start` with one fixed id; continues as new
// every 30 checks so its history stays small.
import { continueAsNew, defineQuery, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { z } from 'zod';
import type { TartipActivities } from '../worker/activities.js';
import { legalDateOf } from './engine/time.js';
import { parseInput } from './engine/pipeline.js';
import type { IntegrityBreak } from '../activities/integrity.js';

export const IntegrityWatchInput = z.strictObject({ everyHours: z.number().int().min(1).max(24 * 7).default(24), rounds: z.number().int().min(1).max(365).default(30) });
export interface IntegrityWatchState {
  checks: number;
  last: { at: string; checked: number; breaks: IntegrityBreak[]; alerted: string[] } | null;
}
export const integrityState = defineQuery<IntegrityWatchState>('state');

const acts = proxyActivities<TartipActivities>({ startToCloseTimeout: '30 minutes', retry: { maximumInterval: '10 minutes' } });

export async function integrityWatch(raw: z.input<typeof IntegrityWatchInput>): Promise<void> {
  const input = parseInput(IntegrityWatchInput, raw, 'integrityWatch input');
  const state: IntegrityWatchState = { checks: 0, last: null };
  setHandler(integrityState, () => state);
  for (let i = 0; i < input.rounds; i++) {
    const at = new Date().toISOString();
    const r = await acts.checkLedgers({});
    const alerted = r.breaks.length ? (await acts.alertAuditors({ date: legalDateOf(Date.parse(at)), breaks: r.breaks })).sent : [];
    state.checks++;
    state.last = { at, checked: r.checked, breaks: r.breaks, alerted };
    await sleep(input.everyHours * 3_600_000);
  }
  await continueAsNew<typeof integrityWatch>(input);
}
