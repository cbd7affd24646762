import { Client } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";
import { FaultInjector, parseFaults } from "./faults.js";
import { ADMIN, claims, errorOf, form, graph, hook, userToken } from "./test/harness.js";
import { useSandbox } from "./test/suite.js";

const t = useSandbox({ reset: "all" });

/** A seed whose first decisions are exactly `pattern` (so a test knows which request is faulted). */
function seedFor(spec: string, pattern: string[]): number {
  for (let seed = 1; seed < 10_000; seed++) {
    const f = new FaultInjector(parseFaults(spec), seed);
    if (pattern.every((p) => f.decide(false).before === p)) return seed;
  }
  throw new Error("no seed");
}

describe("throttle", () => {
  it("answers 429 with Retry-After, and the Graph client's RetryHandler retries to success", async () => {
    const spec = "throttle=0.5,retryAfter=1";
    await hook(t.sb, "faults", { spec, seed: seedFor(spec, ["throttle", "none"]) });
    const client = Client.init({
      authProvider: (done) => done(null, t.admin),
      baseUrl: `${t.sb.url}/`,
      customHosts: new Set(["localhost"]),
      defaultVersion: "v1.0",
    });
    const org = (await client.api("/organization").get()) as { value: { id: string }[] };
    expect(org.value[0]?.id).toBe(t.sb.tenantId);
    const stats = await hook(t.sb, "stats");
    expect(stats.byStatus).toMatchObject({ "429": 1, "200": 1 });
    expect(stats.roundTrips).toBe(2);

    await hook(t.sb, "faults", { spec: "throttle=1,retryAfter=2" });
    const raw = await graph(t.sb, t.admin, "GET", "/organization");
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("2");
    expect(errorOf(raw).code).toBe("TooManyRequests");
    const token = await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
      grant_type: "client_credentials",
    });
    expect(token.status).toBe(429);
    expect(token.json.error).toBe("temporarily_unavailable");
  });

  it("throttles batch sub-requests one by one (the envelope itself draws no fault)", async () => {
    const spec = "throttle=0.5";
    await hook(t.sb, "faults", { spec, seed: seedFor(spec, ["throttle", "none"]) });
    const res = await graph(t.sb, t.admin, "POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: "/organization" },
        { id: "2", method: "GET", url: "/organization" },
      ],
    });
    const subs = res.body.responses as { status: number; headers: Record<string, string> }[];
    expect(subs.map((s) => s.status)).toEqual([429, 200]);
    expect(subs[0]?.headers["Retry-After"]).toBe("1");
  });
});

describe("unavailable, latency, token lifetime", () => {
  it("answers 503 serviceNotAvailable", async () => {
    await hook(t.sb, "faults", { spec: "unavailable=1" });
    const res = await graph(t.sb, t.admin, "GET", "/organization");
    expect(res.status).toBe(503);
    expect(errorOf(res).code).toBe("serviceNotAvailable");
  });

  it("delays every Graph and token request by the latency", async () => {
    await hook(t.sb, "faults", { spec: "latency=150" });
    const t0 = performance.now();
    await graph(t.sb, t.admin, "GET", "/organization");
    await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, { grant_type: "client_credentials" });
    const elapsed = performance.now() - t0;
    console.log(`two requests with latency=150: ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it("issues tokens with the configured lifetime", async () => {
    await hook(t.sb, "faults", { spec: "tokenLifetime=60" });
    const c = claims(await userToken(t.sb, ADMIN));
    expect(Number(c.exp) - Number(c.iat)).toBe(60);
  });

  it("never faults the /_sandbox hooks", async () => {
    await hook(t.sb, "faults", { spec: "throttle=1,latency=0" });
    expect((await fetch(`${t.sb.url}/_sandbox/state`)).status).toBe(200);
    expect(
      (
        await fetch(`${t.sb.url}/_sandbox/faults`, {
          method: "POST",
          body: JSON.stringify({ spec: "bogus=1" }),
        })
      ).status,
    ).toBe(400);
  });
});

describe("lost responses", () => {
  it("commits the write, then drops the connection", async () => {
    await hook(t.sb, "faults", { spec: "lost=1" });
    await expect(
      graph(t.sb, t.admin, "POST", "/applications", { displayName: "lost app" }),
    ).rejects.toThrow();
    const state = (await hook(t.sb, "state")) as { applications: { displayName: string }[] };
    expect(state.applications.map((a) => a.displayName)).toEqual(["lost app"]);
    // Reads are never "lost": there is no write to commit.
    expect((await graph(t.sb, t.admin, "GET", "/organization")).status).toBe(200);
  });

  it("loses a whole batch only after all its writes commit", async () => {
    await hook(t.sb, "faults", { spec: "lost=1" });
    const requests = ["a", "b"].map((n) => ({
      id: n,
      method: "POST",
      url: "/applications",
      headers: { "Content-Type": "application/json" },
      body: { displayName: n },
    }));
    await expect(graph(t.sb, t.admin, "POST", "/$batch", { requests })).rejects.toThrow();
    const state = (await hook(t.sb, "state")) as { applications: { displayName: string }[] };
    expect(state.applications.map((a) => a.displayName).sort()).toEqual(["a", "b"]);
  });
});
