/**
 * Two-phase rotation from check and repair, against the sandbox: rotate adds a new secret and keeps
 * the old one (both get tokens from the sandbox's token endpoint, asked by this test as Boxafe would);
 * retire is refused until the admin says Boxafe holds the new one, then removes only the old one:
 * the old secret stops getting tokens and the new one keeps working. For Boxafe 1.5 the rotation
 * makes a certificate in the page, proven through /v1/prove with assertions signed in the page (the
 * key is never sent); a second one retires the first, and the secret (another type) stays.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertionToken, download, splitPem } from "./certificate-check.js";
import { docsElementScreenshot } from "./docs-screenshot.js";
import { runSetup, signIn } from "./flows.js";
import type { SandboxState, Stack } from "./harness.js";
import { newPage, sandboxState, seriousViolations, startStack } from "./harness.js";
import { GRAPH, secretToken } from "./token-check.js";

let stack: Stack;
let context: BrowserContext;
let page: Page;
/** Bodies the page posted to its own token-proof path, and every body it sent. */
const verifyPosts: string[] = [];
const sentBodies: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  ({ context, page } = await newPage(stack));
  page.on("request", (r) => {
    const body = r.postData();
    if (body) sentBodies.push(body);
    if (body && new URL(r.url()).pathname === "/api/v1/verify") verifyPosts.push(body);
  });
});
afterAll(async () => {
  await stack?.stop();
});

const appOf = (state: SandboxState, appId: string) => state.applications.find((a) => a.appId === appId);
const pendingOf = (state: SandboxState, appId: string) =>
  (appOf(state, appId)?.tags ?? []).filter((t) => t.startsWith("boxafe-connect:pending:"));

async function openCheck(clientId: string): Promise<void> {
  await page.getByRole("button", { name: "Check or repair an existing app" }).click();
  await page.getByRole("heading", { name: "Check and repair an app" }).waitFor();
  await page.getByLabel("Application (client) ID").fill(clientId);
  await page.getByRole("button", { name: "Check the app" }).click();
  await page.getByTestId("credentials").waitFor();
}

