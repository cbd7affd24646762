import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [solid()],
  build: { outDir: "dist", target: "es2022" },
  test: { name: "web", environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"] },
  resolve: { conditions: ["development", "browser"] },
});
