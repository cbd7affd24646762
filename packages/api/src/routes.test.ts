import { createApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import { testConfig } from "./testing/fakes.js";
import { describeRouteContract } from "./testing/routes.case.js";

describeRouteContract("node, app.request", (overrides?: Partial<ApiConfig>) => {
  const config = testConfig(overrides);
  const app = createApp(config);
  return { request: async (path, init) => app.request(path, init), logs: config.logs, config };
});
