/**
 * The set-up most integration suites share: one harness for the describe block, its global admin
 * signed in once by device code, and a fresh tenant per test.
 */
import type { EngineDeps } from "@boxafe-connect/core";
import { afterAll, beforeAll } from "vitest";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";

export interface AdminSuite {
  /** The running harness (available from the tests on; the suite starts it in beforeAll). */
  readonly h: Harness;
  /** The global admin's Graph token. */
  readonly token: string;
  /** Resets the tenant and returns engine ports on Graph as the admin. */
  fresh(): Promise<EngineDeps>;
}

/** Registers the suite's beforeAll/afterAll in the calling describe block. */
export function useAdminHarness(options: HarnessOptions = {}): AdminSuite {
  let harness: Harness | undefined;
  let token = "";
  beforeAll(async () => {
    harness = await startHarness(options);
    token = await harness.signIn(harness.sandbox.admin.upn);
  });
  afterAll(async () => harness?.stop());
  const started = (): Harness => {
    if (!harness) throw new Error("the admin suite's harness starts in beforeAll; use it inside a test");
    return harness;
  };
  return {
    get h() {
      return started();
    },
    get token() {
      return token;
    },
    async fresh() {
      const h = started();
      await h.reset();
      return h.deps(h.graph(token));
    },
  };
}
