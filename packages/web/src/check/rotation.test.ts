// @vitest-environment node
import {
  credentialRows,
  observe,
  parseRequest,
  permissions,
  sandboxEndpoints,
  setup,
  setupRequestSchema,
} from "@boxafe-connect/core";
import { fakeAppTokens, fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { describe, expect, it } from "vitest";
import type { Rotated } from "./rotation.js";
import { confirmHeld, retireInPage, rotateInPage } from "./rotation.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);
const cloud = sandboxEndpoints("https://localhost:8443");

/** The page's /v1/verify: a Graph token for the secrets in `accepted`, Entra's refusal for any other. */
function verifyService(accepted: Set<string>, posts: string[]): typeof fetch {
  return async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { clientSecret: string };
    posts.push(body.clientSecret);
    const ok = accepted.has(body.clientSecret);
    const report = {
      complete: ok,
      checkedAt: "2026-12-01T00:00:00Z",
      items: [],
      tokens: [
        {
          resource: "microsoft-graph",
          audience: "https://graph.microsoft.com",
          ok,
          roles: [],
          ...(ok ? {} : { error: { code: "invalid_client_credentials", message: "AADSTS7000215" } }),
        },
      ],
    };
    return new Response(JSON.stringify(report), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
}

async function withApp() {
  const tenant = fakeTenant();
  const time = fakeTime();
  const first = await setup(
    { ...time, graph: tenant, proof: { appToken: fakeAppTokens(() => allRoles), cloud } },
    parseRequest(setupRequestSchema, { boxafe: "1.4" }),
  );
  const accepted = new Set([first.secret?.secretText ?? ""]);
  const posts: string[] = [];
  const context = (services = { verifyApi: "/api/v1/verify", fetch: verifyService(accepted, posts) }) => ({
    admin: { ...time, graph: tenant },
    cloud,
    services,
    tenantId: first.tenantId,
    appId: first.clientId,
    crypto: globalThis.crypto,
  });
  return { tenant, time, first, accepted, posts, context };
}

/** What the check view lists: core's credential rows from a fresh read of the tenant. */
async function checkRows(
  tenant: ReturnType<typeof fakeTenant>,
  time: ReturnType<typeof fakeTime>,
  appId: string,
) {
  const observed = await observe({ ...time, graph: tenant }, { appId });
  const app = observed.application;
  return app ? credentialRows(app, time.clock.now()) : [];
}

describe("two-phase rotation in the page, over core's use cases", () => {
  it("rotate shows the new secret before it returns and keeps the old one; held, then retire removes the old one", async () => {
    const { tenant, time, first, accepted, posts, context } = await withApp();
    const shown: Rotated[] = [];
    // The new secret gets tokens once it exists (the fake service accepts every secret the app has).
    const port = context();
    const original = port.services.fetch;
    port.services.fetch = async (url, init) => {
      const text = JSON.parse(String(init?.body)) as { clientSecret: string };
      accepted.add(text.clientSecret);
      return original(url, init);
    };
    const { rotated, pending } = await rotateInPage(port, "1.4", (r) => shown.push(r));
    expect(shown).toEqual([rotated]);
    expect(rotated.kind).toBe("secret");
    const app = tenant.apps[0];
    expect(app?.passwordCredentials.map((p) => p.keyId)).toEqual([
      first.secret?.keyId,
      rotated.kind === "secret" ? rotated.keyId : "",
    ]);
    // Shown, not yet held: a reload now would lose it, so the next check lists it unheld (core's rule).
    const newKey = rotated.kind === "secret" ? rotated.keyId : "";
    const before = await checkRows(tenant, time, first.clientId);
    expect(before.find((r) => r.keyId === newKey)?.unheld).toBe(true);
    expect(before.find((r) => r.keyId === first.secret?.keyId)?.unheld).toBe(false);
    // The admin copies it (or ticks it is in Boxafe): the mark is cleared.
    await confirmHeld(context(), pending);
    expect(tenant.apps[0]?.tags ?? []).toEqual([]);
    expect((await checkRows(tenant, time, first.clientId)).map((r) => r.unheld)).toEqual([false, false]);

    const retired = await retireInPage(context(), rotated);
    expect(retired.removedKeyIds).toEqual([first.secret?.keyId]);
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(1);
    expect(posts.length).toBeGreaterThan(1);
  });

  it("retire removes nothing when the new secret does not get a token", async () => {
    const { tenant, accepted, context } = await withApp();
    const port = context();
    const original = port.services.fetch;
    port.services.fetch = async (url, init) => {
      accepted.add((JSON.parse(String(init?.body)) as { clientSecret: string }).clientSecret);
      return original(url, init);
    };
    const { rotated } = await rotateInPage(port, "1.4", () => undefined);
    accepted.clear();
    await expect(retireInPage(context(), rotated)).rejects.toMatchObject({ code: "unsafe_operation" });
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(2);
  });

  it("refuses to rotate without a proof service, before anything is written", async () => {
    const { tenant, context } = await withApp();
    const before = JSON.stringify(tenant.apps);
    const bare = { ...context(), services: {} };
    await expect(rotateInPage(bare, "1.4", () => undefined)).rejects.toMatchObject({
      code: "invalid_input",
      field: "verifyApi",
    });
    await expect(rotateInPage(bare, "1.5", () => undefined)).rejects.toMatchObject({
      code: "invalid_input",
      field: "proveApi",
    });
    expect(JSON.stringify(tenant.apps)).toBe(before);
  });
});
