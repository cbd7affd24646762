/** Click paths shared by the browser tests. */
import type { Page } from "playwright-core";
import type { SandboxState, Stack } from "./harness.js";

export async function signIn(page: Page, stack: Stack, upn: string): Promise<void> {
  await page.goto(stack.web.url);
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.waitForURL(/oauth2\/v2\.0\/authorize/);
  await page.locator(`button[value="${upn}"]`).click();
}

/** The choose-app step's Boxafe question: 1.5 (the default) or 1.4. */
export async function chooseBoxafe(page: Page, version: "1.4" | "1.5"): Promise<void> {
  await page.getByRole("radio", { name: new RegExp(`^Boxafe ${version.replace(".", "\\.")}`) }).check();
}

/**
 * From a signed-in admin to the hand-over card, with a hook after each step. Boxafe 1.4 (a secret)
 * unless asked: these flows test the secret's hand-over; boxafe-version.e2e.ts walks the default 1.5.
 */
export async function runSetup(
  page: Page,
  after: (step: string) => Promise<void> = async () => undefined,
  boxafe: "1.4" | "1.5" = "1.4",
): Promise<void> {
  await page.getByRole("heading", { name: "Choose the app registration" }).waitFor();
  await chooseBoxafe(page, boxafe);
  await after("choose-app");
  await page.getByRole("button", { name: "Review the changes" }).click();
  await page.getByRole("heading", { name: "Review and apply" }).waitFor();
  await after("review");
  await page.getByRole("button", { name: "Apply the changes" }).click();
  await page.getByTestId("hand-over-card").waitFor({ timeout: 90_000 });
  await after("hand-over");
}

/** The delegated grants of one client, as resource appId -> sorted scope values. */
export function grantsByResource(state: SandboxState, clientAppId: string): Record<string, string[]> {
  const sp = state.servicePrincipals.find((s) => s.appId === clientAppId);
  const out: Record<string, string[]> = {};
  for (const g of state.oauth2PermissionGrants.filter((x) => x.clientId === sp?.id)) {
    const resource = state.servicePrincipals.find((s) => s.id === g.resourceId);
    out[resource?.appId ?? g.resourceId] = g.scope.split(" ").filter(Boolean).sort();
  }
  return out;
}

/** Table 1's delegated permissions per resource appId. */
export const expectedGrants: Record<string, string[]> = {
  "00000002-0000-0000-c000-000000000000": ["User.Read"],
  "00000002-0000-0ff1-ce00-000000000000": ["EWS.AccessAsUser.All"],
  "00000003-0000-0000-c000-000000000000": [
    "Group.ReadWrite.All",
    "User.Read",
    "User.ReadWrite.All",
    "openid",
  ].sort(),
};
