// Bundles the CLI so `node dist/main.js` starts without tsx; heavy parts stay in lazily loaded chunks.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
