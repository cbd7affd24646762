/**
 * Trusts the sandbox CA in this process with ONE prebuilt TLS secure context. runtime's `trustCa`
 * passes the whole root store as `ca` to every connection, and Node then rebuilds a secure context
 * (parsing ~140 root certificates) per TLS handshake: ~20-80 ms of CPU each, which would bill a
 * fleet of 3,000 token requests for work that never happens against the real cloud (whose CAs sit
 * in Node's cached default context). Same trust, built once.
 */
import { createSecureContext, rootCertificates } from "node:tls";
import { Agent, setGlobalDispatcher } from "undici";

export function trustSandboxCa(pem: string): void {
  if (!pem.includes("BEGIN CERTIFICATE")) throw new Error("trustSandboxCa expects a PEM certificate");
  const secureContext = createSecureContext({ ca: [...rootCertificates, pem] });
  setGlobalDispatcher(new Agent({ connect: { secureContext } }));
}
