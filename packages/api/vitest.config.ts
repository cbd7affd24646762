import { defineProject } from "vitest/config";

// *.workers.test.ts run inside workerd through vitest.workers.config.ts; *.case.ts are shared suites.
// sandbox.test.ts starts a sandbox over HTTPS and signs in: seconds, more on a loaded machine.
export default defineProject({
  test: {
    name: "api",
    environment: "node",
    exclude: ["**/node_modules/**", "**/*.workers.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
