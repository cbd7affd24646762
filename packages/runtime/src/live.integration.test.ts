/**
 * Opt-in: the same setup, verification and removal against a real Microsoft 365 tenant. Skipped
 * unless BOXAFE_LIVE_TENANT_ID is set (see README.md). Creates an app with a unique name and
 * removes it at the end (unless BOXAFE_LIVE_KEEP=1).
 */
import {
  apply,
  boxafeProfile,
  type CloudName,
  cloudEndpoints,
  desiredFrom,
  observe,
  plan,
  removeApplication,
  requireAdmin,
  resolveProfile,
  sharePointTenantName,
  uniqueNameFor,
  verify,
} from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { deviceCodeSignIn } from "./device-code.js";
import { createGraphPort } from "./graph-port.js";
import { ADMIN_SCOPES } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";

const env = process.env;
const tenant = env.BOXAFE_LIVE_TENANT_ID;
/** Microsoft Graph Command Line Tools (a first-party public client) unless told otherwise. */
const clientId = env.BOXAFE_LIVE_CLIENT_ID ?? "14d82eec-204b-4c2f-b7e8-296a70dab67e";
const cloudName = (env.BOXAFE_LIVE_CLOUD ?? "global") as CloudName;

describe.skipIf(!tenant)("live tenant (BOXAFE_LIVE_TENANT_ID)", () => {
  it("sets up, verifies and removes the Boxafe app", async () => {
    const cloud = cloudEndpoints(cloudName);
    const scopes = ADMIN_SCOPES.map((s) => s.replace("https://graph.microsoft.com", cloud.graphBaseUrl));
    const signIn = await deviceCodeSignIn({
      authorityHost: cloud.authorityHost,
      tenant: tenant ?? "",
      clientId,
      scopes,
      onCode: (info) => console.info(info.message),
    });
    requireAdmin(signIn.accessToken);
    const ports = nodePorts();
    const graph = createGraphPort({
      baseUrl: cloud.graphBaseUrl,
      getAccessToken: async () => signIn.accessToken,
    });
    const deps = { ...ports, graph };
    const displayName =
      env.BOXAFE_LIVE_APP_NAME ?? `boxafe-connect live test ${new Date().toISOString().slice(0, 16)}`;
    const appKey = { uniqueName: uniqueNameFor(displayName) };
    const permissions = resolveProfile(boxafeProfile);
    const desired = desiredFrom(
      permissions,
      { appKey, displayName, secret: { displayName: "live test", lifetimeDays: 90, renewWithinDays: 30 } },
      ports.clock.now(),
    );
    const observed = await observe(deps, appKey);
    const result = await apply(deps, plan(desired, observed, ports.clock.now()), observed);
    try {
      console.info(`live: applied in ${result.requests} requests, ${result.roundTrips} round trips`);
      expect(result.roundTrips).toBeLessThanOrEqual(3 + 2);
      const report = await verify(
        { ...ports, appToken: createMsalAppTokenPort({ authorityHost: cloud.authorityHost }), graph },
        {
          tenantId: signIn.tenantId,
          clientId: result.application.appId,
          credential: { kind: "secret", secret: result.secret?.secretText ?? "" },
          permissions,
          sharePointTenant: sharePointTenantName(observed.organization.initialDomain),
          cloud,
          deadlineMs: Number(env.BOXAFE_LIVE_VERIFY_SECONDS ?? 600) * 1000,
        },
      );
      console.info(JSON.stringify(report.items.filter((i) => i.status !== "granted")));
      expect(report.tokens.every((t) => t.ok)).toBe(true);
      const second = await observe(deps, appKey);
      expect(plan(desired, second, ports.clock.now()).actions).toEqual([]);
    } finally {
      if (env.BOXAFE_LIVE_KEEP !== "1") await removeApplication(deps, { appId: result.application.appId });
    }
  }, 1_200_000);
});
