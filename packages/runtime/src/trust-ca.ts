/**
 * Trusts an extra CA (the sandbox's) in this process: msal-node and the Graph client both use the
 * global fetch, whose undici dispatcher is replaced by one that knows the extra CA. Needed because
 * NODE_EXTRA_CA_CERTS is read only at process start.
 */
import { rootCertificates } from "node:tls";
import { Agent, setGlobalDispatcher } from "undici";

const trusted = new Set<string>();

export function trustCa(pem: string): void {
  const normalized = pem.trim();
  if (!normalized.includes("BEGIN CERTIFICATE")) throw new Error("trustCa expects a PEM certificate");
  trusted.add(normalized);
  setGlobalDispatcher(new Agent({ connect: { ca: [...rootCertificates, ...trusted] } }));
}
