// How the API and the CLI talk to Temporal. The SDK retries an unreachable server (UNAVAILABLE) for
// about 20 s before it gives up; a person waiting on a read or an act is told within about a second
// instead (503 unavailable, Retry-After), and the channel reconnects within 2 s once Temporal is back.
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

const UNAVAILABLE = 14;

/** Connection options: the SDK's retries, but UNAVAILABLE only while `budgetMs` has not passed. */
export function temporalConnectionOptions(budgetMs = 1_000): Pick<ConnectionOptions, 'interceptors' | 'channelArgs'> {
  const base = defaultGrpcRetryOptions();
  return {
    interceptors: [
      (options, nextCall) => {
        const started = Date.now();
        return makeGrpcRetryInterceptor({
          delayFunction: base.delayFunction,
          retryableDecider: (attempt, status) =>
            base.retryableDecider(attempt, status) && (status.code !== UNAVAILABLE || Date.now() - started + base.delayFunction(attempt, status) <= budgetMs),
        })(options, nextCall);
      },
    ],
    // gRPC's default reconnect backoff grows to 120 s: a Temporal that is back would stay unused that long
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 250, 'grpc.max_reconnect_backoff_ms': 2_000 },
  };
}

/** A read's deadline: a Temporal that accepts connections but does not answer (hung, overloaded) is a 503 after this. */
export const READ_DEADLINE_MS = 5_000;
