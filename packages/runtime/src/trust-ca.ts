/**
 * Trusts an extra CA (the sandbox's) in this process, for one origin only: msal-node and the Graph
 * client both use the global fetch, whose undici dispatcher is replaced by one that sends requests
 * for that origin through a pool whose TLS trusts exactly that CA, and every other origin through
 * pools with Node's default trust. So the sandbox CA can vouch for the sandbox and nothing else,
 * even where its name constraints would allow another localhost port. Needed because
 * NODE_EXTRA_CA_CERTS is read only at process start (and would trust the CA for every host).
 */
import { createSecureContext } from "node:tls";
import { Agent, Pool, setGlobalDispatcher } from "undici";

/** Origin (scheme://host:port) -> the one CA it is verified against. */
const trusted = new Map<string, string>();

function originOf(value: string | URL): string {
  return new URL(value).origin;
}

/**
 * Trusts `pem` for `origin` (e.g. https://localhost:8443) only. Calling it again for another
 * origin adds that one; for the same origin, the new CA replaces the old.
 */
export function trustCa(pem: string, origin: string): void {
  const normalized = pem.trim();
  if (!normalized.includes("BEGIN CERTIFICATE")) throw new Error("trustCa expects a PEM certificate");
  const url = new URL(origin);
  if (url.protocol !== "https:") throw new Error("trustCa: the origin must be https://");
  trusted.set(url.origin, normalized);
  // One secure context per trusted origin, built here: a `ca` list in the connect options would be
  // parsed again on every TLS handshake (see BENCHMARKS.md, fleet check).
  const contexts = new Map([...trusted].map(([o, ca]) => [o, createSecureContext({ ca: [ca] })]));
  setGlobalDispatcher(
    new Agent({
      factory: (target, options) => {
        const secureContext = contexts.get(originOf(target));
        return new Pool(target, secureContext ? { ...options, connect: { secureContext } } : options);
      },
    }),
  );
}
