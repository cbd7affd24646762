/**
 * The page asks which Boxafe takes the values (core's boxafe/version.ts): 1.5, the default with its
 * reason, gets a certificate made in the page (PFX with a random password, PEM, CER) and no secret;
 * 1.4 gets a secret and no certificate. Screenshot: test-results/51-boxafe-version.png
 * (docs/screenshot-boxafe-version-web.png with UPDATE_SCREENSHOTS=1).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_BOXAFE_VERSION_REASON } from "@boxafe-connect/core";
import { decodeJwt } from "jose";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertionToken, download, splitPem } from "./certificate-check.js";
import { docsScreenshot } from "./docs-screenshot.js";
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

/** Opens the PFX with its password (openssl, as an admin would check it) and returns its certificate PEM. */
function pfxCertificate(bytes: Buffer, password: string): string {
  const dir = mkdtempSync(join(tmpdir(), "boxafe-pfx-"));
  try {
    const file = join(dir, "boxafe.pfx");
    writeFileSync(file, bytes, { mode: 0o600 });
    return execFileSync("openssl", ["pkcs12", "-in", file, "-nokeys", "-passin", "env:PFX_PASSWORD"], {
      env: { ...process.env, PFX_PASSWORD: password },
    }).toString("utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the Boxafe version on the web page", () => {
  let context: BrowserContext;
  let page: Page;

  it("1.5 (the default): a certificate made in the page, handed over as PFX with its password, PEM and CER", async () => {
    ({ context, page } = await newPage(stack));
    const sent: string[] = [];
    page.on("request", (r) => {
      const body = r.postData();
      if (body) sent.push(body);
    });
    await signIn(page, stack, stack.sandbox.admin.upn);
    await runSetup(
      page,
      async (step) => {
        if (step === "choose-app") {
          expect(
            await page.getByRole("radio", { name: /Boxafe 1\.5 or later.*\(default\)/ }).isChecked(),
          ).toBe(true);
          expect(await page.getByTestId("boxafe-version-hint").textContent()).toContain(
            DEFAULT_BOXAFE_VERSION_REASON,
          );
          // Boxafe 1.5 takes no secret, so its lifetime is not asked.
          expect(await page.getByLabel("Client secret expires after").count()).toBe(0);
          await docsScreenshot(page, "51-boxafe-version", "screenshot-boxafe-version-web.png");
          expect(await seriousViolations(page)).toEqual([]);
        }
      },
      "1.5",
    );
    await screenshot(page, "52-boxafe-15-hand-over");
    expect(await seriousViolations(page)).toEqual([]);
    // No token was asked for the page's own certificate: said so (it is here, not "held elsewhere"),
    // and the rail's proof step is skipped, not ticked.
    const proof = (await page.getByTestId("verify-result").textContent()) ?? "";
    expect(proof).toContain("not run: no verification service here");
    expect(proof).not.toContain("held elsewhere");
    expect(
      await page
        .locator("li[data-status]", { hasText: "Prove it with real tokens" })
        .getAttribute("data-status"),
    ).toBe("skipped");
    const card = page.getByTestId("hand-over-card");
    // Boxafe 1.5's Add new Domain order: tenant ID, client ID, the certificate.
    const labels = await card
      .locator("button[aria-label^='Copy ']")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(labels.slice(0, 3)).toEqual([
      "Copy Directory (tenant) ID",
      "Copy Application (client) ID",
      "Copy PFX password",
    ]);
    expect(await page.getByTestId("client-secret").count()).toBe(0);
    expect(await page.getByTestId("secret-absent").count()).toBe(0);
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    const password = (await page.getByTestId("pfx-password").textContent()) ?? "";
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);

    // Offered is not held (held-rule.ts): the pending mark stays through the CER, which has no key,
    // and goes with the PFX download.
    const pendingOf = async () =>
      (
        (await sandboxState(context, stack.sandbox)).applications.find((a) => a.appId === clientId)?.tags ??
        []
      ).filter((t) => t.startsWith("boxafe-connect:pending:"));
    expect(await pendingOf()).toHaveLength(1);
    const cer = await download(page, "Download certificate only (CER)");
    expect(cer.name).toBe(`boxafe-${clientId.slice(0, 8)}.cer`);
    expect(await pendingOf()).toHaveLength(1);
    const pfx = await download(page, "Download certificate with private key (PFX)");
    expect(pfx.name).toBe(`boxafe-${clientId.slice(0, 8)}.pfx`);
    await expect.poll(pendingOf, { timeout: 60_000 }).toEqual([]);
    const pemFile = await download(page, "Download certificate and private key (PEM)");
    const pem = splitPem(pemFile.bytes.toString("utf8"));
    // The PFX opens with the shown password and holds the same certificate as the PEM and the CER.
    const fromPfx = pfxCertificate(pfx.bytes, password);
    const body = (p: string) => p.replace(/-----[^-]+-----|\s/g, "");
    expect(fromPfx).toContain(body(pem.certificatePem).slice(0, 64));
    expect(cer.bytes.toString("base64")).toBe(body(pem.certificatePem));

    // The tenant got the certificate's public part and no secret; the private key never left the page.
    const app = (await sandboxState(context, stack.sandbox)).applications.find((a) => a.appId === clientId);
    expect(app?.passwordCredentials).toEqual([]);
    expect(app?.keyCredentials).toHaveLength(1);
    const keyProbe = body(pem.privateKeyPem).slice(64, 128);
    expect(sent.some((b) => b.includes("PRIVATE KEY") || b.includes(keyProbe) || b.includes(password))).toBe(
      false,
    );
    // What Boxafe 1.5 does with it: a client-assertion token with Table 1's roles.
    const token = await assertionToken(context, stack.sandbox, clientId, pem, "https://graph.microsoft.com");
    expect(token.status, String(token.body.error_description ?? "")).toBe(200);
    expect(decodeJwt(String(token.body.access_token)).roles).toEqual(
      expect.arrayContaining(["Mail.ReadWrite", "Sites.FullControl.All"]),
    );

    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByTestId("done").waitFor();
    // The end asks the EWS step first, then proves each workload (walked in workloads.e2e.ts).
    await page.getByTestId("end-panel").waitFor();
    expect(await page.getByTestId("readiness").count()).toBe(0);
    await context.close();
  });

  it("1.4: a client secret, no certificate", async () => {
    ({ context, page } = await newPage(stack));
    await signIn(page, stack, stack.sandbox.admin.upn);
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    await chooseBoxafe(page, "1.4");
    expect(await page.getByTestId("boxafe-version-hint").textContent()).toContain("client secret");
    await page.getByLabel("Display name").fill("QNAP Boxafe 1.4");
    await runSetup(page, undefined, "1.4");
    await screenshot(page, "53-boxafe-14-hand-over");
    expect(await seriousViolations(page)).toEqual([]);
    const labels = await page
      .getByTestId("hand-over-card")
      .locator("button[aria-label^='Copy ']")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(labels.slice(0, 3)).toEqual([
      "Copy Application (client) ID",
      "Copy Directory (tenant) ID",
      "Copy Client secret value",
    ]);
    expect(await page.getByTestId("certificate-downloads").count()).toBe(0);
    const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
    const secret = (await page.getByTestId("client-secret").textContent()) ?? "";
    expect(secret.length).toBeGreaterThan(20);
    const app = (await sandboxState(context, stack.sandbox)).applications.find((a) => a.appId === clientId);
    expect(app?.displayName).toBe("QNAP Boxafe 1.4");
    expect(app?.passwordCredentials).toHaveLength(1);
    expect(app?.keyCredentials).toEqual([]);
    await context.close();
  });
});
