/**
 * An upstream 429 ends the request with our 429 and the upstream's Retry-After. Core's verify
 * records a failed token as a report line and polls on; for a throttled token endpoint that would
 * keep hitting Entra from our egress address, so the API stops at the first throttled answer and
 * hands the wait to the caller.
 */
import type { AppTokenPort } from "@boxafe-connect/core";
import { isCoreError } from "@boxafe-connect/core";

/** What a caller is told to wait when the upstream throttled without saying how long. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** Not a CoreError on purpose: core's verify catches those into its report; this one must end the request. */
export class UpstreamThrottled extends Error {
  override readonly name = "UpstreamThrottled";
  constructor(
    readonly retryAfterSeconds: number,
    readonly upstreamCode: string | undefined,
  ) {
    super("The token service is throttling requests for this tenant or app.");
  }
}

export function retryAfterSecondsOf(retryAfterSeconds: number | undefined): number {
  return retryAfterSeconds === undefined
    ? DEFAULT_RETRY_AFTER_SECONDS
    : Math.max(1, Math.ceil(retryAfterSeconds));
}

export function passThrottling(port: AppTokenPort): AppTokenPort {
  return {
    async acquire(request) {
      try {
        return await port.acquire(request);
      } catch (error) {
        if (isCoreError(error) && error.code === "throttled") {
          throw new UpstreamThrottled(retryAfterSecondsOf(error.retryAfterSeconds), error.upstreamCode);
        }
        throw error;
      }
    },
  };
}
