// Temporal environments for tests, on the binaries the project provisioned (never downloaded
// by the SDK): time skipping for timers, the real dev server for updates and visibility.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from '../../workflows/search-attributes.js';
import { createTimeSkippingEnv } from '../../worker/test-env.js';

/**
 * Time-skipping test server: timers of months pass in seconds. Do not share between concurrent
 * tests. Our search attributes are registered (worker/test-env.ts).
 */
export function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return createTimeSkippingEnv(inject('temporalTestServer'));
}

/** The real dev server (in memory): workflow Updates, visibility queries, search attributes. */
export function devServerEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: inject('temporalCli') },
      searchAttributes: [PROCEDURE, UNIT, STAGE, NEXT_DEADLINE],
      extraArgs: ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF'],
    },
  });
}

/** A worker on a fresh task queue with the workflows bundled once by the global setup. */
export async function testWorker(env: TestWorkflowEnvironment, activities: object = {}): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities,
  });
  return { worker, taskQueue };
}
