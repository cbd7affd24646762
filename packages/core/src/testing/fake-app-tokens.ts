/**
 * An AppTokenPort for unit tests: unsigned JWTs whose `roles` a function decides per audience and
 * call (so "roles appear after N polls" and "wrong secret" are one line each).
 */
import { UnsecuredJWT } from "jose";
import type { AppTokenPort, AppTokenRequest } from "../verify/port.js";
import { tokenError } from "../verify/token-response.js";

export interface FakeAppTokens extends AppTokenPort {
  readonly requests: readonly AppTokenRequest[];
}

export function fakeAppTokens(
  rolesFor: (audience: string, call: number) => readonly string[] | "invalid_client",
): FakeAppTokens {
  const requests: AppTokenRequest[] = [];
  return {
    requests,
    async acquire(request) {
      requests.push(request);
      const roles = rolesFor(
        request.resource,
        requests.filter((r) => r.resource === request.resource).length,
      );
      if (roles === "invalid_client") {
        // What Entra answers for a secret it does not know (yet): 401 invalid_client AADSTS7000215.
        throw tokenError(
          { status: 401, error: "invalid_client", aadsts: 7000215 },
          `app ${request.clientId}`,
        );
      }
      return new UnsecuredJWT({
        aud: request.resource,
        tid: request.tenantId,
        appid: request.clientId,
        roles: [...roles],
      }).encode();
    },
  };
}
