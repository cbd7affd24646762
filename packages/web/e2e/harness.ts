/** Starts the sandbox, the page's HTTPS server and Chromium; saves screenshots; runs axe. */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { RunningApi } from "@boxafe-connect/api";
import { newApiKey, startApiServer } from "@boxafe-connect/api";
import { sandboxEndpoints } from "@boxafe-connect/core";
import { trustCa } from "@boxafe-connect/runtime";
import type { RunningSandbox } from "@boxafe-connect/sandbox";
import { ensureTls, SANDBOX_WEB_CLIENT_ID, startSandbox } from "@boxafe-connect/sandbox";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { distDir } from "../server/build-page.js";
import type { WebServer } from "../server/web-server.js";
import { startWebServer } from "../server/web-server.js";

const root = fileURLToPath(new URL("..", import.meta.url));
export const resultsDir = `${root}test-results`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Stack {
  readonly sandbox: RunningSandbox;
  /** The API the page's server forwards the token proof to (key allowed /v1/verify only). */
  readonly api: RunningApi;
  readonly web: WebServer;
  readonly browser: Browser;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Exchange Online's delay before a written EWS allow list is in force (the sandbox's default otherwise). */
  readonly ewsPropagationMs?: number;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // Entra's CORS rule holds as on a real tenant (AADSTS9002326 for a browser's non-SPA redemption): the
  // page redeems only its own SPA sign-in, and the secret's proof runs behind the API.
  const sandbox = await startSandbox({
    port: 0,
    ...(options.ewsPropagationMs === undefined ? {} : { ewsPropagationMs: options.ewsPropagationMs }),
  });
  const tls = await ensureTls();
  // The token proof runs server-side (msal-node in this process), as on a real deployment.
  trustCa(sandbox.caPem, sandbox.url);
  const pageKey = await newApiKey("web-page", ["/v1/verify", "/v1/prove"]);
  const api = await startApiServer({
    port: 0,
    settings: { SANDBOX_ORIGIN: sandbox.url, API_KEYS: JSON.stringify([pageKey.entry]) },
    logger: () => undefined,
  });
  const web = await startWebServer({
    verifyApi: { url: api.url, key: pageKey.key },
    // The EWS step's "allow" (device code for the Exchange Online PowerShell client, on this server).
    ewsAllow: { cloud: sandboxEndpoints(sandbox.url) },
    distDir,
    upstream: sandbox.url,
    upstreamCa: sandbox.caPem,
    tls: { cert: tls.certPem, key: tls.keyPem },
    config: {
      clientId: SANDBOX_WEB_CLIENT_ID,
      tenantId: sandbox.tenantId,
      hint: `Sandbox: sign in as ${sandbox.admin.upn}.`,
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  mkdirSync(resultsDir, { recursive: true });
  return {
    sandbox,
    api,
    web,
    browser,
    async stop() {
      await browser.close();
      await web.stop();
      await api.close();
      await sandbox.stop();
    },
  };
}

export async function newPage(stack: Stack, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown }[];
}

/** Runs axe-core inside the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${resultsDir}/${name}.png`, fullPage: true });
}

/** The sandbox's whole tenant, as tests and benchmarks read it. */
export async function sandboxState(context: BrowserContext, sandbox: RunningSandbox): Promise<SandboxState> {
  const res = await context.request.get(`${sandbox.url}/_sandbox/state`);
  return (await res.json()) as SandboxState;
}

export interface SandboxState {
  readonly applications: {
    readonly appId: string;
    readonly displayName: string;
    /** Where the pending hand-over marks live (core's hand-over-marker.ts). */
    readonly tags?: readonly string[];
    readonly requiredResourceAccess: {
      readonly resourceAppId: string;
      readonly resourceAccess: { id: string; type: string }[];
    }[];
    readonly passwordCredentials: { readonly keyId: string; readonly endDateTime: string }[];
    readonly keyCredentials: {
      readonly keyId: string;
      readonly type: string;
      readonly usage: string;
      readonly customKeyIdentifier: string;
      readonly endDateTime: string;
    }[];
  }[];
  readonly servicePrincipals: { readonly id: string; readonly appId: string }[];
  readonly appRoleAssignments: {
    readonly id: string;
    readonly principalId: string;
    readonly resourceId: string;
  }[];
  readonly oauth2PermissionGrants: {
    readonly id: string;
    readonly clientId: string;
    readonly resourceId: string;
    readonly scope: string;
    readonly consentType: string;
  }[];
}
