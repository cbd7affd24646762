/**
 * The one place that maps core error codes to HTTP statuses and builds the error body
 * `{ code, message, field, requestId }`. Unknown errors become a generic 500: no stack, no cause,
 * no upstream text, so nothing the caller sent (a secret, a token) can come back in an error.
 */
import type { ErrorCode } from "@boxafe-connect/core";
import { CoreError, isCoreError } from "@boxafe-connect/core";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { retryAfterSecondsOf, UpstreamThrottled } from "./ports/throttle-passthrough.js";

export const statusByCode: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_input: 400,
  invalid_profile: 400,
  unknown_permission: 400,
  secret_lifetime_too_long: 400,
  unauthenticated: 401,
  token_expired: 401,
  sign_in_failed: 401,
  invalid_client_credentials: 401,
  insufficient_role: 403,
  access_denied: 403,
  secrets_not_allowed: 403,
  not_found: 404,
  unsafe_operation: 409,
  preflight_failed: 409,
  verification_incomplete: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  throttled: 429,
  internal_error: 500,
  invalid_transition: 500,
  graph_request_failed: 502,
  replication_timeout: 503,
  unreachable: 504,
};

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field: string | null;
  readonly upstreamCode?: string;
  readonly requestId: string;
}

export interface MappedError {
  readonly status: ContentfulStatusCode;
  readonly body: ErrorBody;
  /**
   * Seconds for the Retry-After header: whenever the error carries a wait (a throttled use case, a
   * 503 that says when to come back), and on every 429 (the upstream's own wait when it sent one).
   */
  readonly retryAfterSeconds?: number;
}

const GENERIC = "Something went wrong on our side. Try again; if it persists, report the request id.";

/** Status from Hono's own HTTPExceptions (malformed JSON, body limit) to one of our codes. */
function codeForHttpStatus(status: number): ErrorCode {
  if (status === 413) return "payload_too_large";
  if (status === 401) return "unauthenticated";
  if (status === 404) return "not_found";
  if (status === 429) return "throttled";
  if (status >= 400 && status < 500) return "invalid_input";
  return "internal_error";
}

function messageForHttpStatus(code: ErrorCode): string {
  switch (code) {
    case "payload_too_large":
      return "The request body is too large. Send a smaller body.";
    case "invalid_input":
      return "The request body is not valid JSON. Send a JSON object with Content-Type: application/json.";
    case "not_found":
      return "No such route. See /openapi.json for the operations.";
    default:
      return GENERIC;
  }
}

export function mapError(error: unknown, requestId: string): MappedError {
  if (error instanceof UpstreamThrottled) {
    return {
      status: 429,
      body: {
        code: "throttled",
        message: `${error.message} Retry after ${error.retryAfterSeconds} s.`,
        field: null,
        ...(error.upstreamCode === undefined ? {} : { upstreamCode: error.upstreamCode }),
        requestId,
      },
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (isCoreError(error)) {
    return {
      ...(error.code === "throttled" || error.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: retryAfterSecondsOf(error.retryAfterSeconds) }
        : {}),
      status: statusByCode[error.code],
      body: {
        code: error.code,
        // Programmer errors never carry their message out: it describes our code, not the caller's input.
        message: statusByCode[error.code] === 500 ? GENERIC : error.message,
        field: error.field ?? null,
        ...(error.upstreamCode === undefined ? {} : { upstreamCode: error.upstreamCode }),
        requestId,
      },
    };
  }
  if (error instanceof HTTPException) {
    const code = codeForHttpStatus(error.status);
    return {
      status: statusByCode[code],
      body: {
        code,
        message: messageForHttpStatus(code),
        field: code === "invalid_input" ? "body" : null,
        requestId,
      },
    };
  }
  return { status: 500, body: { code: "internal_error", message: GENERIC, field: null, requestId } };
}

export function errorBody(
  code: ErrorCode,
  message: string,
  field: string | null,
  requestId: string,
): ErrorBody {
  return { code, message, field, requestId };
}

/** Shorthand for route code: throw a typed error that onError maps. */
export function invalidInput(field: string, message: string): CoreError {
  return new CoreError("invalid_input", message, { field });
}
