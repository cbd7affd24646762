import { defineProject } from "vitest/config";

// e2e/ spawns the built CLI (turbo builds before test) against sandboxes started in the test process.
export default defineProject({
  test: {
    name: "cli",
    environment: "node",
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
