/**
 * One tenant's app tokens for one fleet check: the first request per audience goes to the token service
 * (a fresh client-credentials token, whose roles the proof reads), and the check's Graph reads and
 * workload calls then present that same token instead of asking for a new one per `$batch` or call. So
 * each audience costs one token request per tenant, and what the report proves is the token the calls
 * used. A failed request is not remembered: the proof's retry asks the token service again.
 */
import type { AppTokenPort, AppTokenRequest } from "../verify/port.js";

function keyOf(request: AppTokenRequest): string {
  return `${request.tenantId}\n${request.clientId}\n${request.resource.replace(/\/+$/, "")}`;
}

export function tenantTokens(port: AppTokenPort): AppTokenPort {
  const issued = new Map<string, Promise<string>>();
  return {
    acquire(request) {
      const key = keyOf(request);
      const known = issued.get(key);
      if (known) return known;
      const pending = port.acquire(request);
      issued.set(key, pending);
      pending.catch(() => issued.delete(key));
      return pending;
    },
  };
}
