// The tartip worker: all procedure workflows and all activities on one task queue.
import { createRequire } from 'node:module';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const require = createRequire(import.meta.url);
export const WORKFLOWS_PATH = require.resolve('../workflows/index.ts');

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

const noop = () => {};
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => console.error(m), log: noop };

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: object;
  workflowBundle?: WorkflowBundleWithSourceMap | { codePath: string };
  /** workflows kept in memory between tasks; the others are replayed when they next have work */
  maxCachedWorkflows?: number;
}

/**
 * Bounded: the SDK's default (about 2,300 for a 4 GiB heap) holds more than fits, and the heap
 * fills past a few thousand open procedures (issue 14). A procedure evicted from the cache waits
 * on its timers in Temporal, not in memory.
 */
export const DEFAULT_WORKFLOW_CACHE = 100;

export function createWorker(o: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    activities: o.activities,
    maxCachedWorkflows: o.maxCachedWorkflows ?? DEFAULT_WORKFLOW_CACHE,
    ...(o.workflowBundle ? { workflowBundle: o.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
