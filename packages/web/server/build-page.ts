/** A fresh production build of the page (what `pnpm start` serves and the browser tests load). */
import { fileURLToPath } from "node:url";
import { build } from "vite";

export const webRoot = fileURLToPath(new URL("..", import.meta.url));
export const distDir = `${webRoot}dist`;

export async function buildPage(): Promise<string> {
  await build({ root: webRoot, configFile: `${webRoot}vite.config.ts`, logLevel: "error" });
  return distDir;
}
