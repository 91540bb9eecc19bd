// Temporal environments for tests, on the binaries the project provisioned (never downloaded
// by the SDK): time skipping for timers, the real dev server for updates and visibility.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { NEXT_DEADLINE, PROCEDURE, SEARCH_ATTRIBUTE_FLAGS, STAGE, UNIT } from '../../workflows/search-attributes.js';

const { IndexedValueType } = proto.temporal.api.enums.v1;

/**
 * Time-skipping test server: timers of months pass in seconds. Do not share between concurrent
 * tests. It knows no custom search attributes until told (AddSearchAttributes is implemented there).
 */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
  });
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTE_FLAGS).map(([name, type]) => [name, type === 'Keyword' ? IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD : IndexedValueType.INDEXED_VALUE_TYPE_DATETIME]),
  );
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
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
