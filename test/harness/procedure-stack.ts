// The servers a procedure's Temporal test runs on: a fresh database and a real SMTP server per file,
// the worker's activities on them, and a fresh time-skipping server per test.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv } from './temporal.js';
import { freshDatabase, type FreshDatabase } from './postgres.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';

export interface ProcedureStack {
  env: TestWorkflowEnvironment;
  db: FreshDatabase;
  smtp: TestSmtpServer;
  activities: ReturnType<typeof buildActivities>;
}

/** Registers the hooks; the fields are set once the hooks have run (use them inside tests). */
export function procedureStack(): ProcedureStack {
  const s = {} as ProcedureStack;
  beforeAll(async () => {
    [s.db, s.smtp] = await Promise.all([freshDatabase(), startSmtpServer()]);
    s.activities = buildActivities(s.db.pool, { mail: { host: s.smtp.host, port: s.smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
  });
  beforeEach(async () => {
    s.env = await timeSkippingEnv();
  });
  afterEach(async () => {
    await s.env?.teardown();
  });
  afterAll(async () => {
    if (s.activities) await closeBuiltActivities(s.activities);
    await s.smtp?.close();
    await s.db?.close();
  });
  return s;
}
