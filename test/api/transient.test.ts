// What the API answers when Temporal cannot do it now: the same act is tried again (its Update id
// dedups it), then 503 with Retry-After; a refusal of the procedure is never taken for that. The
// same for a PostgreSQL that cannot be reached now.
import { describe, expect, it } from 'vitest';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import pg from 'pg';
import { fromTemporal, isDatabaseUnavailable, isTransient } from '../../client/http/errors.js';
import { freePort } from '../../worker/temporal-server.js';

const grpc = (code: number, details = 'x') => Object.assign(new Error(details), { code, details, metadata: {} });

describe('transient Temporal errors', () => {
  it.each([
    ['unavailable', grpc(14)],
    ['deadline exceeded', grpc(4)],
    ['resource exhausted', grpc(8)],
    ['aborted (workflow update was aborted)', grpc(10, 'workflow update was aborted')],
    ['a service error wrapping an aborted call', new ServiceError('update failed', { cause: grpc(10, 'workflow update was aborted') })],
    ['an Update call that timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', { cause: grpc(4) })],
  ])('%s: retried, then 503', (_n, e) => {
    expect(isTransient(e)).toBe(true);
    expect(fromTemporal(e, { lang: 'en' }).status).toBe(503);
  });

  it.each([
    ['not found', grpc(5)],
    ['invalid argument', grpc(3)],
    ['a legal refusal', ApplicationFailure.create({ type: 'Refused:too_late', nonRetryable: true, message: 'late' })],
    ['a plain error', new Error('boom')],
  ])('%s: not transient', (_n, e) => {
    expect(isTransient(e)).toBe(false);
  });
});

describe('PostgreSQL that cannot be reached now', () => {
  it('a refused connection (a real one, to a closed port) is 503 unavailable', async () => {
    const c = new pg.Client({ host: '127.0.0.1', port: await freePort(), user: 'x', password: 'x', database: 'x' });
    const e = await c.connect().then(() => null, (err: unknown) => err);
    expect(isDatabaseUnavailable(e)).toBe(true);
    expect(fromTemporal(e, { lang: 'en' }).status).toBe(503);
  });

  it.each([
    ['shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection cut', new Error('Connection terminated unexpectedly')],
  ])('%s: 503', (_n, e) => {
    expect(fromTemporal(e, { lang: 'en' }).status).toBe(503);
  });

  it('a refusal of the data (23505) is not taken for that', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
