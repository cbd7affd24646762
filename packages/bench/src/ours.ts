/**
 * Our engine, composed the way the CLI composes it: observe -> plan -> apply through the Graph SDK
 * port (JSON $batch), then verify with fresh msal-node app tokens. Timed and counted per phase.
 */
import { performance } from "node:perf_hooks";
import {
  type ApplyResult,
  apply,
  boxafeProfile,
  confirmHandOver,
  countingGraphPort,
  desiredFrom,
  type GraphPort,
  type GraphStats,
  observe,
  type Permission,
  type Plan,
  plan,
  resolveProfile,
  sandboxEndpoints,
  uniqueNameFor,
  type VerificationReport,
  verify,
} from "@boxafe-connect/core";
import { createGraphPort, createMsalAppTokenPort, nodePorts } from "@boxafe-connect/runtime";

export const DISPLAY_NAME = "QNAP Boxafe";

export function boxafePermissions(): Permission[] {
  return resolveProfile(boxafeProfile);
}

export function graphPortFor(origin: string, getToken: () => Promise<string>): GraphPort {
  return createGraphPort({ baseUrl: origin, getAccessToken: getToken });
}

export interface OursRun {
  readonly plan: Plan;
  readonly result: ApplyResult;
  /** Client-side counts (HTTP $batch calls, sub-requests, sequential round trips). */
  readonly graph: GraphStats;
  /** observe + plan + apply, ms. */
  readonly configuredMs: number;
  /**
   * With `handOverAlongside`: clears the pending hand-over mark (one PATCH), for the caller to send beside
   * its verification, as core's setup does once the secret is in hand. Otherwise already done.
   */
  readonly handOver: () => Promise<void>;
}

export async function configure(
  graph: GraphPort,
  options: { displayName?: string; permissions?: readonly Permission[]; handOverAlongside?: boolean } = {},
): Promise<OursRun> {
  const ports = nodePorts();
  const counted = countingGraphPort(graph);
  const deps = { ...ports, graph: counted };
  const displayName = options.displayName ?? DISPLAY_NAME;
  const started = performance.now();
  const desired = desiredFrom(
    options.permissions ?? boxafePermissions(),
    {
      appKey: { uniqueName: uniqueNameFor(displayName) },
      displayName,
      secret: { displayName: "boxafe-connect", lifetimeDays: 180, renewWithinDays: 30 },
    },
    ports.clock.now(),
  );
  const observed = await observe(deps, desired.appKey);
  const planned = plan(desired, observed, ports.clock.now());
  const result = await apply(deps, planned, observed);
  const pending = result.handOver;
  const handOver = async () => {
    if (pending !== undefined) await confirmHandOver({ ...ports, graph }, pending);
  };
  if (!options.handOverAlongside) await handOver();
  return {
    plan: planned,
    result,
    graph: counted.stats(),
    configuredMs: performance.now() - started,
    handOver: options.handOverAlongside ? handOver : async () => {},
  };
}

export interface VerifyTarget {
  readonly origin: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly secret: string;
  readonly permissions?: readonly Permission[];
  /** Admin Graph port to read delegated grants back; without it they are reported unverifiable. */
  readonly graph?: GraphPort;
  /** 0 = one pass, no polling (a fleet check reports what is missing now). */
  readonly deadlineMs?: number;
}

export async function verifyApp(target: VerifyTarget): Promise<VerificationReport> {
  return verify(
    {
      ...nodePorts(),
      appToken: createMsalAppTokenPort({ authorityHost: target.origin }),
      ...(target.graph ? { graph: target.graph } : {}),
    },
    {
      tenantId: target.tenantId,
      clientId: target.appId,
      credential: { kind: "secret", secret: target.secret },
      permissions: target.permissions ?? boxafePermissions(),
      sharePointTenant: "contoso",
      cloud: sandboxEndpoints(target.origin),
      deadlineMs: target.deadlineMs ?? 60_000,
      credentialGraceMs: target.deadlineMs ?? 30_000,
    },
  );
}
