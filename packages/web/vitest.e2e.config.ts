import { defineProject } from "vitest/config";

/** Browser tests: a fresh build, the sandbox and Debian's Chromium (playwright-core). */
export default defineProject({
  test: {
    name: "web-e2e",
    environment: "node",
    // The page server's own routes run against the sandbox in Node too (server/*.test.ts).
    include: ["e2e/**/*.e2e.ts", "server/**/*.test.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
