/**
 * Waits until a certificate just added by setup gets a token (Entra's credential propagation; the
 * sandbox's credentialLag under ENTRA_TIMING), as it has long before a NAS rotates with it. Polls,
 * never asserts a time; gives up with the last refusal after about 30 s.
 */
import type { ClientCredential } from "@boxafe-connect/core";
import { createMsalAppTokenPort } from "../msal-token-port.js";
import type { Harness } from "./harness.js";

export async function untilSignsIn(h: Harness, appId: string, credential: ClientCredential): Promise<void> {
  const port = createMsalAppTokenPort({ authorityHost: h.sandbox.url });
  for (let attempt = 0; ; attempt++) {
    try {
      await port.acquire({
        tenantId: h.sandbox.tenantId,
        clientId: appId,
        credential,
        resource: "https://graph.microsoft.com",
      });
      return;
    } catch (error) {
      if (attempt >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
