import { defineProject } from "vitest/config";

// *.workers.test.ts run inside workerd through vitest.workers.config.ts; *.case.ts are shared suites.
export default defineProject({
  test: { name: "api", environment: "node", exclude: ["**/node_modules/**", "**/*.workers.test.ts"] },
});
