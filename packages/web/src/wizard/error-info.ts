import type { ErrorCode } from "@boxafe-connect/core";
import type { ErrorInfo } from "../error-view.js";
import { errorGuides } from "../error-view.js";

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && code in errorGuides;
}

/**
 * Any thrown value as something the error view can show. Duck-typed (no instanceof) so the first
 * page need not load core's error class; unknown errors become internal_error without their text.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === "object" && error !== null) {
    const e = error as Record<string, unknown>;
    if (isKnownCode(e.code) && typeof e.message === "string") {
      return {
        code: e.code,
        message: e.message,
        ...(typeof e.field === "string" ? { field: e.field } : {}),
        ...(typeof e.requestId === "string" ? { requestId: e.requestId } : {}),
      };
    }
    if (e.name === "GraphTransportError") {
      return {
        code: e.kind === "network" ? "unreachable" : "graph_request_failed",
        message: String(e.message),
      };
    }
    if (
      e.name === "ChunkLoadError" ||
      (e instanceof TypeError && String(e.message).includes("dynamically imported"))
    ) {
      return { code: "unreachable", message: "Part of the page could not be loaded. Reload the page." };
    }
  }
  return { code: "internal_error", message: "An unexpected error stopped this step." };
}
