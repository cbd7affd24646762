import { defineProject } from "vitest/config";

// Integration tests start a sandbox and sign in over HTTPS; a few seconds each, more under faults.
export default defineProject({
  test: { name: "runtime", environment: "node", testTimeout: 60_000, hookTimeout: 60_000 },
});
