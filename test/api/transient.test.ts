// What the API answers when Temporal cannot do it now: the same act is tried again (its Update id
// dedups it), then 503 with Retry-After; a refusal of the procedure is never taken for that.
import { describe, expect, it } from 'vitest';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { fromTemporal, isTransient } from '../../client/http/errors.js';

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
