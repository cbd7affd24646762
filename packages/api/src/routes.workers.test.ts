import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import { testConfig } from "./testing/fakes.js";
import { describeRouteContract } from "./testing/routes.case.js";

describeRouteContract("workerd, app.request", (overrides?: Partial<ApiConfig>) => {
  const config = testConfig(overrides);
  const app = createApp(config);
  return { request: async (path, init) => app.request(path, init), logs: config.logs, config };
});

describe("worker entry (export default { fetch })", () => {
  it("runs inside workerd and serves the catalog from env bindings", async () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers");
    const res = await exports.default.fetch("http://api.test/v1/permissions");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { profile: string };
    expect(body.profile).toBe("boxafe");
    const health = (await (await exports.default.fetch("http://api.test/v1/health")).json()) as {
      cloud: string;
    };
    expect(health.cloud).toBe("global");
  });
});
