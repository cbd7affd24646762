/**
 * Screenshots the docs show. Every run writes them into the package's test-results/ (gitignored), so a
 * test or CI run never rewrites a tracked file; `UPDATE_SCREENSHOTS=1` also copies them over the tracked
 * docs/ file (CONTRIBUTING.md: refreshing the docs screenshots).
 */
import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { resultsDir } from "./harness.js";

const docsDir = fileURLToPath(new URL("../../../docs/", import.meta.url));

/** True when this run should refresh the tracked docs/ screenshots. */
export function updatingScreenshots(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.UPDATE_SCREENSHOTS === "1";
}

/**
 * Saves `page` as test-results/<name>.png and, when refreshing, as docs/<docsFile>; returns the paths written.
 * `fullPage` is false for a fixed viewport (the README's picture).
 */
export async function docsScreenshot(
  page: Page,
  name: string,
  docsFile: string,
  fullPage = true,
): Promise<string[]> {
  const result = `${resultsDir}/${name}.png`;
  await page.screenshot({ path: result, fullPage });
  return publish(result, docsFile);
}

/**
 * The same for one element (a card), so the docs show it without the page around it; `mask` covers
 * what must never be in a picture (a secret's value, even a sandbox one).
 */
export async function docsElementScreenshot(
  element: Locator,
  name: string,
  docsFile: string,
  mask: readonly Locator[] = [],
): Promise<string[]> {
  const result = `${resultsDir}/${name}.png`;
  await element.screenshot({ path: result, mask: [...mask] });
  return publish(result, docsFile);
}

function publish(result: string, docsFile: string): string[] {
  if (!updatingScreenshots()) return [result];
  const tracked = `${docsDir}${docsFile}`;
  copyFileSync(result, tracked);
  return [result, tracked];
}
