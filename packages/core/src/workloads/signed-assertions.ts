/**
 * Client assertions signed where the private key lives (the web page), redeemed by someone who never
 * holds the key (the API). Entra's format (Microsoft identity platform, "Certificate credentials",
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials): header alg RS256 (or
 * PS256) with x5t / x5t#S256; claims aud = the token endpoint, iss = sub = the client id, a unique jti,
 * exp "short - 5-10 minutes after nbf at most". That page also says Entra "doesn't place restrictions on
 * the exp time currently" and documents no replay protection for jti (msal-node itself reuses one
 * assertion for every token request within its 10 minutes, ClientAssertion.getJwt), so the limits here
 * are ours, stricter than Entra on purpose: an assertion that passes through a server lives at most
 * 10 minutes, names this tenant's token endpoint, and each one in a request has its own jti.
 */
import { decodeJwt, decodeProtectedHeader } from "jose";
import type { CloudEndpoints } from "../clouds.js";
import { audienceFor } from "../verify/audiences.js";

export const ASSERTION_MAX_LIFETIME_SECONDS = 600;
/** Clock skew allowed between the page's clock and ours (Entra allows 5 minutes for nbf). */
export const ASSERTION_CLOCK_SKEW_SECONDS = 300;

export type AssertionWorkload = "graph" | "exchange" | "sharepoint";

/** The token audience each workload proof asks for: one signed assertion each. */
export function workloadAudiences(
  cloud: CloudEndpoints,
  sharePointTenant: string | undefined,
): Readonly<Record<AssertionWorkload, string | undefined>> {
  return {
    graph: audienceFor("microsoft-graph", cloud, undefined),
    exchange: audienceFor("exchange-online", cloud, undefined),
    sharepoint: audienceFor("sharepoint", cloud, sharePointTenant),
  };
}

/** The v2.0 token endpoint an assertion for this tenant must name as its audience. */
export function tokenEndpoint(authorityHost: string, tenantId: string): string {
  return `${authorityHost.replace(/\/+$/, "")}/${tenantId}/oauth2/v2.0/token`;
}

export interface AssertionExpectations {
  readonly clientId: string;
  /** tokenEndpoint(cloud.authorityHost, tenantId). */
  readonly audience: string;
  readonly nowSeconds: number;
}

export interface AssertionClaims {
  readonly jti: string;
  readonly exp: number;
}

/** The assertion's claims when it meets the expectations, else why not (a sentence naming the claim). */
export function checkAssertion(
  jwt: string,
  expected: AssertionExpectations,
): { readonly ok: true; readonly claims: AssertionClaims } | { readonly ok: false; readonly why: string } {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(jwt);
    payload = decodeJwt(jwt);
  } catch {
    return { ok: false, why: "is not a signed JWT (header.payload.signature)." };
  }
  if (header.alg !== "RS256" && header.alg !== "PS256") {
    return { ok: false, why: `is signed with ${String(header.alg)}; Entra takes RS256 or PS256.` };
  }
  if (typeof header.x5t !== "string" && typeof header["x5t#S256"] !== "string") {
    return { ok: false, why: "names no certificate (x5t or x5t#S256 header)." };
  }
  const client = expected.clientId.toLowerCase();
  if (payload.iss?.toLowerCase() !== client || payload.sub?.toLowerCase() !== client) {
    return { ok: false, why: "must have iss and sub both equal to the client id." };
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(expected.audience)) {
    return { ok: false, why: `must have aud ${expected.audience} (this tenant's token endpoint).` };
  }
  if (typeof payload.jti !== "string" || payload.jti === "") {
    return { ok: false, why: "has no jti (a unique id per assertion)." };
  }
  const exp = payload.exp;
  if (typeof exp !== "number") return { ok: false, why: "has no exp." };
  if (exp <= expected.nowSeconds) return { ok: false, why: "has expired (exp is in the past)." };
  const start = payload.nbf ?? payload.iat ?? expected.nowSeconds;
  if (start > expected.nowSeconds + ASSERTION_CLOCK_SKEW_SECONDS) {
    return { ok: false, why: "is not valid yet (nbf is in the future)." };
  }
  if (
    exp - start > ASSERTION_MAX_LIFETIME_SECONDS ||
    exp - expected.nowSeconds > ASSERTION_MAX_LIFETIME_SECONDS
  ) {
    return { ok: false, why: `lives longer than ${ASSERTION_MAX_LIFETIME_SECONDS / 60} minutes (exp).` };
  }
  return { ok: true, claims: { jti: payload.jti, exp } };
}
