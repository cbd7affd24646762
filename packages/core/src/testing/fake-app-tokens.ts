/**
 * An AppTokenPort for unit tests: unsigned JWTs whose `roles` a function decides per audience and
 * call (so "roles appear after N polls" and "wrong secret" are one line each).
 */
import { UnsecuredJWT } from "jose";
import { CoreError } from "../errors.js";
import type { AppTokenPort, AppTokenRequest } from "../verify/port.js";

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
        throw new CoreError("invalid_client_credentials", "The client secret is wrong or expired (fake).");
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
