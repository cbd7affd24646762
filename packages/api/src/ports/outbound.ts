/**
 * Outbound HTTP for the fetch-based ports: only to the configured cloud's origins, always with a
 * timeout. A URL outside the allow list is a programming error here (callers build URLs from
 * validated ids), so it is refused before any byte leaves.
 */
import { CoreError } from "@boxafe-connect/core";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface OutboundOptions {
  readonly fetch: FetchLike;
  /** Origins (scheme://host[:port]) this port may call. */
  readonly allowedOrigins: readonly string[];
  /** Also allowed: https URLs whose host passes (a tenant's SharePoint host, e.g. contoso.sharepoint.com). */
  readonly allowHttpsHost?: (host: string) => boolean;
  readonly timeoutMs: number;
}

export function createOutbound(options: OutboundOptions): FetchLike {
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  return async (input, init) => {
    const url = new URL(input);
    const hostAllowed = url.protocol === "https:" && options.allowHttpsHost?.(url.host) === true;
    if (!(allowed.has(url.origin) || hostAllowed) || url.username !== "" || url.password !== "") {
      throw new CoreError(
        "internal_error",
        "Refused an outbound call to a host outside the configured cloud.",
      );
    }
    try {
      return await options.fetch(url.toString(), {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (cause) {
      const timedOut =
        cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      throw new CoreError(
        "unreachable",
        timedOut
          ? `${url.host} did not answer within ${options.timeoutMs} ms. Try again later.`
          : `Could not reach ${url.host}. Check the network and the configured cloud.`,
      );
    }
  };
}

/** Runs a port call under a deadline, for ports (msal-node, the Graph SDK) that take no AbortSignal. */
export async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
