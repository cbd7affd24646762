/** What the e2e does with a certificate the page made: read the downloads, ask for a token with it. */
import { createHash, randomUUID, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { RunningSandbox } from "@boxafe-connect/sandbox";
import { importPKCS8, SignJWT } from "jose";
import type { BrowserContext, Page } from "playwright-core";

/** Clicks a download link and returns the file's bytes. */
export async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

export function splitPem(text: string): { certificatePem: string; privateKeyPem: string } {
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(text)?.[0];
  if (!cert || !key) throw new Error("the PEM download lacks the certificate or the private key");
  return { certificatePem: cert, privateKeyPem: key };
}

/**
 * Client credentials with a certificate assertion (RS256, x5t#S256), straight at the sandbox's
 * token endpoint, as msal or Boxafe would send it.
 */
export async function assertionToken(
  context: BrowserContext,
  sandbox: RunningSandbox,
  clientId: string,
  pem: { certificatePem: string; privateKeyPem: string },
  resource: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const der = new X509Certificate(pem.certificatePem).raw;
  const endpoint = `${sandbox.url}/${sandbox.tenantId}/oauth2/v2.0/token`;
  const assertion = await new SignJWT({})
    .setProtectedHeader({
      alg: "RS256",
      typ: "JWT",
      "x5t#S256": createHash("sha256").update(der).digest("base64url"),
    })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(endpoint)
    .setJti(randomUUID())
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime("5m")
    .sign(await importPKCS8(pem.privateKeyPem, "RS256"));
  const res = await context.request.post(endpoint, {
    form: {
      grant_type: "client_credentials",
      client_id: clientId,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: `${resource}/.default`,
    },
  });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}
