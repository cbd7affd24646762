import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// The same route suite as routes.test.ts, run inside workerd (no nodejs_compat flag).
export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./src/worker.ts",
      miniflare: { compatibilityDate: "2026-04-01", bindings: { CLOUD: "global" } },
    }),
  ],
  test: { name: "api-workers", include: ["src/**/*.workers.test.ts"], testTimeout: 60_000 },
});
