/** Puts a deadline on every call an injected port makes (msal-node and the Graph SDK take no signal). */
import type { AppTokenPort, GraphPort } from "@boxafe-connect/core";
import { CoreError, GraphTransportError } from "@boxafe-connect/core";
import { withTimeout } from "./ports/outbound.js";

export function timedAppTokenPort(port: AppTokenPort, timeoutMs: number): AppTokenPort {
  return {
    acquire: (request) =>
      withTimeout(
        port.acquire(request),
        timeoutMs,
        () =>
          new CoreError(
            "unreachable",
            `The token service did not answer within ${timeoutMs} ms. Try again later.`,
          ),
      ),
  };
}

/** A Graph timeout is a lost response to core (the writes may have landed), so its retry rules apply. */
export function timedGraphPort(port: GraphPort, timeoutMs: number): GraphPort {
  return {
    batch: (requests) =>
      withTimeout(
        port.batch(requests),
        timeoutMs,
        () => new GraphTransportError("network", `Microsoft Graph did not answer within ${timeoutMs} ms.`),
      ),
  };
}
