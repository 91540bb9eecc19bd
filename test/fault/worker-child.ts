// A worker in a process of its own, for the fault-injection suite to kill -9: the workflows as
// bundled by the test setup, the real activities on the test database, e-mail to the test SMTP.
//   node --import tsx test/fault/worker-child.ts ADDRESS NAMESPACE TASK_QUEUE DATABASE_URL BUNDLE SMTP_PORT
import pg from 'pg';
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { buildActivities } from '../../worker/activities.js';

const [address, namespace, taskQueue, databaseUrl, bundlePath, smtpPort] = process.argv.slice(2) as [string, string, string, string, string, string];
Runtime.install({ logger: new DefaultLogger('ERROR') });
const connection = await NativeConnection.connect({ address });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
// as worker/runtime.ts: an idle connection cut by a stopped server is not the worker's end
pool.on('error', () => {});
const worker = await Worker.create({
  connection, namespace, taskQueue, workflowBundle: { codePath: bundlePath },
  activities: buildActivities(pool, { mail: { host: '127.0.0.1', port: Number(smtpPort), from: 'tartip@example.kz', ignoreTLS: true } }),
  // a killed worker's sticky tasks go back to the shared queue quickly
  stickyQueueScheduleToStartTimeout: '2s',
});
process.stdout.write('worker ready\n');
await worker.run();
