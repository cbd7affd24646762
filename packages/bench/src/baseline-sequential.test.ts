import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { boxafeProfile, resolveProfile, resourceByKey } from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baselineApis } from "./baseline-apis.js";
import { runBaseline } from "./baseline-sequential.js";
import { createGraphHttp, type GraphHttp } from "./graph-http.js";
import { type SandboxHost, startHost } from "./sandbox-host.js";

interface State {
  applications: {
    appId: string;
    id: string;
    requiredResourceAccess: { resourceAccess: unknown[] }[];
    passwordCredentials: unknown[];
  }[];
  servicePrincipals: { id: string; appId: string }[];
  appRoleAssignments: { principalId: string; resourceId: string }[];
  oauth2PermissionGrants: { clientId: string; resourceId: string; scope: string; consentType: string }[];
}

describe("runBaseline against the sandbox (0 ms latency)", () => {
  let host: SandboxHost;
  let graph: GraphHttp;

  let home: string;

  beforeAll(async () => {
    // Own CA home: never races another suite starting a sandbox in the default one.
    home = mkdtempSync(path.join(tmpdir(), "bench-test-"));
    host = await startHost({ inProcess: true, home });
    graph = createGraphHttp({ origin: host.url, ca: host.caPem, getToken: host.adminToken });
  }, 60_000);

  afterAll(async () => {
    graph?.close();
    await host?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("leaves the same tenant a correct setup does: 26 declared, 20 assignments, 3 exact grants, 1 secret", async () => {
    await host.hooks.resetStats();
    const result = await runBaseline(graph, {
      displayName: "QNAP Boxafe",
      apis: baselineApis(resolveProfile(boxafeProfile)),
      secretDisplayName: "Default",
      secretEndDateTime: new Date(Date.now() + 180 * 86_400_000).toISOString(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    expect(result.secretText.length).toBeGreaterThanOrEqual(16);
    // 5 lookups + app + service principal + secret + 20 assignments + 3 grants, one at a time.
    expect(result.requests).toBe(31);
    expect(result.roundTrips).toBe(31);
    const stats = await host.hooks.stats();
    expect(stats.roundTrips).toBe(31);
    expect(stats.batchSubRequests).toEqual({});

    const state = (await host.hooks.state()) as unknown as State;
    const app = state.applications.find((a) => a.appId === result.application.appId);
    expect(app?.requiredResourceAccess.flatMap((r) => r.resourceAccess)).toHaveLength(26);
    expect(app?.passwordCredentials).toHaveLength(1);
    const sp = state.servicePrincipals.find((s) => s.appId === result.application.appId);
    expect(sp?.id).toBe(result.servicePrincipalId);
    expect(state.appRoleAssignments.filter((a) => a.principalId === sp?.id)).toHaveLength(20);
    const spIdOf = (key: Parameters<typeof resourceByKey>[0]) =>
      state.servicePrincipals.find((s) => s.appId === resourceByKey(key).appId)?.id;
    const grants = Object.fromEntries(
      state.oauth2PermissionGrants
        .filter((g) => g.clientId === sp?.id && g.consentType === "AllPrincipals")
        .map((g) => [g.resourceId, g.scope.split(" ").sort().join(" ")]),
    );
    expect(grants).toEqual({
      [spIdOf("azure-ad-graph") ?? "?"]: "User.Read",
      [spIdOf("exchange-online") ?? "?"]: "EWS.AccessAsUser.All",
      [spIdOf("microsoft-graph") ?? "?"]: "Group.ReadWrite.All User.Read User.ReadWrite.All openid",
    });
  }, 60_000);
});
