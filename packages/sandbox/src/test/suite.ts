/**
 * The setup every sandbox test file shared: one sandbox per file over HTTPS, the Global
 * Administrator signed in once, and a clean tenant (and faults, stats) before each test if asked.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RunningSandbox, SandboxOptions } from "../sandbox.js";
import { ADMIN, boot, hook, userToken } from "./harness.js";

export interface SuiteOptions extends SandboxOptions {
  /** Sign the Global Administrator in for `admin` (default true). */
  readonly signIn?: boolean;
  /** Before each test: "tenant" resets the directory; "all" also clears faults and stats. */
  readonly reset?: "tenant" | "all";
}

export interface SandboxSuite {
  readonly sb: RunningSandbox;
  /** The Global Administrator's delegated Graph token. */
  readonly admin: string;
}

export function useSandbox(options: SuiteOptions = {}): SandboxSuite {
  const { signIn = true, reset, ...sandboxOptions } = options;
  let running: RunningSandbox | undefined;
  let adminToken: string | undefined;
  beforeAll(async () => {
    running = await boot(sandboxOptions);
    if (signIn) adminToken = await userToken(running, ADMIN);
  });
  if (reset !== undefined) {
    beforeEach(async () => {
      const sb = suite.sb;
      if (reset === "all") await hook(sb, "faults", { spec: "" });
      await hook(sb, "reset", {});
      if (reset === "all") await hook(sb, "stats/reset", {});
    });
  }
  afterAll(() => running?.stop());
  const suite: SandboxSuite = {
    get sb() {
      if (running === undefined) throw new Error("The sandbox starts in beforeAll: use it inside a test.");
      return running;
    },
    get admin() {
      if (adminToken === undefined) throw new Error("No admin token: the suite was made with signIn: false.");
      return adminToken;
    },
  };
  return suite;
}
