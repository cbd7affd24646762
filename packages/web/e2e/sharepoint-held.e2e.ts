/**
 * The SharePoint step's certificate is held by the setup and rotation certificates' rule
 * (src/wizard/held-rule.ts): shown is not held. Made and on screen, the step does not move on and
 * the tenant keeps its pending mark; a reload then loses the key, and the resumed step says so
 * (thumbprint, what to do) instead of a fresh form. The next certificate's PFX download is the
 * hand-over: the mark is cleared and the lost certificate removed, leaving one that gets tokens.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertionToken, download, splitPem } from "./certificate-check.js";
import { runSetup, signIn } from "./flows.js";
import type { SandboxState, Stack } from "./harness.js";
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

const app = (state: SandboxState, clientId: string) => state.applications.find((a) => a.appId === clientId);
const pending = (state: SandboxState, clientId: string) =>
  (app(state, clientId)?.tags ?? []).filter((t) => t.startsWith("boxafe-connect:pending:"));

async function createCertificate(password: string): Promise<string> {
  await page.getByLabel("Password for the PFX file").fill(password);
  await page.getByRole("button", { name: "Create a certificate" }).click();
  await page.getByTestId("certificate-made").waitFor({ timeout: 60_000 });
  return (await page.getByTestId("certificate-thumbprint").textContent()) ?? "";
}

describe("the SharePoint step's certificate", () => {
  it("is not held until its key is downloaded; a reload before that says it is lost; the next one replaces it", async () => {
    await signIn(page, stack, stack.sandbox.admin.upn);
    await runSetup(page);
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    await page.getByRole("button", { name: "I have saved the secret" }).click();
    await page.getByRole("button", { name: "SharePoint (optional)" }).click();
    await page.getByTestId("certificate-panel").waitFor();

    // Made and on screen, nothing downloaded: still pending in the tenant, and the step holds.
    const first = await createCertificate("pfx-pass-1");
    expect(first).toMatch(/^[0-9A-F]{40}$/);
    const made = await sandboxState(context, stack.sandbox);
    const firstKey = app(made, clientId)?.keyCredentials.find((k) => k.customKeyIdentifier === first)?.keyId;
    expect(firstKey).toBeDefined();
    expect(pending(made, clientId)).toEqual([`boxafe-connect:pending:${firstKey}`]);
    expect(await page.getByRole("button", { name: "Done" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Skip" }).isDisabled()).toBe(true);
    expect(await page.getByTestId("certificate-unheld").textContent()).toContain(
      "private key is in this page only",
    );
    await screenshot(page, "sp1-made-not-held");
    expect(await seriousViolations(page)).toEqual([]);

    // A reload: the key was in the old page only. The step comes back and says so.
    await page.reload();
    const lost = page.getByTestId("sharepoint-lost");
    await lost.waitFor({ timeout: 90_000 });
    expect(await lost.textContent()).toContain(first);
    expect(await lost.textContent()).toContain("nobody can use it");
    await screenshot(page, "sp2-reloaded-lost");
    expect(await seriousViolations(page)).toEqual([]);
    expect(pending(await sandboxState(context, stack.sandbox), clientId)).toHaveLength(1);

    // A new one; its PFX download is the hand-over: mark cleared, the lost certificate removed.
    const second = await createCertificate("pfx-pass-2");
    expect(second).not.toBe(first);
    expect(await page.getByRole("button", { name: "Done" }).isDisabled()).toBe(true);
    const pem = splitPem(
      (await download(page, "Download certificate and private key (PEM)")).bytes.toString("utf8"),
    );
    await page.getByTestId("certificate-unheld").waitFor({ state: "detached" });
    const held = await sandboxState(context, stack.sandbox);
    expect(pending(held, clientId)).toEqual([]);
    expect(app(held, clientId)?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([second]);
    await screenshot(page, "sp3-held");
    const token = await assertionToken(
      context,
      stack.sandbox,
      clientId,
      pem,
      "https://contoso.sharepoint.com",
    );
    expect(token.status, String(token.body.error_description ?? "")).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByTestId("done").waitFor();
  });

  it("Boxafe 1.5: the handed-over certificate already gives SharePoint access; no second one is made", async () => {
    stack.sandbox.context.dir.reset();
    await context.close();
    ({ context, page } = await newPage(stack));
    await signIn(page, stack, stack.sandbox.admin.upn);
    await runSetup(page, undefined, "1.5");
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    await download(page, "Download certificate with private key (PFX)");
    await page.getByRole("button", { name: "SharePoint (optional)" }).click();
    const reused = page.getByTestId("sharepoint-reused");
    await reused.waitFor({ timeout: 60_000 });
    const [key] = app(await sandboxState(context, stack.sandbox), clientId)?.keyCredentials ?? [];
    expect(await reused.textContent()).toContain(String(key?.customKeyIdentifier));
    await screenshot(page, "sp4-1.5-reused");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByTestId("done").waitFor();
    const end = await sandboxState(context, stack.sandbox);
    expect(app(end, clientId)?.keyCredentials).toHaveLength(1);
    expect(pending(end, clientId)).toEqual([]);
  });
});
