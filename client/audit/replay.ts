// Replays Temporal histories against today's workflow code: a change that would break running
// procedures shows here as the first divergence (DeterminismViolationError) instead of in production.
import type { Client } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { HistoryJson } from './history.js';

export type ReplayBundle = WorkflowBundleWithSourceMap | { codePath: string };

export interface ReplayOutcome {
  workflowId: string;
  ok: boolean;
  /** DeterminismViolationError (code diverged) or another failure of the replay */
  error?: { name: string; message: string };
}

function outcome(workflowId: string, e: unknown): ReplayOutcome {
  if (!e) return { workflowId, ok: true };
  const err = e as Error;
  return { workflowId, ok: false, error: { name: err.name ?? 'Error', message: err.message ?? String(e) } };
}

export async function replayHistory(bundle: ReplayBundle, history: HistoryJson, workflowId: string): Promise<ReplayOutcome> {
  try {
    await Worker.runReplayHistory({ workflowBundle: bundle }, historyFromJSON(history), workflowId);
    return { workflowId, ok: true };
  } catch (e) {
    return outcome(workflowId, e);
  }
}

/** Replays many histories with one replay worker. */
export async function replayHistories(bundle: ReplayBundle, items: AsyncIterable<{ workflowId: string; history: HistoryJson }> | Iterable<{ workflowId: string; history: HistoryJson }>): Promise<ReplayOutcome[]> {
  async function* gen() {
    for await (const i of items as AsyncIterable<{ workflowId: string; history: HistoryJson }>) yield { workflowId: i.workflowId, history: historyFromJSON(i.history) };
  }
  const out: ReplayOutcome[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, gen())) out.push(outcome(r.workflowId, r.error));
  return out;
}

/** Every execution a visibility query finds (default: all tartip procedures), replayed. */
export async function replayFromServer(client: Client, bundle: ReplayBundle, query = 'TartipProcedure IS NOT NULL'): Promise<ReplayOutcome[]> {
  const out: ReplayOutcome[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, client.workflow.list({ query }).intoHistories())) {
    out.push(outcome(r.workflowId, r.error));
  }
  return out;
}

export function summarise(results: ReplayOutcome[]): { total: number; deterministic: number; diverged: number; failed: number } {
  const diverged = results.filter((r) => r.error?.name === 'DeterminismViolationError').length;
  const deterministic = results.filter((r) => r.ok).length;
  return { total: results.length, deterministic, diverged, failed: results.length - deterministic - diverged };
}
