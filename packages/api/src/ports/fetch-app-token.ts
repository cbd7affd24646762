/**
 * AppTokenPort on plain fetch, for runtimes where msal-node cannot run (Cloudflare Workers):
 * one client-credentials POST to `{authority}/{tenant}/oauth2/v2.0/token`, never cached, with a
 * client secret or a certificate assertion signed by jose (RS256, x5t and x5t#S256 headers).
 */
import type { AppTokenPort, AppTokenRequest, ClientCredential } from "@boxafe-connect/core";
import {
  assertionFor,
  CoreError,
  retryAfterHeaderSeconds,
  tokenError,
  tokenFailureFromBody,
} from "@boxafe-connect/core";
import { importPKCS8, importX509, SignJWT } from "jose";
import type { FetchLike } from "./outbound.js";

export interface FetchAppTokenOptions {
  /** e.g. https://login.microsoftonline.com or a sandbox origin. */
  readonly authorityHost: string;
  /** Already restricted to the cloud's origins and under a timeout (createOutbound). */
  readonly fetch: FetchLike;
  readonly now: () => number;
}

const TENANT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9.-]{0,252})$/i;

export function createFetchAppTokenPort(options: FetchAppTokenOptions): AppTokenPort {
  return {
    async acquire(request) {
      if (!TENANT.test(request.tenantId)) {
        throw new CoreError("invalid_input", "tenantId must be a GUID or a domain name.", {
          field: "tenantId",
        });
      }
      const endpoint = `${options.authorityHost.replace(/\/$/, "")}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`;
      const form = new URLSearchParams({
        grant_type: "client_credentials",
        client_id: request.clientId,
        scope: `${request.resource}/.default`,
        ...(await credentialFields(request, endpoint, options.now())),
      });
      const response = await options.fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok && isRecord(body) && typeof body.access_token === "string") return body.access_token;
      // Core's classifier; Entra's description is dropped so nothing it echoes reaches a caller.
      const retryAfterSeconds = retryAfterHeaderSeconds(response.headers.get("retry-after"), options.now());
      throw tokenError(
        {
          ...tokenFailureFromBody(response.status, body),
          ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
        },
        `app ${request.clientId}`,
      );
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

async function credentialFields(
  request: AppTokenRequest,
  audience: string,
  nowMs: number,
): Promise<Record<string, string>> {
  const credential: ClientCredential = request.credential;
  if (credential.kind === "secret") return { client_secret: credential.secret };
  if (credential.kind === "assertions") {
    return {
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertionFor(credential, request.resource),
    };
  }
  return {
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: await signAssertion(request.clientId, audience, credential, nowMs),
  };
}

async function signAssertion(
  clientId: string,
  audience: string,
  credential: Extract<ClientCredential, { kind: "certificate" }>,
  nowMs: number,
): Promise<string> {
  const der = pemToDer(credential.certificatePem, "CERTIFICATE");
  // Parsed with jose where it arrives: a PEM block that is no certificate is refused by name.
  await importX509(credential.certificatePem, "RS256").catch(() => {
    throw new CoreError("invalid_input", "certificate.certificatePem is not an X.509 RSA certificate.", {
      field: "certificate.certificatePem",
    });
  });
  let key: Awaited<ReturnType<typeof importPKCS8>>;
  try {
    key = await importPKCS8(credential.privateKeyPem, "RS256");
  } catch {
    throw new CoreError(
      "invalid_input",
      "certificate.privateKeyPem is not a PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----).",
      { field: "certificate.privateKeyPem" },
    );
  }
  const [sha1, sha256] = await Promise.all([
    crypto.subtle.digest("SHA-1", der),
    crypto.subtle.digest("SHA-256", der),
  ]);
  const now = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT", x5t: base64url(sha1), "x5t#S256": base64url(sha256) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setJti(crypto.randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(key);
}

function pemToDer(pem: string, label: string): ArrayBuffer {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  const base64 = match?.[1]?.replace(/\s+/g, "");
  if (!base64) {
    throw new CoreError("invalid_input", "certificate.certificatePem is not a PEM certificate.", {
      field: "certificate.certificatePem",
    });
  }
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  return bytes.buffer;
}

function base64url(buffer: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
