/**
 * The review step lists core's preflight checks before any write, and the plan follows them: a tenant that caps
 * secrets at 90 days gets a 90-day secret. Screenshot: test-results/41-review-preflight.png (docs/screenshot-preflight-web.png
 * with UPDATE_SCREENSHOTS=1).
 */
import { setPolicies, setTenantPolicy } from "@boxafe-connect/sandbox";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsScreenshot } from "./docs-screenshot.js";
import { runSetup, signIn } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, seriousViolations, startStack } from "./harness.js";

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  ({ page } = await newPage(stack));
});
afterAll(async () => {
  await stack?.stop();
});

describe("preflight on the review step", () => {
  it("shows the tenant's rules before any write and plans a secret within the cap", async () => {
    const dir = stack.sandbox.context.dir;
    expect(setTenantPolicy(dir, { passwordMaxLifetime: "P90D" })).not.toHaveProperty("error");
    expect(setPolicies(dir, { deviceCodeBlock: "enabledForReportingButNotEnforced" })).not.toHaveProperty(
      "error",
    );
    await signIn(page, stack, stack.sandbox.admin.upn);
    // The review's Graph requests: preflight's policy reads ride in observe's first $batch (core's
    // observeTenant, as the CLI), not a request of their own.
    const reads: { path: string; body: string }[] = [];
    let recording = false;
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (recording && url.pathname.startsWith("/v1.0/"))
        reads.push({ path: url.pathname, body: r.postData() ?? "" });
    });
    await runSetup(page, async (step) => {
      if (step === "choose-app") recording = true;
      if (step !== "review") return;
      const list = page.getByTestId("preflight");
      await list.waitFor();
      recording = false;
      expect(reads.filter((r) => r.path.startsWith("/v1.0/policies"))).toEqual([]);
      const withPolicies = reads.filter((r) => r.path === "/v1.0/$batch" && r.body.includes("/policies/"));
      expect(withPolicies).toHaveLength(1);
      expect(withPolicies[0]).toBe(reads.find((r) => r.path === "/v1.0/$batch"));
      expect(await list.locator('[data-check="role"]').getAttribute("data-status")).toBe("pass");
      expect(await list.locator('[data-check="app-management-policy"]').getAttribute("data-status")).toBe(
        "warn",
      );
      expect(await list.locator('[data-check="app-management-policy"]').textContent()).toContain(
        "at most 90 days",
      );
      expect(await list.locator('[data-check="device-code"]').textContent()).toContain("report-only");
      expect(await list.locator('[data-check="ews"]').getAttribute("data-status")).toBe("unknown");
      expect(await page.getByTestId("findings").textContent()).toContain("caps client secrets at 90 days");
      expect(dir.data.applications).toHaveLength(0);
      await docsScreenshot(page, "41-review-preflight", "screenshot-preflight-web.png");
      expect(await seriousViolations(page)).toEqual([]);
    });
    const secret = dir.data.applications[0]?.passwordCredentials[0];
    const days =
      (Date.parse(secret?.endDateTime ?? "") - Date.parse(secret?.startDateTime ?? "")) / 86_400_000;
    expect(days).toBeLessThanOrEqual(90);
    expect(days).toBeGreaterThan(88);
  });

  it("a Privileged Role Administrator where users may not register apps: the failing rule stops the apply", async () => {
    const dir = stack.sandbox.context.dir;
    dir.reset();
    expect(setPolicies(dir, { allowedToCreateApps: false })).not.toHaveProperty("error");
    const fresh = await newPage(stack);
    await signIn(fresh.page, stack, "pra@contoso.onmicrosoft.com");
    await fresh.page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    await fresh.page.getByRole("button", { name: "Review the changes" }).click();
    const row = fresh.page.getByTestId("preflight").locator('[data-check="app-registration"]');
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("fail");
    expect(await row.textContent()).toContain("--app-id");
    await fresh.page.getByTestId("preflight-stop").waitFor();
    expect(await fresh.page.getByRole("button", { name: "Apply the changes" }).isDisabled()).toBe(true);
    expect(dir.data.applications).toHaveLength(0);
    await fresh.context.close();
  });
});
