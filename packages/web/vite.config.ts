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
  },
  resolve: { conditions: ["development", "browser"] },
});
