/**
 * The proof service's deps from the page's configuration (`proveApi`: real calls as the app, the
 * assertions signed in this page), shared by the end-of-setup proofs and check-and-repair's rotation.
 */
import type { WebConfig } from "../config.js";
import { browserPorts } from "../platform.js";
import { pageCloud } from "../wizard/page-cloud.js";
import type { ProveDeps } from "./prove-client.js";

/** Undefined when this deployment has no proof service. */
export function pageProveDeps(config: WebConfig): ProveDeps | undefined {
  if (config.proveApi === undefined) return undefined;
  return {
    proveApi: config.proveApi,
    cloud: pageCloud(config),
    // The token service that redeems the assertions (their aud): the configured one, else the authority's.
    assertionAuthority: config.assertionAuthority ?? new URL(config.authority).origin,
    crypto: window.crypto,
    nowSeconds: () => Math.floor(browserPorts.clock.now() / 1000),
  };
}
