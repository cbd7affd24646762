import { fileURLToPath } from "node:url";
import { build } from "vite";

/** A fresh production build of the page, so the browser tests what `pnpm start` serves. */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  await build({ root, logLevel: "warn", configFile: `${root}/vite.config.ts` });
}
