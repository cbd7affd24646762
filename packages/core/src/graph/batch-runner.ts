/**
 * Runs independent Graph requests as JSON $batch calls: chunks of at most 20 sent in parallel, then
 * retries exactly the retryable sub-requests (throttling, replication lag, lost responses) with
 * capped exponential backoff inside one shared time budget.
 *
 * Honest retries: an answer that may have come after the write committed (the connection dropped,
 * a 503/504 sub-response, any failure of the whole $batch call) is "maybe committed". Idempotent
 * requests are sent again; the others (`onLost: "report"`, e.g. addPassword) come back as `lost`
 * so that the caller re-reads and sweeps instead of resending blindly. A 429 sub-response was
 * refused before it ran (learn.microsoft.com/graph/throttling) and is sent again. Retry-After is
 * waited out exactly as sent while the budget allows; when it does not, the run stops with the
 * wait in the error (`retryAfterSeconds`) instead of retrying earlier than Graph asked.
 */
import { CoreError, isCoreError } from "../errors.js";
import type { RuntimePorts } from "../ports.js";
import { chunksOf, wire } from "./batch-order.js";
import {
  classifyResponse,
  isThrottleStatus,
  type RequestTraits,
  type RetryAfter,
  retryAfterDelay,
} from "./graph-error.js";
import type { GraphPort, GraphRequest, GraphResponse } from "./port.js";
import { backoffMs, type RetryPolicy, retryPolicy } from "./retry-policy.js";
import { isGraphTransportError } from "./transport-error.js";

export interface RunRequest extends GraphRequest, RequestTraits {
  /**
   * What to do when the response never arrived: "resend" for idempotent requests (upserts, PATCH
   * of a whole value, POSTs whose duplicate answers "already exists"); "report" hands a `lost`
   * result back to the caller, which must re-read before sending again (addPassword, addKey).
   * "report" also applies to answers that are maybe committed (503/504, a failed whole $batch).
   */
  readonly onLost?: "resend" | "report";
}

export type RunResult =
  | { readonly kind: "ok" | "exists" | "absent"; readonly response: GraphResponse }
  | { readonly kind: "lost" }
  /** Only with `keepGoing`: a final failure of this request, while the others ran to the end. */
  | { readonly kind: "failed"; readonly error: CoreError };

export interface RunOptions {
  /**
   * Finish every other request before reporting a final failure, so the caller can undo what
   * succeeded beside it (a secret added in the same batch). Default: throw at the first failure.
   */
  readonly keepGoing?: boolean;
}

export interface GraphDeps extends RuntimePorts {
  readonly graph: GraphPort;
  readonly retry?: Partial<RetryPolicy>;
}

/** One budget shared by every step of a run (observe, apply waves, recovery reads). */
export interface RetryBudget {
  readonly policy: RetryPolicy;
  readonly deadline: number;
}

export function startBudget(deps: GraphDeps): RetryBudget {
  const policy = retryPolicy(deps.retry);
  return { policy, deadline: deps.clock.now() + policy.budgetMs };
}

type RetryReason = "throttled" | "lag" | "lost";

interface PendingRetry {
  readonly request: RunRequest;
  readonly reason: RetryReason;
  readonly retryAfter: RetryAfter | undefined;
  /** The write may have happened (lost answer, 503/504, whole $batch failed): resend only if idempotent. */
  readonly maybeCommitted: boolean;
}

function budgetError(reason: RetryReason): CoreError {
  if (reason === "throttled") {
    return new CoreError(
      "throttled",
      "Microsoft Graph kept throttling or was unavailable beyond the retry budget. Wait a few minutes and re-run; nothing is duplicated.",
    );
  }
  if (reason === "lag") {
    return new CoreError(
      "replication_timeout",
      "Entra ID has not finished replicating the new objects within the retry budget. Re-run in a few minutes; the run continues where it stopped.",
    );
  }
  return new CoreError(
    "unreachable",
    "Responses from Microsoft Graph kept getting lost (network). Check the connection and re-run; nothing is duplicated.",
  );
}

function transportFailure(error: unknown, requests: readonly RunRequest[]): PendingRetry[] {
  // The token source refused for now (an app's fresh client-credentials token per $batch, as
  // certificate rotate/retire use: 429 AADSTS90055): nothing was sent, so every request goes again
  // after its Retry-After (found by QA: one throttled token answer ended certificate rotate).
  if (isCoreError(error) && error.code === "throttled") {
    const retryAfter =
      error.retryAfterSeconds === undefined ? undefined : { afterMs: error.retryAfterSeconds * 1000 };
    return requests.map((request) => ({ request, reason: "throttled", retryAfter, maybeCommitted: false }));
  }
  if (!isGraphTransportError(error)) throw error;
  if (error.kind === "network") {
    return requests.map((request) => ({
      request,
      reason: "lost",
      retryAfter: undefined,
      maybeCommitted: true,
    }));
  }
  const status = error.status ?? 0;
  if (isThrottleStatus(status)) {
    // Graph does not say which sub-requests of a failed $batch ran: every one is maybe committed.
    return requests.map((request) => ({
      request,
      reason: "throttled",
      retryAfter: error.retryAfter,
      maybeCommitted: true,
    }));
  }
  if (status === 401) {
    throw new CoreError(
      "token_expired",
      "The sign-in expired or was rejected by Microsoft Graph. Sign in again and re-run.",
      {
        status,
        upstreamCode: error.upstreamCode,
      },
    );
  }
  throw new CoreError("graph_request_failed", `The Microsoft Graph $batch call failed with HTTP ${status}.`, {
    status,
    upstreamCode: error.upstreamCode,
  });
}

