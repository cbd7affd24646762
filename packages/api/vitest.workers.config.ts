import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { TEST_API_KEYS_SETTING } from "./src/testing/test-keys.js";

// The same route suite as routes.test.ts, run inside workerd (no nodejs_compat flag).
export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./src/worker.ts",
      miniflare: {
        compatibilityDate: "2026-04-01",
        bindings: {
          CLOUD: "global",
          API_KEYS: TEST_API_KEYS_SETTING,
          TENANT_RATE_LIMIT_CAPACITY: "3",
          TENANT_RATE_LIMIT_REFILL_PER_SECOND: "0.001",
        },
        durableObjects: { LIMITS: "LimitCounter" },
      },
    }),
  ],
  test: { name: "api-workers", include: ["src/**/*.workers.test.ts"], testTimeout: 60_000 },
});
