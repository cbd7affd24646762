import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedGrants, grantsByResource, runSetup, signIn } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, startStack } from "./harness.js";

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

describe("setup in the browser under faults", () => {
  it("converges to the same tenant through replication lag and throttling", async () => {
    await signIn(page, stack, stack.sandbox.admin.upn);
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    // Faults start after sign-in: new objects stay invisible for 1.5 s and 15% of calls get a 429.
    const set = await context.request.post(`${stack.sandbox.url}/_sandbox/faults`, {
      data: { spec: "lag=1500,throttle=0.15", seed: 7 },
    });
    expect(set.ok()).toBe(true);
    await runSetup(page);
    await screenshot(page, "31-faults-hand-over");

    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    const state = await sandboxState(context, stack.sandbox);
    const apps = state.applications.filter((a) => a.displayName === "QNAP Boxafe");
    expect(apps).toHaveLength(1);
    expect(apps[0]?.requiredResourceAccess.reduce((n, r) => n + r.resourceAccess.length, 0)).toBe(26);
    const sp = state.servicePrincipals.find((s) => s.appId === clientId);
    expect(state.appRoleAssignments.filter((a) => a.principalId === sp?.id)).toHaveLength(20);
    expect(grantsByResource(state, clientId)).toEqual(expectedGrants);
    expect(apps[0]?.passwordCredentials).toHaveLength(1);

    // The faults really happened: throttled answers were met and retried.
    const stats = (await (await context.request.get(`${stack.sandbox.url}/_sandbox/stats`)).json()) as {
      byStatus: Record<string, number>;
    };
    expect(stats.byStatus["429"] ?? 0).toBeGreaterThan(0);
  });
});
