/**
 * What `ews status|allow` and setup's EWS step share: the admin's Graph session (which app, which
 * tenant), the second sign-in for Exchange Online, and the ports of core's ews use case.
 */
import type { EwsDeps, EwsTarget, ObservedWithOrganization } from "@boxafe-connect/core";
import type { SignInOptions } from "../requests/session-request.js";
import type { Io, Target } from "../target/resolve-target.js";
import type { AdminSession } from "./admin-session.js";
import { signInExchange } from "./exchange-sign-in.js";

export interface EwsSession {
  readonly deps: EwsDeps;
  readonly target: EwsTarget;
}

export async function openEwsSession(
  io: Io,
  session: AdminSession,
  signIn: SignInOptions,
  observed: ObservedWithOrganization,
  appId: string,
): Promise<EwsSession> {
  return openEwsSessionOn(io, session.target, signIn, observed, appId);
}

/** The same from a target and a tenant already read (the wizard's and setup's end). */
export async function openEwsSessionOn(
  io: Io,
  target: Target,
  signIn: SignInOptions,
  observed: ObservedWithOrganization,
  appId: string,
): Promise<EwsSession> {
  const exchange = await signInExchange(io, target, signIn);
  const { createFetchHttpPort, nodePorts } = await import("@boxafe-connect/runtime");
  return {
    deps: { ...nodePorts(), http: createFetchHttpPort(), exchangeToken: exchange },
    target: {
      tenantId: observed.organization.id,
      initialDomain: observed.organization.initialDomain,
      cloud: target.endpoints,
      appId,
      adminUpn: exchange.username,
    },
  };
}
