/**
 * Proof, not hope: a fresh client-credentials token for Microsoft Graph with exactly this
 * credential. A new secret or certificate takes seconds to minutes to reach every Entra replica
 * (AADSTS7000215 / 700027 meanwhile; AADSTS700016 for an app made moments ago), so "not yet" is retried with backoff until `withinMs`. A
 * token service that cannot answer for now (429 / AADSTS90055 throttling, 5xx, no network) is asked
 * again in the same window, waiting its Retry-After (found by QA: one throttled token answer ended
 * `secret rotate` and removed the new secret); still failing at the end, that error is thrown.
 * Anything else is thrown at once for the caller to handle.
 */
import { resourceByKey } from "../catalog/resources.js";
import type { CloudEndpoints } from "../clouds.js";
import { isCoreError } from "../errors.js";
import { backoffMs, retryPolicy } from "../graph/retry-policy.js";
import type { RuntimePorts } from "../ports.js";
import type { AppTokenPort, ClientCredential } from "../verify/port.js";
import { tokenErrorWait } from "../verify/token-response.js";

export interface ProveDeps extends RuntimePorts {
  readonly appToken: AppTokenPort;
}

export interface ProveInput {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  readonly cloud: CloudEndpoints;
  /** How long a new credential may take to work (replication), default 2 min. */
  readonly withinMs?: number;
}

const PROVE = retryPolicy({ baseMs: 1_000, capMs: 10_000 });

export function graphAudience(cloud: CloudEndpoints): string {
  return cloud.name === "sandbox"
    ? (resourceByKey("microsoft-graph").tokenAudience ?? "")
    : cloud.graphBaseUrl;
}

/** True once a token was issued with the credential; false when it never worked within the window. */
export async function proveCredential(deps: ProveDeps, input: ProveInput): Promise<boolean> {
  const deadline = deps.clock.now() + (input.withinMs ?? 120_000);
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.appToken.acquire({
        tenantId: input.tenantId,
        clientId: input.clientId,
        credential: input.credential,
        resource: graphAudience(input.cloud),
      });
      return true;
    } catch (error) {
      if (!isCoreError(error)) throw error;
      // "Not yet" is any propagation answer, not only a refused credential: right after setup the
      // token service may not know the app itself (AADSTS700016, or 7000229: no service principal).
      const notYet = error.code === "invalid_client_credentials" || tokenErrorWait(error) === "propagation";
      if (!notYet && tokenErrorWait(error) !== "retry") throw error;
      const delay = Math.max(backoffMs(PROVE, attempt, deps.random), (error.retryAfterSeconds ?? 0) * 1000);
      if (deps.clock.now() + delay > deadline) {
        if (notYet) return false;
        throw error;
      }
      await deps.sleep(delay);
    }
  }
}
