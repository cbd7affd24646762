import { defineProject } from "vitest/config";

/** Browser tests: a fresh build, the sandbox and Debian's Chromium (playwright-core). */
export default defineProject({
  test: {
    name: "web-e2e",
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
