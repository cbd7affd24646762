/**
 * Makes docs/screenshot-setup.png for the README: the review step of a fresh setup against the
 * sandbox, one desktop viewport. Run from the repo root after a build:
 *   pnpm --filter @boxafe-connect/web exec tsx scripts/readme-screenshot.ts
 */
import { fileURLToPath } from "node:url";
import { signIn } from "../e2e/flows.js";
import { newPage, startStack } from "../e2e/harness.js";
import { buildPage } from "../server/build-page.js";

const target = fileURLToPath(new URL("../../../docs/screenshot-setup.png", import.meta.url));
await buildPage();
const stack = await startStack();
try {
  const { page } = await newPage(stack, 1200);
  await page.setViewportSize({ width: 1200, height: 760 });
  await signIn(page, stack, stack.sandbox.admin.upn);
  await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
  await page.getByRole("button", { name: "Review the changes" }).click();
  await page.getByRole("heading", { name: "Review and apply" }).waitFor();
  await page.getByRole("button", { name: "Advisory" }).first().click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: target });
  process.stdout.write(`wrote ${target}\n`);
} finally {
  await stack.stop();
}
