import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [solid()],
  build: { outDir: "dist", target: "es2022", sourcemap: false },
  test: {
    name: "web",
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/setup-tests.ts"],
    // jsdom queries are slow on a busy 2-core machine; timing is never what these tests check.
    testTimeout: 30_000,
  },
  resolve: { conditions: ["development", "browser"] },
});
