import { UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { directoryRoles } from "../engine/role-check.js";
import { CoreError } from "../errors.js";
import { runRequests } from "../graph/batch-runner.js";
import type { GraphRequest } from "../graph/port.js";
import { emptyTenant, resourcesFor, TABLE_1 } from "../tenant/test-fixtures.js";
import { fakeTime, graphError, type Reply, scriptedGraph } from "../testing/index.js";
import { policyReadRequests, policyReadsOf } from "./policy-reads.js";
import { preflight } from "./preflight.js";

const USER_ID = "u-1";
const tokenFor = (wids: string[]) =>
  new UnsecuredJWT({ wids, oid: USER_ID, tid: "t", upn: "admin@contoso.onmicrosoft.com" }).encode();
const GA = tokenFor([directoryRoles.globalAdministrator]);
const PRA = tokenFor([directoryRoles.privilegedRoleAdministrator]);

interface Tenant {
  readonly restrictions?: unknown;
  readonly allowedToCreateApps?: boolean;
  readonly ca?: unknown[];
  readonly deny?: readonly string[];
}

function tenantGraph(t: Tenant) {
  return scriptedGraph((r: GraphRequest): Reply => {
    if (t.deny?.some((d) => r.url.includes(d))) {
      return graphError(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
      );
    }
    if (r.url === "/policies/defaultAppManagementPolicy") {
      return {
        status: 200,
        body: {
          id: "00000000-0000-0000-0000-000000000000",
          isEnabled: t.restrictions !== undefined,
          applicationRestrictions: t.restrictions ?? { passwordCredentials: [], keyCredentials: [] },
        },
      };
    }
    if (r.url === "/policies/appManagementPolicies") return { status: 200, body: { value: [] } };
    if (r.url === "/policies/authorizationPolicy") {
      return {
        status: 200,
        body: { defaultUserRolePermissions: { allowedToCreateApps: t.allowedToCreateApps ?? true } },
      };
    }
    if (r.url === "/identity/conditionalAccess/policies") return { status: 200, body: { value: t.ca ?? [] } };
    return { status: 404, body: { error: { code: "Request_ResourceNotFound", message: r.url } } };
  });
}

function run(
  token: string,
  t: Tenant,
  options: {
    refuse?: boolean;
    signedInWith?: "device" | "browser";
    credentials?: { secretDays?: number; certificateDays?: number };
  } = {},
) {
  const time = fakeTime();
  const graph = tenantGraph(t);
  const observed = emptyTenant(resourcesFor(TABLE_1.filter((p) => p.resource !== "onenote")));
  return preflight(
    {
      ...time,
      graph,
      policyGraph: async (scopes) => {
        expect(scopes).toEqual(["Policy.Read.All"]);
        if (options.refuse)
          throw new CoreError("sign_in_failed", "AADSTS65001: The user or administrator has not consented.");
        return graph;
      },
    },
    {
      accessToken: token,
      observed,
      permissions: TABLE_1,
      signedInWith: options.signedInWith ?? "device",
      credentials: options.credentials ?? { secretDays: 180 },
    },
  );
}

const byId = (result: Awaited<ReturnType<typeof run>>, id: string) => result.checks.find((c) => c.id === id);

describe("preflight", () => {
  it("passes an open tenant for a Global Administrator, reading the four policies in one batch", async () => {
    const result = await run(GA, {});
    expect(result.ok).toBe(true);
    expect(byId(result, "role")?.status).toBe("pass");
    expect(byId(result, "app-management-policy")?.status).toBe("pass");
    expect(byId(result, "device-code")?.status).toBe("pass");
    expect(byId(result, "resource-service-principals")).toMatchObject({
      status: "warn",
      evidence: expect.stringContaining("OneNote"),
    });
    expect(byId(result, "ews")?.status).toBe("unknown");
    expect(result.credentials).toEqual({ secretDays: 180, reasons: [] });
  });

  it("plans a certificate where secrets are blocked and caps a secret lifetime", async () => {
    const since = "2000-01-01T00:00:00Z";
    const blocked = await run(GA, {
      restrictions: {
        passwordCredentials: [
          {
            restrictionType: "passwordAddition",
            state: "enabled",
            restrictForAppsCreatedAfterDateTime: since,
          },
        ],
        keyCredentials: [],
      },
    });
    expect(byId(blocked, "app-management-policy")?.status).toBe("warn");
    expect(blocked.credentials).toMatchObject({ certificateDays: 365 });
    expect(blocked.credentials.secretDays).toBeUndefined();
    const capped = await run(GA, {
      restrictions: {
        passwordCredentials: [
          {
            restrictionType: "passwordLifetime",
            maxLifetime: "P90D",
            restrictForAppsCreatedAfterDateTime: since,
          },
        ],
        keyCredentials: [],
      },
    });
    expect(capped.credentials.secretDays).toBe(90);
    expect(byId(capped, "app-management-policy")?.evidence).toContain("at most 90 days");
  });

  it("passes a certificate-only plan (Boxafe 1.5) where secrets are blocked: the rule changes nothing", async () => {
    const blocked = await run(
      GA,
      {
        restrictions: {
          passwordCredentials: [
            {
              restrictionType: "passwordAddition",
              state: "enabled",
              restrictForAppsCreatedAfterDateTime: "2000-01-01T00:00:00Z",
            },
          ],
          keyCredentials: [],
        },
      },
      { credentials: { certificateDays: 365 } },
    );
    expect(byId(blocked, "app-management-policy")).toMatchObject({
      status: "pass",
      evidence: expect.stringContaining("client secrets are blocked"),
    });
    expect(byId(blocked, "app-management-policy")?.evidence).toContain("already fits");
    expect(blocked.credentials).toEqual({ certificateDays: 365, reasons: [] });
  });

  it("fails a Privileged Role Administrator when users may not register apps, with the fix", async () => {
    const result = await run(PRA, { allowedToCreateApps: false });
    expect(result.ok).toBe(false);
    expect(byId(result, "app-registration")).toMatchObject({
      status: "fail",
      fix: expect.stringContaining("--app-id"),
    });
    expect(byId(result, "role")?.status).toBe("pass");
  });

  it("fails an Application Administrator on the role (no Microsoft Graph app roles)", async () => {
    const result = await run(tokenFor([directoryRoles.applicationAdministrator]), {});
    expect(byId(result, "role")).toMatchObject({
      status: "fail",
      evidence: expect.stringContaining("Microsoft Graph application permissions"),
    });
  });

  it("warns about the Microsoft-managed device code block, even in report-only, and asks for the browser", async () => {
    const policy = (state: string) => ({
      id: "p",
      displayName: "Block device code flow",
      state,
      conditions: {
        users: { includeUsers: ["All"], excludeUsers: [] },
        authenticationFlows: { transferMethods: "deviceCodeFlow" },
      },
      grantControls: { builtInControls: ["block"] },
    });
    const on = await run(GA, { ca: [policy("enabled")] }, { signedInWith: "browser" });
    expect(byId(on, "device-code")).toMatchObject({
      status: "warn",
      evidence: expect.stringContaining("(Microsoft-managed) blocks"),
    });
    expect(on.signInFlow).toBe("browser");
    const soon = await run(GA, { ca: [policy("enabledForReportingButNotEnforced")] });
    expect(byId(soon, "device-code")?.evidence).toContain("report-only");
    const off = await run(GA, { ca: [policy("disabled")] });
    expect(off.signInFlow).toBe("device");
  });

  it("reports unknown with the reason when Policy.Read.All is refused, and never fails for it", async () => {
    const result = await run(GA, {}, { refuse: true });
    expect(result.ok).toBe(true);
    for (const id of ["app-management-policy", "device-code"]) {
      expect(byId(result, id)).toMatchObject({
        status: "unknown",
        evidence: expect.stringContaining("Policy.Read.All was not granted"),
      });
    }
    expect(result.credentials).toEqual({ secretDays: 180, reasons: [] });
  });

  it("reports one refused read as unknown and keeps the others", async () => {
    const result = await run(GA, { deny: ["conditionalAccess"] });
    expect(byId(result, "device-code")).toMatchObject({
      status: "unknown",
      evidence: expect.stringContaining("Conditional Access"),
    });
    expect(byId(result, "app-management-policy")?.status).toBe("pass");
  });

  it("takes the reads that rode in observe's $batch: the same checks, no consent asked, no batch of its own", async () => {
    const time = fakeTime();
    const t: Tenant = { allowedToCreateApps: false, deny: ["/identity/conditionalAccess"] };
    const alongside = tenantGraph(t);
    const policies = policyReadsOf(
      await runRequests({ ...time, graph: alongside }, policyReadRequests(), undefined, { keepGoing: true }),
    );
    const graph = tenantGraph(t);
    const rode = await preflight(
      { ...time, graph },
      {
        accessToken: PRA,
        observed: emptyTenant(resourcesFor(TABLE_1.filter((p) => p.resource !== "onenote"))),
        permissions: TABLE_1,
        signedInWith: "device",
        credentials: { secretDays: 180 },
        policies,
      },
    );
    expect(graph.batches).toHaveLength(0);
    expect(rode.checks).toEqual((await run(PRA, t)).checks);
    expect(byId(rode, "app-registration")?.status).toBe("fail");
    expect(byId(rode, "device-code")).toMatchObject({
      status: "unknown",
      evidence: expect.stringContaining("Authorization_RequestDenied"),
    });
  });

  it("says why when the sign-in was refused Policy.Read.All, and reads nothing", async () => {
    const time = fakeTime();
    const graph = tenantGraph({});
    const result = await preflight(
      { ...time, graph },
      {
        accessToken: GA,
        observed: emptyTenant(resourcesFor(TABLE_1)),
        permissions: TABLE_1,
        signedInWith: "device",
        credentials: { secretDays: 180 },
        policiesDeclined: "AADSTS65001: The user or administrator has not consented.",
      },
    );
    expect(graph.batches).toHaveLength(0);
    expect(byId(result, "app-management-policy")).toMatchObject({
      status: "unknown",
      evidence: expect.stringContaining("Policy.Read.All was not granted"),
    });
    expect(result.ok).toBe(true);
  });
});
