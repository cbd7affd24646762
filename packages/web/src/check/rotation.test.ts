// @vitest-environment node
import { parseRequest, permissions, sandboxEndpoints, setup, setupRequestSchema } from "@boxafe-connect/core";
import { fakeAppTokens, fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { describe, expect, it } from "vitest";
import type { Rotated } from "./rotation.js";
import { retireInPage, rotateInPage } from "./rotation.js";

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
  return { tenant, first, accepted, posts, context };
}

describe("two-phase rotation in the page, over core's use cases", () => {
  it("rotate hands the new secret over before it returns and keeps the old one; retire then removes the old one", async () => {
    const { tenant, first, accepted, posts, context } = await withApp();
    const shown: Rotated[] = [];
    // The new secret gets tokens once it exists (the fake service accepts every secret the app has).
    const port = context();
    const original = port.services.fetch;
    port.services.fetch = async (url, init) => {
      const text = JSON.parse(String(init?.body)) as { clientSecret: string };
      accepted.add(text.clientSecret);
      return original(url, init);
    };
    const rotated = await rotateInPage(port, "1.4", (r) => shown.push(r));
    expect(shown).toEqual([rotated]);
    expect(rotated.kind).toBe("secret");
    const app = tenant.apps[0];
    expect(app?.passwordCredentials.map((p) => p.keyId)).toEqual([
      first.secret?.keyId,
      rotated.kind === "secret" ? rotated.keyId : "",
    ]);
    // Handed over: no pending mark left.
    expect(app?.tags ?? []).toEqual([]);

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
    const rotated = await rotateInPage(port, "1.4", () => undefined);
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
