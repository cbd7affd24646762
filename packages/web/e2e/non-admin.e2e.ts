import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, seriousViolations, startStack } from "./harness.js";

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  // A phone-sized window: the page must stay readable at 360 px.
  ({ page } = await newPage(stack, 360));
});
afterAll(async () => {
  await stack?.stop();
});

describe("a non-admin signs in", () => {
  it("sees the role error with who can do it, and nothing is written", async () => {
    await page.goto(stack.web.url);
    await page.getByRole("heading", { name: "Sign in to Microsoft 365" }).waitFor();
    await screenshot(page, "21-sign-in-360px");
    expect(await seriousViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await signIn(page, stack, "user@contoso.onmicrosoft.com");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.getAttribute("data-code")).toBe("insufficient_role");
    expect(await alert.textContent()).toContain("Global Administrator or Privileged Role Administrator");
    expect(await page.getByRole("button", { name: "Sign in again" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Review the changes" }).count()).toBe(0);
    // At 360 px the rail folds into one line naming the failed step.
    expect(await page.locator(".rail .summary").textContent()).toBe("Step 2 of 10: Check the admin role");
    await screenshot(page, "22-role-error-360px");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const state = await sandboxState(page.context(), stack.sandbox);
    expect(state.applications.filter((a) => a.displayName === "QNAP Boxafe")).toHaveLength(0);

    // "Sign in again" goes back to the sign-in page, where an administrator can take over.
    await page.getByRole("button", { name: "Sign in again" }).click();
    await page.waitForURL(/oauth2\/v2\.0\/authorize/);
    await page.locator(`button[value="${stack.sandbox.admin.upn}"]`).click();
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    expect(await page.getByTestId("account").textContent()).toContain(stack.sandbox.admin.upn);
  });
});
