/**
 * Makes the README's picture: the review step of a fresh setup against the sandbox, one desktop viewport.
 * It writes test-results/readme-setup.png; with UPDATE_SCREENSHOTS=1 also docs/screenshot-setup.png
 * (CONTRIBUTING.md: refreshing the docs screenshots). Run from the repo root after a build:
 *   UPDATE_SCREENSHOTS=1 pnpm --filter @boxafe-connect/web exec tsx scripts/readme-screenshot.ts
 */
import { docsScreenshot } from "../e2e/docs-screenshot.js";
import { signIn } from "../e2e/flows.js";
import { newPage, startStack } from "../e2e/harness.js";
import { buildPage } from "../server/build-page.js";

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
  const written = await docsScreenshot(page, "readme-setup", "screenshot-setup.png", false);
  process.stdout.write(`wrote ${written.join(", ")}\n`);
} finally {
  await stack.stop();
}
