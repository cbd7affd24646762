// Bundles the CLI into dist/ so `node dist/main.js` runs without tsx. Workspace packages (TypeScript
// sources) and npm dependencies are bundled; code splitting keeps msal, the Graph client, clack and
// the sandbox in chunks that only the commands needing them load, so `--help` stays near bare Node.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");

// esbuild never deletes: without a clean outdir, every build's chunks pile up in dist and in the
// packed tarball (dist/**/*.js).
rmSync(join(here, "dist"), { recursive: true, force: true });

const result = await build({
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
  metafile: true,
  banner: {
    // CommonJS dependencies (msal-node, jsonwebtoken) call require() for Node built-ins.
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __bcCreateRequire } from "node:module";',
      "const require = __bcCreateRequire(import.meta.url);",
    ].join("\n"),
  },
});

// The workspace files this bundle was made from, for scripts/cli.mjs's staleness check: a stat of each
// (no directory walk) tells whether a rebuild is due. A new file matters only once an input imports it,
// and that import changes the input's mtime. Not shipped: the package takes dist/**/*.js only.
const inputs = Object.keys(result.metafile.inputs)
  .filter((file) => !file.includes("node_modules"))
  .map((file) => relative(root, resolve(here, file)));
writeFileSync(
  join(here, "dist", "inputs.json"),
  `${JSON.stringify([...inputs, "pnpm-lock.yaml", "packages/cli/build.mjs", "packages/cli/package.json"])}\n`,
);
