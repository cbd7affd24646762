/**
 * Test harness: a sandbox started in-process over HTTPS, its CA trusted through trustCa, admins
 * signed in by device code through msal-node, Graph through the Graph SDK. Only used by tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ApplyResult,
  adminScopes,
  applyPrepared,
  boxafeProfile,
  type CountingGraphPort,
  countingGraphPort,
  type DesiredOptions,
  desiredFrom,
  type EngineDeps,
  type GraphPort,
  handedOver,
  type ObservedWithOrganization,
  type Plan,
  parseRequest,
  prepare,
  replan,
  resolveProfile,
  sandboxEndpoints,
  setupRequestSchema,
  uniqueNameFor,
} from "@boxafe-connect/core";
import {
  ENTRA_TIMING,
  GRAPH_CLI_CLIENT_ID,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "@boxafe-connect/sandbox";
import { deviceCodeSignIn } from "../device-code.js";
import { createGraphPort } from "../graph-port.js";
import { nodePorts } from "../node-ports.js";
import { trustCa } from "../trust-ca.js";

export const ADMIN_SCOPES = adminScopes("https://graph.microsoft.com");

export const DISPLAY_NAME = "QNAP Boxafe";
export const UNIQUE_NAME = uniqueNameFor(DISPLAY_NAME);

export interface TenantState {
  applications: {
    id: string;
    appId: string;
    tags?: string[];
    uniqueName?: string | null;
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    passwordCredentials: { keyId: string; displayName: string | null }[];
    keyCredentials: { keyId: string }[];
  }[];
  servicePrincipals: { id: string; appId: string }[];
  appRoleAssignments: { id: string; principalId: string; resourceId: string; appRoleId: string }[];
  oauth2PermissionGrants: {
    id: string;
    clientId: string;
    resourceId: string;
    scope: string;
    consentType: string;
  }[];
}

export interface Stats {
  requests: number;
  roundTrips: number;
  writes: number;
  byRoute: Record<string, number>;
}

export interface Harness {
  readonly sandbox: RunningSandbox;
  readonly cloud: ReturnType<typeof sandboxEndpoints>;
  signIn(upn: string): Promise<string>;
  graph(token: string): GraphPort;
  deps(graph: GraphPort, retry?: EngineDeps["retry"]): EngineDeps;
  hook(path: string, body?: unknown): Promise<unknown>;
  state(): Promise<TenantState>;
  stats(): Promise<Stats>;
  resetStats(): Promise<void>;
  reset(): Promise<void>;
  faults(spec: string, seed?: number): Promise<void>;
  /**
   * Waits until everything written so far has replicated (the sandbox's replication lag has passed):
   * what a person's pause before the next command gives Entra. Objects older than the lag are always
   * visible, so this holds however slow the machine is.
   */
  replicated(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Shares one CA between several sandboxes (a sharded soak); default: a fresh temporary one. */
  readonly home?: string;
  /**
   * Entra's timing (sandbox ENTRA_TIMING: intermittent replication lag, credential and role propagation,
   * shuffled $batch order) under every fault spec the test sets; on unless a test is about exact counts.
   */
  readonly timing?: boolean;
  /** Microsoft resources the tenant lacks a service principal for (e.g. an older tenant without OneNote). */
  readonly absentResources?: SandboxOptions["absentResources"];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const own = options.home === undefined;
  const home = options.home ?? mkdtempSync(join(tmpdir(), "boxafe-sandbox-"));
  const timing = options.timing === false ? "" : ENTRA_TIMING;
  const sandbox = await startSandbox({
    port: 0,
    home,
    faults: timing,
    ...(options.absentResources ? { absentResources: options.absentResources } : {}),
  });
  trustCa(sandbox.caPem, sandbox.url);
  const hook = async (path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}/_sandbox/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`hook ${path}: HTTP ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  return {
    sandbox,
    cloud: sandboxEndpoints(sandbox.url),
    async signIn(upn) {
      let approval: Promise<unknown> = Promise.resolve();
      const result = await deviceCodeSignIn({
        authorityHost: sandbox.url,
        tenant: sandbox.tenantId,
        clientId: GRAPH_CLI_CLIENT_ID,
        scopes: ADMIN_SCOPES,
        onCode: (info) => {
          approval = hook("device/approve", { user_code: info.userCode, upn });
        },
      });
      await approval;
      return result.accessToken;
    },
    graph: (token) => createGraphPort({ baseUrl: sandbox.url, getAccessToken: async () => token }),
    deps: (graph, retry) => ({
      ...nodePorts(),
      graph,
      retry: { baseMs: 50, capMs: 400, budgetMs: 60_000, ...retry },
    }),
    hook,
    state: async () => (await hook("state")) as TenantState,
    stats: async () => (await hook("stats")) as Stats,
    resetStats: async () => {
      await hook("stats/reset", {});
    },
    reset: async () => {
      await hook("reset", {});
    },
    // The test's spec goes after the timing, so its keys win (e.g. lag=0 turns replication lag off).
    faults: async (spec, seed) => {
      const merged = [timing, spec].filter(Boolean).join(",");
      await hook("faults", { spec: merged, ...(seed === undefined ? {} : { seed }) });
    },
    replicated: () =>
      new Promise<void>((resolve) => setTimeout(resolve, sandbox.context.faults.spec.lag + 50)),
    async stop() {
      await sandbox.stop();
      if (own) rmSync(home, { recursive: true, force: true });
    },
  };
}

export function boxafeDesired(now: number, options: Partial<DesiredOptions> = {}) {
  return desiredFrom(
    resolveProfile(boxafeProfile),
    {
      appKey: { uniqueName: UNIQUE_NAME },
      displayName: DISPLAY_NAME,
      secret: { displayName: "secret", lifetimeDays: 180, renewWithinDays: 30 },
      ...options,
    },
    now,
  );
}

export interface SetupRun {
  observed: ObservedWithOrganization;
  plan: Plan;
  result: ApplyResult;
  counted: CountingGraphPort;
}

/**
 * What setup does, through core's use cases (prepare, then applyPrepared, then handedOver with
 * the new secret in the caller's hands): the same sequence the CLI, the web and the API run. The
 * DesiredOptions a test overrides map onto the request (app, secret) or the plan's extras (a
 * certificate made by the test).
 */
export async function runSetup(deps: EngineDeps, options: Partial<DesiredOptions> = {}): Promise<SetupRun> {
  const counted = countingGraphPort(deps.graph);
  const d = { ...deps, graph: counted };
  const request = parseRequest(setupRequestSchema, {
    displayName: options.displayName ?? DISPLAY_NAME,
    secretName: options.secret?.displayName ?? "secret",
    ...(options.appKey && "appId" in options.appKey ? { appId: options.appKey.appId } : {}),
    ...(options.secret ? { secretLifetimeDays: options.secret.lifetimeDays } : {}),
    ...(options.skipRetired ? { skipRetired: true } : {}),
    ...(options.removeExtra ? { removeExtra: true } : {}),
  });
  const read = await prepare(d, request);
  const prepared = options.certificate ? replan(read, { certificate: options.certificate }) : read;
  const applied = await applyPrepared(d, prepared);
  // The hand-over is the caller's step after the run (a read and a tag write): not counted in its requests.
  await handedOver(deps, applied.handOver);
  const result: ApplyResult = applied.result ?? {
    application: { id: applied.applicationObjectId ?? "", appId: applied.clientId },
    servicePrincipalId: applied.servicePrincipalId ?? "",
    requests: 0,
    roundTrips: 0,
  };
  return { observed: prepared.observed, plan: prepared.plan, result, counted };
}

/** The tenant as a comparable value: what our app holds, without generated ids. */
export function holdings(state: TenantState) {
  const spById = new Map(state.servicePrincipals.map((sp) => [sp.id, sp.appId]));
  const app = state.applications[0];
  const sp = state.servicePrincipals.find((s) => s.appId === app?.appId);
  return {
    apps: state.applications.length,
    sps: state.servicePrincipals.filter((s) => s.appId === app?.appId).length,
    declared: (app?.requiredResourceAccess ?? [])
      .flatMap((r) => r.resourceAccess.map((a) => `${r.resourceAppId} ${a.type} ${a.id}`))
      .sort(),
    assignments: state.appRoleAssignments
      .filter((a) => a.principalId === sp?.id)
      .map((a) => `${spById.get(a.resourceId)} ${a.appRoleId}`)
      .sort(),
    grants: state.oauth2PermissionGrants
      .filter((g) => g.clientId === sp?.id)
      .map((g) => `${spById.get(g.resourceId)} ${g.consentType} ${g.scope.split(" ").sort().join(" ")}`)
      .sort(),
    secrets: app?.passwordCredentials.length ?? 0,
  };
}
