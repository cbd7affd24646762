/**
 * A reload at each step after sign-in resumes the walk (core's resumeState over the sessionStorage
 * state, which holds no secret). A secret made before a reload and never shown is gone with the
 * page's memory: the tenant still counts it unheld (its pending mark), so the resumed walk reads the
 * tenant again, makes a new secret, hands it over and only then removes the unheld one. The walk
 * ends with one app, one working secret, no pending mark and no orphan.
 */
import type { BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertionToken, download, splitPem } from "./certificate-check.js";
import { chooseBoxafe, signIn } from "./flows.js";
import type { SandboxState, Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, seriousViolations, startStack } from "./harness.js";
import { GRAPH, secretToken } from "./token-check.js";

let stack: Stack;
let context: BrowserContext;
let page: Page;
/** The page's refresh-token requests: each reload after sign-in must find its token in msal's cache. */
let refreshes = 0;

function countRefreshes(watched: BrowserContext): void {
  watched.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/oauth2/v2.0/token")) {
      if ((request.postData() ?? "").includes("grant_type=refresh_token")) refreshes += 1;
    }
  });
}

beforeAll(async () => {
  stack = await startStack();
  ({ context, page } = await newPage(stack));
  countRefreshes(context);
});
afterAll(async () => {
  await stack?.stop();
});

const ours = (state: SandboxState) => state.applications.filter((a) => a.displayName === "QNAP Boxafe");
const pendingTags = (state: SandboxState) =>
  ours(state).flatMap((a) => (a.tags ?? []).filter((t) => t.startsWith("boxafe-connect:pending:")));

async function reloadAndCheck(name: string): Promise<void> {
  await page.reload();
  await screenshot(page, name);
}

/**
 * Waits for the review after a resume; on a timeout the failure says what the page showed instead.
 * No "Sign in again" path: the page finds its token in msal's cache after a reload (auth/session.ts),
 * so no refresh token is in flight for a reload to cut short (the sandbox makes them single-use).
 */
async function reviewShown(): Promise<void> {
  const review = page.getByRole("heading", { name: "Review and apply" });
  try {
    await review.waitFor({ timeout: 90_000 });
  } catch (error) {
    await screenshot(page, "r-failed-no-review");
    throw new Error(
      `no review after the resume; the page shows: ${await page.locator("main").textContent()}`,
      {
        cause: error,
      },
    );
  }
}

const isGraph = (url: URL) => url.pathname.startsWith("/v1.0/");

/**
 * Holds the page's Graph requests (never answered) once its saved walk is at "verifying", so the reload
 * lands there whatever the machine's load: the walk cannot reach the hand-over first. Returns the release, to call before the reload.
 */
async function holdAtVerify(): Promise<() => Promise<void>> {
  const hold = async (route: Route) => {
    const phase = await page
      .evaluate(() => {
        const saved = sessionStorage.getItem("boxafe-connect.wizard");
        return saved === null ? undefined : (JSON.parse(saved) as { phase?: string }).phase;
      })
      .catch(() => undefined);
    if (phase === "verifying") return;
    await route.continue();
  };
  await page.route(isGraph, hold);
  return () => page.unroute(isGraph, hold);
}

async function apply(): Promise<void> {
  await page.getByRole("button", { name: "Apply the changes" }).click();
}

describe("resume after a reload", () => {
  it("reloads at review, after apply and at the hand-over: one app, one held secret, no orphan", async () => {
    await signIn(page, stack, stack.sandbox.admin.upn);
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    await chooseBoxafe(page, "1.4");
    await page.getByRole("button", { name: "Review the changes" }).click();
    await page.getByRole("heading", { name: "Review and apply" }).waitFor();

    // 1. Review: the tenant is read again and the same plan (Boxafe 1.4: a secret) is shown.
    await reloadAndCheck("r1-review-reloaded");
    await page.getByRole("heading", { name: "Review and apply" }).waitFor();
    await expect.poll(() => page.getByTestId("permission-summary").textContent()).toContain("26 permissions");
    // The Boxafe version chosen before the reload still holds (page-choices.ts): 1.4 plans a secret.
    expect(await page.locator("main").textContent()).toContain("Add client secret");
    expect(ours(await sandboxState(context, stack.sandbox))).toHaveLength(0);
    expect(await seriousViolations(page)).toEqual([]);

    // 2. After apply, while verifying: the secret was only in the old page's memory.
    await context.request.post(`${stack.sandbox.url}/_sandbox/faults`, { data: { spec: "latency=300" } });
    await apply();
    await page.getByRole("heading", { name: "Verify with real tokens" }).waitFor({ timeout: 90_000 });
    const afterApply = await sandboxState(context, stack.sandbox);
    expect(ours(afterApply)).toHaveLength(1);
    const lost1 = ours(afterApply)[0]?.passwordCredentials[0]?.keyId;
    expect(pendingTags(afterApply)).toHaveLength(1);
    // The latency only had to hold the walk at the verify step until the reload (then it is cleared).
    await reloadAndCheck("r2-verify-reloaded");
    await context.request.post(`${stack.sandbox.url}/_sandbox/faults`, { data: { spec: "" } });
    // Core resumes to a new read of the tenant: the review says the unheld secret is replaced.
    await reviewShown();
    await expect.poll(() => page.locator("main").textContent()).toContain("never handed over");
    expect(await page.locator("main").textContent()).toContain("Add client secret");
    expect(await seriousViolations(page)).toEqual([]);
    await apply();

    // 3. At the hand-over, the new secret on screen but not yet saved: reload.
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("client-secret").count()).toBe(1);
    const lost2State = await sandboxState(context, stack.sandbox);
    expect(ours(lost2State)).toHaveLength(1);
    await reloadAndCheck("r3-hand-over-reloaded");
    await reviewShown();
    await expect.poll(() => page.locator("main").textContent()).toContain("never handed over");
    await apply();
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    const secret = (await page.getByTestId("client-secret").textContent()) ?? "";
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "I have saved the secret" }).click();
    await page.getByRole("button", { name: "I have saved the secret" }).waitFor({ state: "detached" });

    // Saved: the unheld secrets are gone, the held one stays, and it gets a token.
    await expect
      .poll(async () => ours(await sandboxState(context, stack.sandbox))[0]?.passwordCredentials.length)
      .toBe(1);
    const end = await sandboxState(context, stack.sandbox);
    expect(ours(end)).toHaveLength(1);
    expect(ours(end)[0]?.appId).toBe(clientId);
    expect(ours(end)[0]?.passwordCredentials.map((p) => p.keyId)).not.toContain(lost1);
    expect(pendingTags(end)).toEqual([]);
    expect((await secretToken(context, stack.sandbox, clientId, secret)).status).toBe(200);

    // 4. A reload after saving stays at the hand-over (nothing is replaced), and the walk finishes.
    await reloadAndCheck("r4-hand-over-saved-reloaded");
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("secret-absent").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Finish" }).click();
    const final = await sandboxState(context, stack.sandbox);
    expect(ours(final)).toHaveLength(1);
    expect(ours(final)[0]?.passwordCredentials).toHaveLength(1);
    expect(pendingTags(final)).toEqual([]);
    // Four reloads, every Graph call after sign-in: the access token from the sign-in served them all
    // (tokens live an hour), so no refresh token was spent, and none could be lost to a reload.
    expect(refreshes).toBe(0);
  });
});

