import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedGrants, grantsByResource, runSetup, signIn } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, seriousViolations, startStack } from "./harness.js";

let stack: Stack;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  ({ context, page } = await newPage(stack));
});
afterAll(async () => {
  await stack?.stop();
});

const EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";

describe("check and repair in the browser", () => {
  it("finds a grant removed in the tenant and puts it back", async () => {
    await signIn(page, stack, stack.sandbox.admin.upn);
    await runSetup(page);
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    // The admin saves the secret: until then the tenant counts it unheld and a check would replace it.
    await page.getByRole("button", { name: "I have saved the secret" }).click();
    await page.getByRole("button", { name: "I have saved the secret" }).waitFor({ state: "detached" });

    // An admin removes the Exchange delegated grant in the portal.
    const before = await sandboxState(context, stack.sandbox);
    const exchangeSp = before.servicePrincipals.find((s) => s.appId === EXCHANGE);
    const data = stack.sandbox.context.dir.data;
    data.oauth2PermissionGrants = data.oauth2PermissionGrants.filter((g) => g.resourceId !== exchangeSp?.id);
    expect(grantsByResource(await sandboxState(context, stack.sandbox), clientId)[EXCHANGE]).toBeUndefined();

    await page.getByRole("button", { name: "Check or repair an existing app" }).click();
    await page.getByRole("heading", { name: "Check and repair an app" }).waitFor();
    await page.getByLabel("Application (client) ID").fill(clientId);
    await page.getByRole("button", { name: "Check the app" }).click();
    await page.getByTestId("drift-changes").waitFor();
    expect(await page.getByTestId("drift-changes").textContent()).toMatch(/^1 to repair/);
    const row = page.locator('tr[data-permission="EWS.AccessAsUser.All"]');
    expect(await row.getByTestId("permission-status").textContent()).toBe("Missing");
    await screenshot(page, "11-check-drift");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Repair the app" }).click();
    await page.getByTestId("repair-done").waitFor();
    await screenshot(page, "12-repaired");
    expect(await seriousViolations(page)).toEqual([]);

    const after = await sandboxState(context, stack.sandbox);
    expect(grantsByResource(after, clientId)).toEqual(expectedGrants);
    const app = after.applications.find((a) => a.appId === clientId);
    expect(app?.passwordCredentials).toHaveLength(1);

    // A second check finds nothing to do.
    await page.getByRole("button", { name: "Check the app" }).click();
    await page.getByTestId("drift-none").waitFor();
  });
});