describe("two-phase rotation in check and repair", () => {
  let clientId = "";
  let oldSecret = "";

  it("rotates a secret (the old one keeps working), then retires the old one only when asked", async () => {
    await signIn(page, stack, stack.sandbox.admin.upn);
    await runSetup(page);
    clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    oldSecret = (await page.getByTestId("client-secret").textContent()) ?? "";
    await page.getByRole("button", { name: "I have saved the secret" }).click();
    await page.getByRole("button", { name: "I have saved the secret" }).waitFor({ state: "detached" });

    await openCheck(clientId);
    const rows = page.getByTestId("credentials").locator("tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getByTestId("credential-status").textContent()).toBe("Valid");
    expect(Number(await rows.first().getByTestId("days-left").textContent())).toBeGreaterThan(60);
    // The app holds only a secret of ours: the card suggests Boxafe 1.4.
    expect(await page.getByRole("radio", { name: /^Boxafe 1\.4/ }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    const posted = verifyPosts.length;
    await page.getByRole("button", { name: "Rotate: add a new secret" }).click();
    await page.getByTestId("rotate-done").waitFor({ timeout: 90_000 });
    const card = page.getByTestId("rotation");
    const newSecret = (await card.getByTestId("client-secret").textContent()) ?? "";
    expect(newSecret.length).toBeGreaterThan(20);
    expect(newSecret).not.toBe(oldSecret);
    // The proof went through the page's own verification service, never a browser token request.
    expect(verifyPosts.length).toBeGreaterThan(posted);
    await card.getByTestId("rotation-proof").waitFor();
    // The list is read again: the old and the new secret, both valid.
    await expect.poll(() => rows.count()).toBe(2);

    // Phase one kept the old secret: both get tokens. Shown is not held: the new one keeps its pending
    // mark, and the list says nobody holds it, until the admin copies it or says it is in Boxafe.
    const rotatedState = await sandboxState(context, stack.sandbox);
    expect(appOf(rotatedState, clientId)?.passwordCredentials).toHaveLength(2);
    expect(pendingOf(rotatedState, clientId)).toHaveLength(1);
    expect(await rows.getByTestId("credential-status").allTextContents()).toContain(
      "Nobody holds it (an interrupted run): setup replaces it",
    );
    expect((await secretToken(context, stack.sandbox, clientId, oldSecret)).status).toBe(200);
    await expect
      .poll(async () => (await secretToken(context, stack.sandbox, clientId, newSecret)).status, {
        timeout: 60_000,
      })
      .toBe(200);

    // Retire is impossible until the admin says Boxafe holds the new secret.
    const retireButton = card.getByRole("button", { name: "Retire old credentials" });
    expect(await retireButton.isDisabled()).toBe(true);
    await card.getByRole("checkbox", { name: /I have put the new secret in Boxafe/ }).check();
    expect(await retireButton.isDisabled()).toBe(false);
    // The admin has it now: the mark is cleared.
    await expect
      .poll(async () => pendingOf(await sandboxState(context, stack.sandbox), clientId))
      .toEqual([]);
    // The secret's value is masked: a secret never goes into a picture, even a sandbox one.
    await docsElementScreenshot(card, "21-rotation", "screenshot-rotation-web.png", [
      card.getByTestId("client-secret"),
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    await retireButton.click();
    await page.getByTestId("retire-done").waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("retire-done").textContent()).toContain("Retired 1 old secret");
    const retiredState = await sandboxState(context, stack.sandbox);
    expect(appOf(retiredState, clientId)?.passwordCredentials).toHaveLength(1);
    await expect
      .poll(async () => (await secretToken(context, stack.sandbox, clientId, oldSecret)).status, {
        timeout: 60_000,
      })
      .not.toBe(200);
    expect((await secretToken(context, stack.sandbox, clientId, oldSecret)).error).toBe("invalid_client");
    expect((await secretToken(context, stack.sandbox, clientId, newSecret)).status).toBe(200);
    // The list is read again: one secret left.
    await expect.poll(() => rows.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // A reload in the check view reads the same app again (its Application ID is kept, no secret).
    await page.reload();
    await page.getByTestId("credentials").waitFor({ timeout: 90_000 });
    expect(await page.getByLabel("Application (client) ID").inputValue()).toBe(clientId);
    expect(await rows.count()).toBe(1);
    expect(await page.getByTestId("rotated").count()).toBe(0);
    oldSecret = newSecret;
  });

  it("rotates to certificates made in the page (Boxafe 1.5), then retires the older certificate", async () => {
    /** One 1.5 rotation: the downloaded PEM, proven by the page through /v1/prove (assertions only). */
    const rotateCertificate = async () => {
      await page.getByRole("button", { name: "Check the app" }).click();
      await page.getByTestId("credentials").waitFor();
      await page.getByRole("radio", { name: /^Boxafe 1\.5/ }).check();
      await page.getByRole("button", { name: "Rotate: add a new certificate" }).click();
      await page.getByTestId("rotate-done").waitFor({ timeout: 90_000 });
      const pem = splitPem(
        (await download(page, "Download certificate and private key (PEM)")).bytes.toString("utf8"),
      );
      expect(await page.getByTestId("pfx-password").textContent()).toMatch(/^[A-Za-z0-9]{20}$/);
      await expect
        .poll(() => page.getByTestId("rotation-proof").textContent(), { timeout: 90_000 })
        .toContain("Microsoft Graph works");
      return pem;
    };
    const first = await rotateCertificate();
    // The PEM with its key was downloaded: held, so the mark is cleared.
    await expect
      .poll(async () => pendingOf(await sandboxState(context, stack.sandbox), clientId))
      .toEqual([]);
    const state = await sandboxState(context, stack.sandbox);
    expect(appOf(state, clientId)?.keyCredentials).toHaveLength(1);
    expect(appOf(state, clientId)?.passwordCredentials).toHaveLength(1);
    expect((await assertionToken(context, stack.sandbox, clientId, first, GRAPH)).status).toBe(200);
    expect((await secretToken(context, stack.sandbox, clientId, oldSecret)).status).toBe(200);

    // A second rotation keeps the first certificate until it is retired.
    const second = await rotateCertificate();
    await expect.poll(() => page.getByTestId("credentials").locator("tbody tr").count()).toBe(3);
    expect(appOf(await sandboxState(context, stack.sandbox), clientId)?.keyCredentials).toHaveLength(2);
    expect((await assertionToken(context, stack.sandbox, clientId, first, GRAPH)).status).toBe(200);
    const card = page.getByTestId("rotation");
    const retireButton = card.getByRole("button", { name: "Retire old credentials" });
    expect(await retireButton.isDisabled()).toBe(true);
    await card.getByRole("checkbox", { name: /I have put the new certificate in Boxafe/ }).check();
    await retireButton.click();
    await page.getByTestId("retire-done").waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("retire-done").textContent()).toContain("Retired 1 old certificate");
    const after = appOf(await sandboxState(context, stack.sandbox), clientId);
    expect(after?.keyCredentials).toHaveLength(1);
    // Only certificates go with a certificate's proof: the secret stays (core's retire decides).
    expect(after?.passwordCredentials).toHaveLength(1);
    await expect
      .poll(async () => (await assertionToken(context, stack.sandbox, clientId, first, GRAPH)).status, {
        timeout: 60_000,
      })
      .not.toBe(200);
    expect((await assertionToken(context, stack.sandbox, clientId, second, GRAPH)).status).toBe(200);
    // The private key was never sent to the page's services: only assertions signed with it.
    expect(sentBodies.some((body) => body.includes("PRIVATE KEY"))).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a new secret lost to a reload before the admin had it stays marked, and the check lists it unheld", async () => {
    await page.getByRole("button", { name: "Check the app" }).click();
    await page.getByTestId("credentials").waitFor();
    const rows = page.getByTestId("credentials").locator("tbody tr");
    const before = await rows.count();
    await page.getByRole("radio", { name: /^Boxafe 1\.4/ }).check();
    await page.getByRole("button", { name: "Rotate: add a new secret" }).click();
    // On the card at once (never lost before the admin sees it)...
    const shown = page.getByTestId("rotation").getByTestId("client-secret");
    await shown.waitFor({ timeout: 90_000 });
    expect(((await shown.textContent()) ?? "").length).toBeGreaterThan(20);
    await page.getByTestId("rotation-proof").waitFor({ timeout: 90_000 });
    // ...but neither copied, downloaded nor confirmed: a reload loses it, and the tenant still says so.
    await page.reload();
    await page.getByTestId("credentials").waitFor({ timeout: 90_000 });
    await expect.poll(() => rows.count()).toBe(before + 1);
    expect(await page.getByTestId("rotated").count()).toBe(0);
    expect(pendingOf(await sandboxState(context, stack.sandbox), clientId)).toHaveLength(1);
    expect(await rows.getByTestId("credential-status").allTextContents()).toContain(
      "Nobody holds it (an interrupted run): setup replaces it",
    );
  });
});
