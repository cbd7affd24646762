/**
 * Fakes for the route suite: they run unchanged in Node and in workerd (no node:*, no I/O).
 * Tokens are unsigned JWT-shaped strings; core only decodes claims, it never trusts a signature here.
 */
import type { AppTokenPort, GraphPort, HttpPort, RuntimePorts } from "@boxafe-connect/core";
import { boxafeProfile, CoreError, resolveProfile, resources } from "@boxafe-connect/core";
import { parseApiKeys } from "../auth/api-keys.js";
import type { AccessLogEntry, ApiConfig } from "../config.js";
import { cloudFrom } from "../env-config.js";
import { createMemoryLimitStore } from "../limits/limit-store.js";

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}.`;
}

export const TEST_TENANT = "0b0c0d0e-1111-4222-8333-444455556666";
export const TEST_CLIENT = "a1b2c3d4-0000-4000-8000-000000000001";
export const GOOD_SECRET = "Good~Secret.Value_0123456789abcdefghij";
export const GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";

export { TEST_API_KEY, TEST_API_KEYS_SETTING, VERIFY_ONLY_API_KEY } from "./test-keys.js";

import { TEST_API_KEYS_SETTING } from "./test-keys.js";

/** A delegated token as Entra would issue it to a signed-in user (claims only). */
export function delegatedToken(wids: readonly string[], nowMs: number): string {
  return unsignedJwt({
    aud: "https://graph.microsoft.com",
    tid: TEST_TENANT,
    upn: "someone@contoso.onmicrosoft.com",
    scp: "Application.ReadWrite.All AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All",
    wids,
    exp: Math.floor(nowMs / 1000) + 3600,
  });
}

/**
 * Accepts GOOD_SECRET for TEST_CLIENT and returns a token with every application role the boxafe
 * profile asks of that resource; anything else is rejected as the token service would.
 */
export function fakeAppTokenPort(nowMs: () => number): AppTokenPort & { calls: number } {
  const roles = resolveProfile(boxafeProfile).filter((p) => p.kind === "application");
  const port = {
    calls: 0,
    async acquire(request: Parameters<AppTokenPort["acquire"]>[0]): Promise<string> {
      port.calls += 1;
      const ok =
        request.clientId === TEST_CLIENT &&
        request.credential.kind === "secret" &&
        request.credential.secret === GOOD_SECRET;
      if (!ok) {
        throw new CoreError("invalid_client_credentials", "The client credentials were rejected.", {
          status: 401,
          upstreamCode: "AADSTS7000215",
        });
      }
      return unsignedJwt({
        aud: request.resource,
        tid: TEST_TENANT,
        appid: request.clientId,
        roles: roles.map((r) => r.value),
        exp: Math.floor(nowMs() / 1000) + 3600,
      });
    },
  };
  return port;
}

/**
 * The directory as Graph shows it to TEST_CLIENT's own token once setup is done: every app role
 * assigned and every delegated scope granted tenant-wide. Answers only the reads verify makes.
 */
export function grantedDirectoryGraph(): GraphPort & { calls: number } {
  const wanted = resolveProfile(boxafeProfile);
  const spId = (appId: string) => `sp-${appId}`;
  const answer = (url: string): { status: number; body: unknown } => {
    const appId = /^\/servicePrincipals\(appId='([^']+)'\)/.exec(url)?.[1];
    const resource = resources.find((r) => r.appId === appId);
    if (appId === TEST_CLIENT && url.includes("/appRoleAssignments")) {
      const value = wanted
        .filter((p) => p.kind === "application")
        .map((p, i) => ({
          id: `a${i}`,
          principalId: spId(TEST_CLIENT),
          resourceId: spId(resources.find((r) => r.key === p.resource)?.appId ?? ""),
          appRoleId: p.id,
        }));
      return { status: 200, body: { value } };
    }
    if (appId === TEST_CLIENT && url.includes("/oauth2PermissionGrants")) {
      const value = resources.map((r, i) => ({
        id: `g${i}`,
        clientId: spId(TEST_CLIENT),
        resourceId: spId(r.appId),
        consentType: "AllPrincipals",
        scope: wanted
          .filter((p) => p.kind === "delegated" && p.resource === r.key)
          .map((p) => p.value)
          .join(" "),
      }));
      return { status: 200, body: { value } };
    }
    if (resource) return { status: 200, body: { id: spId(resource.appId), appRoles: [] } };
    return { status: 404, body: { error: { code: "Request_ResourceNotFound", message: "Not found." } } };
  };
  const port = {
    calls: 0,
    async batch(requests: Parameters<GraphPort["batch"]>[0]) {
      port.calls += 1;
      return requests.map((r) => ({ id: r.id, headers: {}, ...answer(r.url) }));
    },
  };
  return port;
}

/** A Graph port that answers every batch with the given outer failure, counting calls. */
export function failingGraphPort(error: () => Error): GraphPort & { calls: number } {
  const port = {
    calls: 0,
    async batch(): Promise<never> {
      port.calls += 1;
      throw error();
    },
  };
  return port;
}

export function fakeRuntime(
  start = Date.UTC(2026, 10, 27, 12),
): RuntimePorts & { advance(ms: number): void } {
  let now = start;
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      now += ms;
    },
    random: () => 0.5,
    advance(ms) {
      now += ms;
    },
  };
}

/** EWS and SharePoint are not faked: a route test that reaches them gets "no answer" (the sandbox tests call them). */
export const unreachableHttp: HttpPort = {
  async send(request) {
    throw new CoreError(
      "unreachable",
      `Could not reach ${new URL(request.url).host} (no service in this test).`,
    );
  },
};

export interface TestConfig extends ApiConfig {
  readonly logs: AccessLogEntry[];
}

/** A complete config for tests; overrides replace whole fields. */
export function testConfig(overrides: Partial<ApiConfig> = {}): TestConfig {
  const runtime = overrides.runtime ?? fakeRuntime();
  const logs: AccessLogEntry[] = [];
  return {
    cloud: cloudFrom({ CLOUD: "global" }),
    corsOrigins: ["https://portal.example.com"],
    rateLimit: { capacity: 1000, refillPerSecond: 1000 },
    tenantLimit: { capacity: 1000, refillPerSecond: 1000, maxConcurrentVerify: 100 },
    limitStore: createMemoryLimitStore(),
    apiKeys: parseApiKeys(TEST_API_KEYS_SETTING),
    bodyLimitBytes: 8 * 1024,
    timeouts: { outboundMs: 2000, verifyDeadlineMs: 0, credentialGraceMs: 0, retryBudgetMs: 5000 },
    appTokenPort: fakeAppTokenPort(() => runtime.clock.now()),
    graphPortFor: () => grantedDirectoryGraph(),
    http: unreachableHttp,
    runtime,
    logger: (entry) => logs.push(entry),
    clientKey: (c) => c.req.header("x-test-client") ?? "test",
    ...overrides,
    logs,
  };
}
