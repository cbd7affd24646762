/**
 * Trusts an extra CA (the sandbox's) in this process: msal-node and the Graph client both use the
 * global fetch, whose undici dispatcher is replaced by one that knows the extra CA. Needed because
 * NODE_EXTRA_CA_CERTS is read only at process start.
 */
import { readFileSync } from "node:fs";
import { createSecureContext, rootCertificates } from "node:tls";
import { Agent, setGlobalDispatcher } from "undici";

const trusted = new Set<string>();

/** An explicit `ca` replaces Node's whole store, so the certificates of NODE_EXTRA_CA_CERTS (a corporate proxy) are kept. */
function extraCaCertificates(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, "utf8")];
  } catch {
    return [];
  }
}

export function trustCa(pem: string): void {
  const normalized = pem.trim();
  if (!normalized.includes("BEGIN CERTIFICATE")) throw new Error("trustCa expects a PEM certificate");
  trusted.add(normalized);
  // One secure context built here: a `ca` list in the connect options makes Node parse the whole
  // root store again on every TLS handshake (tens of ms of CPU each; see BENCHMARKS.md, fleet check).
  const secureContext = createSecureContext({
    ca: [...rootCertificates, ...extraCaCertificates(), ...trusted],
  });
  setGlobalDispatcher(new Agent({ connect: { secureContext } }));
}
