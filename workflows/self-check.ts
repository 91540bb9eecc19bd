// An operational probe, not a legal procedure: a timer of N seconds. Operators (and the restart
// test) use it to prove that this deployment's timers fire, including across restarts.
import { sleep } from '@temporalio/workflow';
import { z } from 'zod';
import { parseOrRefuse } from './common.js';

export const SelfCheckInput = z.strictObject({ seconds: z.number().int().min(1).max(3600) });

export async function selfCheck(raw: z.input<typeof SelfCheckInput>): Promise<{ armedAt: string; firedAt: string }> {
  const { seconds } = parseOrRefuse(SelfCheckInput, raw, 'selfCheck input');
  const armedAt = new Date().toISOString();
  await sleep(seconds * 1000);
  return { armedAt, firedAt: new Date().toISOString() };
}
