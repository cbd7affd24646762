import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineProject } from "vitest/config";

// The test process fetches the sandbox's pages and hooks over HTTPS: Node reads NODE_EXTRA_CA_CERTS only
// at start, so the sandbox CA bundle (written by the global setup) is named here for the workers.
const home =
  process.env.BOXAFE_SANDBOX_TEST_HOME ?? join(tmpdir(), `boxafe-sandbox-test-v2-${process.getuid?.() ?? 0}`);
process.env.BOXAFE_SANDBOX_HOME = home;
process.env.NODE_EXTRA_CA_CERTS = join(home, "ca-bundle.pem");

// m365 runs in child processes (two to four Node start-ups per test): generous on a busy 2-core machine.
export default defineProject({
  test: {
    name: "conformance",
    environment: "node",
    pool: "forks",
    globalSetup: ["./src/global-setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
