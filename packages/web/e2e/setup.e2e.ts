import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedGrants, grantsByResource } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, seriousViolations, startStack } from "./harness.js";

let stack: Stack;
let context: BrowserContext;
let page: Page;

async function checkStep(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}

beforeAll(async () => {
  stack = await startStack();
  ({ context, page } = await newPage(stack));
});
afterAll(async () => {
  await stack?.stop();
});

describe("guided setup in the browser", () => {
  it("signs in as admin, reviews, applies, verifies and hands over the values", async () => {
    await page.goto(stack.web.url);
    await page.getByRole("heading", { name: "Sign in to Microsoft 365" }).waitFor();
    await checkStep("01-sign-in");

    await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
    await page.waitForURL(/authorize/);
    await screenshot(page, "02-authorize");
    await page.locator(`button[value="${stack.sandbox.admin.upn}"]`).click();

    await page.getByTestId("role-ok").waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Check your role");
    await checkStep("03-check-role");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    await checkStep("04-choose-app");
    await page.getByRole("button", { name: "Review the changes" }).click();

    await page.getByRole("heading", { name: "Review and apply" }).waitFor();
    await expect.poll(() => page.getByTestId("permission-summary").textContent()).toContain("26 permissions");
    await checkStep("05-review");

    await page.getByRole("button", { name: "Apply the changes" }).click();
    await page.getByRole("heading", { name: "Verify with real tokens" }).waitFor();
    await page.getByTestId("verify-result").waitFor({ timeout: 90_000 });
    await checkStep("06-verify");

    await page.getByRole("button", { name: "Show the values for Boxafe" }).click();
    await page.getByTestId("hand-over-card").waitFor();
    await checkStep("07-hand-over");

    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    const tenantId = (await page.getByTestId("tenant-id").textContent()) ?? "";
    const secret = (await page.getByTestId("client-secret").textContent()) ?? "";
    expect(tenantId).toBe(stack.sandbox.tenantId);
    expect(secret.length).toBeGreaterThan(20);
    for (const [label, value] of [
      ["Application (client) ID", clientId],
      ["Directory (tenant) ID", tenantId],
      ["Client secret value", secret],
    ] as const) {
      await page.getByRole("button", { name: `Copy ${label}` }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    }

    const state = await sandboxState(context, stack.sandbox);
    const app = state.applications.find((a) => a.appId === clientId);
    if (!app) throw new Error("the app is not in the sandbox");
    const declared = app.requiredResourceAccess.reduce((n, r) => n + r.resourceAccess.length, 0);
    expect(declared).toBe(26);
    const sp = state.servicePrincipals.find((s) => s.appId === clientId);
    if (!sp) throw new Error("no service principal");
    expect(state.appRoleAssignments.filter((a) => a.principalId === sp.id)).toHaveLength(20);
    const grants = state.oauth2PermissionGrants.filter((g) => g.clientId === sp.id);
    expect(grants).toHaveLength(3);
    expect(grants.every((g) => g.consentType === "AllPrincipals")).toBe(true);
    expect(grantsByResource(state, clientId)).toEqual(expectedGrants);
    expect(app.passwordCredentials).toHaveLength(1);

    await page.getByRole("button", { name: "SharePoint (optional)" }).click();
    await page.getByTestId("sharepoint-advice").waitFor();
    await checkStep("08-sharepoint");
  });
});
