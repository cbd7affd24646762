/**
 * What a GraphPort rejects with when the $batch call itself failed (not a sub-request):
 * "network" = the response never arrived (the writes in it may or may not have been committed);
 * "http" = the outer $batch got an error status.
 */
import type { RetryAfter } from "./graph-error.js";

export class GraphTransportError extends Error {
  override readonly name = "GraphTransportError";
  readonly kind: "network" | "http";
  readonly status: number | undefined;
  readonly retryAfter: RetryAfter | undefined;
  readonly upstreamCode: string | undefined;

  constructor(
    kind: "network" | "http",
    message: string,
    options: { status?: number; retryAfter?: RetryAfter; upstreamCode?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.upstreamCode = options.upstreamCode;
  }
}

export function isGraphTransportError(value: unknown): value is GraphTransportError {
  return value instanceof GraphTransportError;
}
