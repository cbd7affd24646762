import { decodeJwt } from "jose";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertionToken, download, splitPem } from "./certificate-check.js";
import { chooseBoxafe, expectedGrants, grantsByResource } from "./flows.js";
import type { Stack } from "./harness.js";
import { newPage, sandboxState, screenshot, seriousViolations, startStack } from "./harness.js";

let stack: Stack;
let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];
/** Every request body the page sent, to prove the private key never left it. */
const sentBodies: string[] = [];
/** Bodies the page posted to its own token-proof path. */
const verifyPosts: string[] = [];

async function checkStep(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}

/** Presses Tab until the named button has focus (fails after 15 presses). */
async function tabTo(name: string): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === name) return;
  }
  throw new Error(`"${name}" is not reachable with the Tab key`);
}

beforeAll(async () => {
  stack = await startStack();
  ({ context, page } = await newPage(stack));
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) cspViolations.push(m.text());
  });
  page.on("request", (r) => {
    const body = r.postData();
    if (body) sentBodies.push(body);
    if (body && new URL(r.url()).pathname === "/api/v1/verify") verifyPosts.push(body);
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe("guided setup in the browser", () => {
  it("signs in as admin, reviews, applies, verifies and hands over the values", async () => {
    await page.goto(stack.web.url);
    await page.getByRole("heading", { name: "Sign in to Microsoft 365" }).waitFor();
    await checkStep("01-sign-in");

    // Keyboard only: Tab from the top of the page reaches the sign-in button.
    await tabTo("Sign in with Microsoft");
    await page.keyboard.press("Enter");
    await page.waitForURL(/authorize/);
    await screenshot(page, "02-authorize");
    await page.locator(`button[value="${stack.sandbox.admin.upn}"]`).click();

    // The role check passes on its way: the account's roles show in the header.
    await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Choose the app registration",
    );
    expect(await page.getByTestId("account").textContent()).toContain("Global Administrator");
    await checkStep("04-choose-app");
    // This walk hands over a secret (Boxafe 1.4); boxafe-version.e2e.ts walks the default, 1.5.
    await chooseBoxafe(page, "1.4");
    // From the chosen radio, Tab walks the form (name, lifetime) to the submit button.
    await tabTo("Review the changes");
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "Review and apply" }).waitFor();
    await expect.poll(() => page.getByTestId("permission-summary").textContent()).toContain("26 permissions");
    await checkStep("05-review");

    // Slow the sandbox down so the live progress of apply and verify can be seen and saved.
    await context.request.post(`${stack.sandbox.url}/_sandbox/faults`, { data: { spec: "latency=400" } });
    await page.getByRole("button", { name: "Apply the changes" }).click();
    await page.getByRole("list", { name: "Applying the changes" }).waitFor();
    await page.locator('li[data-state="running"]').first().waitFor();
    await screenshot(page, "06-applying");
    await page.getByRole("heading", { name: "Verify with real tokens" }).waitFor({ timeout: 60_000 });
    await screenshot(page, "07-verifying");
    await context.request.post(`${stack.sandbox.url}/_sandbox/faults`, { data: { spec: "" } });

    // Apply, then verify; when every token proves its roles core moves on to the hand-over,
    // which repeats the proof.
    await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
    await checkStep("08-hand-over");
    expect(await page.getByTestId("verify-result").textContent()).toContain(
      "Verified with real tokens: 25 of 26 permissions proven, 1 not checkable by a token",
    );
    await page.getByText("Show the verification").click();
    const mail = page.locator('tr[data-permission="Mail.ReadWrite"] .badge');
    expect(await mail.first().textContent()).toBe("Granted");
    await checkStep("09-verification");

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

    // Copying the secret counts as "shown once"; the wizard may then move on.
    await page.getByRole("button", { name: "SharePoint (optional)" }).click();
    await page.getByTestId("appinv-url").waitFor();
    expect(await page.getByTestId("appinv-url").textContent()).toBe(
      "https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx",
    );
    await checkStep("10-sharepoint");

    // The modern SharePoint path: a certificate made in the browser, its public part added to the app.
    await page.getByRole("button", { name: "Create a certificate" }).click();
    expect(await page.getByLabel("Password for the PFX file").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Password for the PFX file").fill("pfx-pass-e2e");
    await page.getByRole("button", { name: "Create a certificate" }).click();
    await page.getByTestId("certificate-made").waitFor({ timeout: 60_000 });
    await checkStep("10b-certificate");
    const thumbprint = (await page.getByTestId("certificate-thumbprint").textContent()) ?? "";
    expect(thumbprint).toMatch(/^[0-9A-F]{40}$/);

    const pemFile = await download(page, "Download certificate and private key (PEM)");
    expect(pemFile.name).toBe(`boxafe-${clientId.slice(0, 8)}-sharepoint.pem`);
    const pem = splitPem(pemFile.bytes.toString("utf8"));
    const pfxFile = await download(page, "Download certificate with private key (PFX)");
    expect(pfxFile.name).toBe(`boxafe-${clientId.slice(0, 8)}-sharepoint.pfx`);
    expect(pfxFile.bytes[0]).toBe(0x30); // a DER SEQUENCE: the PKCS#12
    // The private key went into the downloads only: no request of the page carried it.
    const keyBody = pem.privateKeyPem.split("\n").slice(1, -1).join("");
    const keyProbe = keyBody.slice(64, 128);
    expect(sentBodies.some((b) => b.includes("PRIVATE KEY") || b.includes(keyProbe))).toBe(false);
    // Entra refuses client-credentials redemption from a browser for a non-SPA client
    // (AADSTS9002326): the page never tries it. The secret went once, to the page's own
    // verification path, which forwarded it to the API's /v1/verify.
    expect(sentBodies.some((b) => b.includes("grant_type=client_credentials"))).toBe(false);
    expect(verifyPosts).toHaveLength(1);
    expect(verifyPosts[0]).toContain(secret);

    const withKey = (await sandboxState(context, stack.sandbox)).applications.find(
      (a) => a.appId === clientId,
    );
    expect(withKey?.keyCredentials).toEqual([
      expect.objectContaining({
        type: "AsymmetricX509Cert",
        usage: "Verify",
        customKeyIdentifier: thumbprint,
      }),
    ]);
    // Boxafe's way in: client credentials with a certificate assertion signed by the downloaded key.
    for (const [resource, roles] of [
      ["https://graph.microsoft.com", ["Mail.ReadWrite", "Sites.FullControl.All"]],
      ["https://contoso.sharepoint.com", ["Sites.FullControl.All", "TermStore.ReadWrite.All"]],
    ] as const) {
      const token = await assertionToken(context, stack.sandbox, clientId, pem, resource);
      expect(token.status, String(token.body.error_description ?? "")).toBe(200);
      const claims = decodeJwt(String(token.body.access_token));
      expect(claims.appid).toBe(clientId);
      expect(claims.roles).toEqual(expect.arrayContaining([...roles]));
    }

    await page.getByRole("button", { name: "Done" }).click();
    await page.getByTestId("done").waitFor();
    // The honest end, proven by real calls with the secret Boxafe 1.4 holds (workloads.e2e.ts walks the
    // EWS allow): EWS skipped is blocked, SharePoint REST refuses the secret's app-only token.
    await page.getByRole("radio", { name: /Skip/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    const end = page.getByTestId("readiness");
    await end.waitFor({ timeout: 90_000 });
    expect(await end.textContent()).not.toContain("can now back up this tenant");
    expect(await end.locator('li[data-workload="graph"]').getAttribute("data-state")).toBe("works");
    expect(await end.locator('li[data-workload="exchange"]').getAttribute("data-state")).toBe("blocked");
    expect(await end.locator('li[data-workload="exchange"]').textContent()).toContain(
      "boxafe-connect ews allow",
    );
    expect(await end.locator('li[data-workload="sharepoint"]').getAttribute("data-state")).toBe("blocked");
    await checkStep("11-done");
    expect(await page.getByTestId("client-secret").count()).toBe(0);
    // The page ran the whole way under its strict Content-Security-Policy.
    expect(cspViolations).toEqual([]);
  });
});
