/**
 * One tenant's app tokens for one fleet check: the first request per audience goes to the token service
 * (a fresh client-credentials token, whose roles the proof reads), and the check's Graph reads and
 * workload calls then present that same token instead of asking for a new one per `$batch` or call. So
 * each audience costs one token request per tenant, and what the report proves is the token the calls
 * used. A failed request is not remembered: the proof's retry asks the token service again.
 * fleet rotate and retire use it too: one token per certificate serves its Graph calls (addKey,
 * every removeKey). A token is never handed out for another credential than the one it was issued
 * to: a new certificate's proof asks the token service itself, so it proves that certificate.
 */
import type { AppTokenPort, AppTokenRequest, ClientCredential } from "../verify/port.js";

/** Which credential asked: the certificate (public), the secret, or the signed assertions. */
function credentialKey(credential: ClientCredential): string {
  switch (credential.kind) {
    case "certificate":
      return `certificate\n${credential.certificatePem.replace(/\s+/g, "")}`;
    case "secret":
      return `secret\n${credential.secret}`;
    case "assertions":
      return `assertions\n${JSON.stringify(credential.byResource)}`;
  }
}

function keyOf(request: AppTokenRequest): string {
  const resource = request.resource.replace(/\/+$/, "");
  return `${request.tenantId}\n${request.clientId}\n${resource}\n${credentialKey(request.credential)}`;
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
