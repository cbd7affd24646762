import { UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import { fakeTime } from "../testing/index.js";
import type { AppTokenPort } from "./port.js";
import { tokenError } from "./token-response.js";
import { verify } from "./verify.js";

const permissions = resolveProfile(boxafeProfile);
const cloud = sandboxEndpoints("https://localhost:8443");
const input = {
  tenantId: "t",
  clientId: "c",
  credential: { kind: "secret" as const, secret: "x" },
  permissions,
  sharePointTenant: "contoso",
  cloud,
};

/** Roles appear in tokens only after `delay` polls, like a real tenant's replication. */
function tokensAfter(delay: number): AppTokenPort & { audiences: string[] } {
  const audiences: string[] = [];
  let calls = 0;
  return {
    audiences,
    async acquire(request) {
      audiences.push(request.resource);
      calls++;
      const byAudience: Record<string, string[]> = {
        "https://graph.microsoft.com": permissions
          .filter((p) => p.resource === "microsoft-graph" && p.kind === "application")
          .map((p) => p.value),
        "https://outlook.office365.com": permissions
          .filter((p) => p.resource === "exchange-online" && p.kind === "application")
          .map((p) => p.value),
        "https://contoso.sharepoint.com": permissions
          .filter((p) => p.resource === "sharepoint" && p.kind === "application")
          .map((p) => p.value),
      };
      const roles = calls > delay * 3 ? (byAudience[request.resource] ?? []) : [];
      return new UnsecuredJWT({ aud: request.resource, roles }).encode();
    },
  };
}

describe("verify", () => {
  it("polls fresh tokens until every app role shows, then reports granted", async () => {
    const time = fakeTime();
    const appToken = tokensAfter(2);
    const report = await verify({ ...time, appToken }, input);
    expect(report.complete).toBe(true);
    expect(time.sleeps).toHaveLength(2);
    expect(new Set(appToken.audiences)).toEqual(
      new Set([
        "https://graph.microsoft.com",
        "https://outlook.office365.com",
        "https://contoso.sharepoint.com",
      ]),
    );
    const graphItems = report.items.filter(
      (i) => i.resource === "microsoft-graph" && i.kind === "application",
    );
    expect(graphItems).toHaveLength(10);
    expect(graphItems.every((i) => i.status === "granted")).toBe(true);
    // OneNote and Azure AD Graph cannot be proven by an app token; delegated grants need Graph.
    expect(report.items.filter((i) => i.status === "unverifiable").map((i) => i.resource)).toEqual(
      expect.arrayContaining(["onenote", "azure-ad-graph"]),
    );
  });

  it("reports missing roles at the deadline instead of waiting forever", async () => {
    const time = fakeTime();
    const report = await verify({ ...time, appToken: tokensAfter(1_000) }, { ...input, deadlineMs: 60_000 });
    expect(report.complete).toBe(false);
    expect(time.clock.now() - Date.UTC(2026, 10, 27, 12)).toBeLessThanOrEqual(60_000);
    expect(report.items.find((i) => i.value === "full_access_as_app")?.status).toBe("missing");
  });

  it("waits out a secret the token service has not replicated yet (AADSTS7000215), then proves it", async () => {
    const time = fakeTime();
    let calls = 0;
    const roles = tokensAfter(0);
    const appToken: AppTokenPort = {
      acquire: async (request) => {
        if (++calls <= 3)
          throw tokenError({ status: 401, error: "invalid_client", aadsts: 7000215 }, "app c");
        return roles.acquire(request);
      },
    };
    const report = await verify({ ...time, appToken }, input);
    expect(report.complete).toBe(true);
    expect(time.sleeps.length).toBeGreaterThan(0);
  });

  it("stops at the credential grace when a new app stays unknown (AADSTS700016)", async () => {
    const time = fakeTime();
    const appToken: AppTokenPort = {
      acquire: async () => {
        throw tokenError({ status: 400, error: "unauthorized_client", aadsts: 700016 }, "app c");
      },
    };
    const report = await verify({ ...time, appToken }, { ...input, credentialGraceMs: 20_000 });
    expect(report.complete).toBe(false);
    expect(time.sleeps.length).toBeGreaterThan(0);
    expect(time.clock.now() - Date.UTC(2026, 10, 27, 12)).toBeLessThanOrEqual(20_000);
    expect(report.tokens[0]).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("does not wait on an answer waiting cannot change (an expired secret)", async () => {
    const time = fakeTime();
    const appToken: AppTokenPort = {
      acquire: async () => {
        throw tokenError({ status: 401, error: "invalid_client", aadsts: 7000222 }, "app c");
      },
    };
    const report = await verify({ ...time, appToken }, input);
    expect(report.complete).toBe(false);
    expect(time.sleeps).toHaveLength(0);
  });

  it("reports a rejected secret in tokens[].error, not as a throw", async () => {
    const appToken: AppTokenPort = {
      acquire: async () => {
        throw new CoreError("invalid_client_credentials", "The client secret is wrong or expired.");
      },
    };
    const report = await verify({ ...fakeTime(), appToken }, input);
    expect(report.complete).toBe(false);
    expect(report.tokens[0]).toMatchObject({ ok: false, error: { code: "invalid_client_credentials" } });
    expect(JSON.stringify(report)).not.toContain('"x"');
  });
});

describe("verify when a token request meets a transient failure", () => {
  const exchange = "https://outlook.office365.com";
  /** Exchange's token request fails `failures` times with `error`, then the roles come. */
  function flakyExchange(failures: number, error: () => Error): AppTokenPort & { calls: () => number } {
    const roles = tokensAfter(0);
    let failed = 0;
    let calls = 0;
    return {
      calls: () => calls,
      acquire: async (request) => {
        calls++;
        if (request.resource === exchange && failed < failures) {
          failed++;
          throw error();
        }
        return roles.acquire(request);
      },
    };
  }
  const unreachable = () => tokenError({ network: true }, "app c");

  it("asks again after a dropped connection even with no polling (deadline 0), and proves the role", async () => {
    const time = fakeTime();
    const appToken = flakyExchange(1, unreachable);
    const report = await verify({ ...time, appToken }, { ...input, deadlineMs: 0, credentialGraceMs: 0 });
    expect(report.complete).toBe(true);
    expect(report.items.find((i) => i.value === "full_access_as_app")?.status).toBe("granted");
    expect(time.sleeps).toHaveLength(1);
  });

  it("reports a role it could not check as pending (not checked), never as missing", async () => {
    const time = fakeTime();
    const appToken = flakyExchange(99, unreachable);
    const report = await verify({ ...time, appToken }, { ...input, deadlineMs: 0, credentialGraceMs: 0 });
    expect(report.complete).toBe(false);
    const item = report.items.find((i) => i.value === "full_access_as_app");
    expect(item?.status).toBe("pending");
    expect(item?.detail).toMatch(/^Not checked: The token service could not be reached/);
    // Three attempts for Exchange, one each for Graph and SharePoint.
    expect(appToken.calls()).toBe(5);
    expect(report.items.filter((i) => i.status === "missing")).toEqual([]);
  });

  it("does not sit out a Retry-After longer than 30 s; a refusal waiting cannot change stays missing", async () => {
    const time = fakeTime();
    const throttled = flakyExchange(99, () =>
      tokenError({ status: 429, error: "temporarily_unavailable", retryAfterSeconds: 120 }, "app c"),
    );
    const report = await verify(
      { ...time, appToken: throttled },
      { ...input, deadlineMs: 0, credentialGraceMs: 0 },
    );
    expect(time.sleeps).toHaveLength(0);
    expect(report.items.find((i) => i.value === "full_access_as_app")?.status).toBe("pending");
    const expired = flakyExchange(99, () =>
      tokenError({ status: 401, error: "invalid_client", aadsts: 7000222 }, "app c"),
    );
    const refused = await verify({ ...fakeTime(), appToken: expired }, { ...input, deadlineMs: 0 });
    expect(refused.items.find((i) => i.value === "full_access_as_app")?.status).toBe("missing");
  });
});

describe("verify with the directory read back through Graph", () => {
  it("reports delegated grants and recorded-but-not-yet-in-token app roles", async () => {
    const { scriptedGraph } = await import("../testing/index.js");
    const graphRoles = permissions.filter(
      (p) => p.resource === "microsoft-graph" && p.kind === "application",
    );
    const graph = scriptedGraph((r) => {
      if (r.url.endsWith("/appRoleAssignments")) {
        return {
          status: 200,
          body: {
            value: graphRoles.map((p, i) => ({
              id: `a${i}`,
              principalId: "sp",
              resourceId: "res-graph",
              appRoleId: p.id,
            })),
          },
        };
      }
      if (r.url.endsWith("/oauth2PermissionGrants")) {
        return {
          status: 200,
          body: {
            value: [
              {
                id: "g",
                clientId: "sp",
                resourceId: "res-graph",
                consentType: "AllPrincipals",
                scope: "openid User.Read",
              },
            ],
          },
        };
      }
      if (r.url.includes("00000003-0000-0000-c000-000000000000"))
        return { status: 200, body: { id: "res-graph", appRoles: [] } };
      return { status: 200, body: { id: `res-${r.url.slice(26, 34)}`, appRoles: [] } };
    });
    const appToken = tokensAfter(1_000);
    const report = await verify({ ...fakeTime(), appToken, graph }, { ...input, deadlineMs: 10_000 });
    const item = (value: string, kind = "delegated") =>
      report.items.find((i) => i.value === value && i.kind === kind && i.resource === "microsoft-graph");
    expect(item("openid")?.status).toBe("granted");
    expect(item("Group.ReadWrite.All")?.status).toBe("missing");
    expect(item(graphRoles[0]?.value ?? "", "application")).toMatchObject({ status: "pending" });
    expect(report.complete).toBe(false);
  });
});
