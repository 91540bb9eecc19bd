// The time-skipping Temporal test server with tartip's search attributes registered: used by
// `tartip simulate` (client/simulate.ts) and by the tests (test/harness/temporal.ts).
import { TestWorkflowEnvironment } from '@temporalio/testing';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_FLAGS } from '../workflows/search-attributes.js';
import { provide } from './provision/temporal-binaries.js';

const { IndexedValueType } = proto.temporal.api.enums.v1;

/**
 * Starts the pinned test server (provisioned offline, never downloaded by the SDK) and registers
 * the search attributes every procedure upserts. `serverPath`: the binary, else `provide('testServer')`.
 * Do not share one environment between concurrent runs.
 */
export async function createTimeSkippingEnv(serverPath?: string): Promise<TestWorkflowEnvironment> {
  const path = serverPath ?? (await provide('testServer')).path;
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTE_FLAGS).map(([name, type]) => [
      name,
      type === 'Keyword' ? IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD : IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
    ]),
  );
  try {
    await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  } catch (e) {
    await env.teardown();
    throw e;
  }
  return env;
}