export async function runRequests(
  deps: GraphDeps,
  requests: readonly RunRequest[],
  budget: RetryBudget = startBudget(deps),
  options: RunOptions = {},
): Promise<Map<string, RunResult>> {
  const results = new Map<string, RunResult>();
  let pending: readonly RunRequest[] = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const chunks = chunksOf(pending);
    const settled = await Promise.allSettled(
      chunks.map((c) => {
        const sent = new Set(c.map((r) => r.id));
        return deps.graph.batch(c.map((r) => wire(r, sent)));
      }),
    );
    const retries: PendingRetry[] = [];
    settled.forEach((outcome, i) => {
      const sent = chunks[i] ?? [];
      if (outcome.status === "rejected") {
        retries.push(...transportFailure(outcome.reason, sent));
        return;
      }
      const byId = new Map(outcome.value.map((r) => [r.id, r]));
      const blocked: RunRequest[] = [];
      for (const request of sent) {
        const response = byId.get(request.id);
        if (response === undefined) {
          retries.push({ request, reason: "lost", retryAfter: undefined, maybeCommitted: true });
          continue;
        }
        // 424: Graph did not run it because a request it depends on failed; it follows that request.
        if (response.status === 424 && (request.dependsOn?.length ?? 0) > 0) {
          blocked.push(request);
          continue;
        }
        const verdict = classifyResponse(response, request);
        if (verdict.kind === "fail") {
          if (!options.keepGoing) throw verdict.error;
          results.set(request.id, { kind: "failed", error: verdict.error });
          continue;
        }
        if (verdict.kind === "retry")
          retries.push({
            request,
            reason: verdict.reason,
            retryAfter: verdict.retryAfter,
            // 429 is refused before it runs; 503/504 may come from a gateway after the write.
            maybeCommitted: verdict.reason === "throttled" && response.status !== 429,
          });
        else results.set(request.id, { kind: verdict.kind, response });
      }
      for (const request of blocked) {
        const on = request.dependsOn ?? [];
        const failed = on.map((d) => results.get(d)).find((r) => r?.kind === "failed");
        if (failed?.kind === "failed") {
          // Only with keepGoing (otherwise the dependency's failure has thrown already).
          results.set(request.id, { kind: "failed", error: failed.error });
          continue;
        }
        const retried = retries.find((r) => on.includes(r.request.id));
        // It never ran (424), so it is sent again with its dependency whatever its onLost says.
        retries.push({
          request,
          reason: retried?.reason ?? "lost",
          retryAfter: retried?.retryAfter,
          maybeCommitted: false,
        });
      }
    });
    const resend: RunRequest[] = [];
    for (const retry of retries) {
      if (retry.maybeCommitted && retry.request.onLost === "report")
        results.set(retry.request.id, { kind: "lost" });
      else resend.push(retry.request);
    }
    pending = resend;
    // A throttled write handed back as lost still waits out its Retry-After before the caller's re-read.
    const paced = resend.length > 0 ? retries : retries.filter((r) => r.reason === "throttled");
    if (paced.length === 0) break;
    await waitBeforeRetry(deps, budget, attempt, paced);
  }
  return results;
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/** Graph asked for a wait this run cannot afford: stop, say how long, never retry early. */
function waitTooLong(waitMs: number, leftMs: number): CoreError {
  const wait = seconds(waitMs);
  return new CoreError(
    "throttled",
    `Microsoft Graph asked to wait ${wait} s before retrying (Retry-After), more than the ${seconds(Math.max(0, leftMs))} s this run has left. Wait ${wait} s and re-run; nothing is duplicated.`,
    { retryAfterSeconds: wait },
  );
}

async function waitBeforeRetry(
  deps: GraphDeps,
  budget: RetryBudget,
  attempt: number,
  retries: readonly PendingRetry[],
): Promise<void> {
  const { policy } = budget;
  const now = deps.clock.now();
  let delay = 0;
  let asked = 0;
  for (const retry of retries) {
    if (retry.retryAfter === undefined) delay = Math.max(delay, backoffMs(policy, attempt, deps.random));
    else {
      const wait = retryAfterDelay(retry.retryAfter, now);
      asked = Math.max(asked, wait);
      delay = Math.max(delay, wait);
    }
  }
  const left = budget.deadline - now;
  if (asked > 0 && (asked > left || asked > (policy.maxRetryAfterMs ?? Number.POSITIVE_INFINITY)))
    throw waitTooLong(asked, Math.min(left, policy.maxRetryAfterMs ?? left));
  const worst =
    retries.find((r) => r.reason === "lag") ?? retries.find((r) => r.reason === "throttled") ?? retries[0];
  if (now + delay > budget.deadline) throw budgetError(worst?.reason ?? "lost");
  deps.progress?.({
    phase: "retry",
    message: `Retrying ${retries.length} request(s) in ${Math.ceil(delay / 100) / 10} s (${worst?.reason ?? "lost"})`,
  });
  await deps.sleep(delay);
}