describe("resume after a reload, Boxafe 1.5", () => {
  it("replaces a certificate whose key died with the page while verifying; the new key gets tokens", async () => {
    stack.sandbox.context.dir.reset();
    await context.close();
    ({ context, page } = await newPage(stack));
    refreshes = 0;
    countRefreshes(context);
    await signIn(page, stack, stack.sandbox.admin.upn);
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    await chooseBoxafe(page, "1.5");
    await page.getByRole("button", { name: "Review the changes" }).click();
    await page.getByRole("heading", { name: "Review and apply" }).waitFor();
    const release = await holdAtVerify();
    await apply();
    await page.getByRole("heading", { name: "Verify with real tokens" }).waitFor({ timeout: 90_000 });
    const lost = ours(await sandboxState(context, stack.sandbox))[0]?.keyCredentials[0]?.keyId;
    expect(lost).toBeDefined();
    // The private key was only in the page: the tenant still counts the certificate unheld.
    expect(pendingTags(await sandboxState(context, stack.sandbox))).toHaveLength(1);
    // Requests already held stay unanswered until the reload ends the old page; the new one is free.
    await release();
    await reloadAndCheck("r5-verify-1.5-reloaded");
    await reviewShown();
    await expect.poll(() => page.locator("main").textContent()).toContain("never reached anyone");
    // Still Boxafe 1.5 after the reload: a new certificate, no secret.
    expect(await page.locator("main").textContent()).toContain("Upload certificate");
    expect(await page.locator("main").textContent()).not.toContain("Add client secret");
    await apply();
    // The hand-over offers the downloads, none taken yet (the CER has no key): still unheld, so a
    // reload here loses a key nobody has and the resumed review plans a new certificate again.
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    await download(page, "Download certificate only (CER)");
    const offered = await sandboxState(context, stack.sandbox);
    // Both unheld: the first is removed only once its replacement is held, which this one is not yet.
    expect(pendingTags(offered)).toHaveLength(2);
    expect(ours(offered)[0]?.keyCredentials.map((k) => k.keyId)).toContain(lost);
    const lost2 = ours(offered)[0]?.keyCredentials.find((k) => k.keyId !== lost)?.keyId;
    expect(lost2).toBeDefined();
    await reloadAndCheck("r6-hand-over-1.5-offered-reloaded");
    await reviewShown();
    await expect.poll(() => page.locator("main").textContent()).toContain("never reached anyone");
    await apply();
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    const pem = splitPem(
      (await download(page, "Download certificate and private key (PEM)")).bytes.toString("utf8"),
    );
    await page.getByRole("button", { name: "Finish" }).click();
    await expect
      .poll(async () => ours(await sandboxState(context, stack.sandbox))[0]?.keyCredentials.length)
      .toBe(1);
    const end = await sandboxState(context, stack.sandbox);
    expect(ours(end)).toHaveLength(1);
    expect(ours(end)[0]?.keyCredentials.map((k) => k.keyId)).not.toContain(lost);
    expect(ours(end)[0]?.keyCredentials.map((k) => k.keyId)).not.toContain(lost2);
    expect(ours(end)[0]?.passwordCredentials).toEqual([]);
    expect(pendingTags(end)).toEqual([]);
    await expect
      .poll(async () => (await assertionToken(context, stack.sandbox, clientId, pem, GRAPH)).status, {
        timeout: 60_000,
      })
      .toBe(200);
    expect(refreshes).toBe(0);
  });
});
