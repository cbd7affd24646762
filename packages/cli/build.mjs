// Bundles the CLI into dist/ so `node dist/main.js` runs without tsx. Workspace packages (TypeScript
// sources) and npm dependencies are bundled; code splitting keeps msal, the Graph client, clack and
// the sandbox in chunks that only the commands needing them load, so `--help` stays near bare Node.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  logLevel: "warning",
  banner: {
    // CommonJS dependencies (msal-node, jsonwebtoken) call require() for Node built-ins.
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __bcCreateRequire } from "node:module";',
      "const require = __bcCreateRequire(import.meta.url);",
    ].join("\n"),
  },
});
