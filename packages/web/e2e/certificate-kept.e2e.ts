/**
 * A second Boxafe 1.5 walk keeps the app's certificate (core's chooseCertificate "kept", as the CLI's
 * cli/e2e/certificate-kept.test.ts): the first walk's certificate was handed over (its PFX
 * downloaded), so walking setup again makes no key pair, adds nothing, writes nothing to the tenant,
 * and the page says the certificate is held elsewhere and the proofs did not run. Making a new one
 * is the admin's explicit choice (core's newCertificate), which adds a second key and hands it over.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download } from "./certificate-check.js";
import { chooseBoxafe, runSetup, signIn } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, seriousViolations, startStack } from "./harness.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("walking Boxafe 1.5 setup again on the web page", () => {
  let context: BrowserContext;
  let page: Page;

  const keysOf = async (clientId: string) =>
    (await sandboxState(context, stack.sandbox)).applications.find((a) => a.appId === clientId)
      ?.keyCredentials ?? [];
  const writes = () => stack.sandbox.context.stats.snapshot().writes;

  it("keeps the held certificate: nothing made, added or written; a new one only when asked", async () => {
    stack.sandbox.context.dir.reset();
    ({ context, page } = await newPage(stack));
    await signIn(page, stack, stack.sandbox.admin.upn);
    await runSetup(page, undefined, "1.5");
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    // The admin holds the key (held-rule.ts): the pending mark goes, so the next walk may keep it.
    await download(page, "Download certificate with private key (PFX)");
    const pending = async () =>
      (
        (await sandboxState(context, stack.sandbox)).applications.find((a) => a.appId === clientId)?.tags ??
        []
      ).filter((t) => t.startsWith("boxafe-connect:pending:"));
    await expect.poll(pending, { timeout: 60_000 }).toEqual([]);
    const [first] = await keysOf(clientId);
    expect(await keysOf(clientId)).toHaveLength(1);
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByTestId("done").waitFor();

    // The second walk, on the same page: the same app (by name), the same Boxafe version.
    const before = writes();
    await page.getByRole("button", { name: "Set up another app" }).click();
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor({ timeout: 60_000 });
    await chooseBoxafe(page, "1.5");
    await page.getByRole("button", { name: "Review the changes" }).click();
    // Nothing to do: core skips the review, the proofs do not run, the hand-over names the kept one.
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    const kept = page.getByTestId("certificate-kept");
    await kept.waitFor();
    expect(await kept.textContent()).toContain(first?.customKeyIdentifier ?? "missing thumbprint");
    expect(await kept.textContent()).toMatch(/held elsewhere/);
    expect(await page.getByTestId("verify-result").textContent()).toMatch(/not run/i);
    expect(await page.getByTestId("certificate-downloads").count()).toBe(0);
    expect(await page.getByTestId("pfx-password").count()).toBe(0);
    await screenshot(page, "58-boxafe-15-certificate-kept");
    expect(await seriousViolations(page)).toEqual([]);
    expect(writes()).toBe(before);
    expect((await keysOf(clientId)).map((k) => k.keyId)).toEqual([first?.keyId]);

    // The admin asks for a new certificate: a second key pair, handed over like the first.
    await kept.getByRole("button", { name: "Make a new certificate" }).click();
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor({ timeout: 60_000 });
    await runSetup(page, undefined, "1.5");
    expect(await page.getByTestId("certificate-downloads").count()).toBe(1);
    expect(await page.getByTestId("certificate-kept").count()).toBe(0);
    expect(await keysOf(clientId)).toHaveLength(2);
    await context.close();
  });
});
