import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineProject } from "vitest/config";

// Workers (forks) inherit these; Node reads NODE_EXTRA_CA_CERTS only at process start, so it must be set here.
// The bundle (system roots + sandbox CA) is written by the global setup before any worker starts.
const home =
  process.env.BOXAFE_SANDBOX_TEST_HOME ?? join(tmpdir(), `boxafe-sandbox-test-v2-${process.getuid?.() ?? 0}`);
process.env.BOXAFE_SANDBOX_HOME = home;
process.env.NODE_EXTRA_CA_CERTS = join(home, "ca-bundle.pem");

export default defineProject({
  test: {
    name: "sandbox",
    environment: "node",
    pool: "forks",
    globalSetup: ["./src/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
