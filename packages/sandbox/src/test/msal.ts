import { ConfidentialClientApplication, PublicClientApplication } from "@azure/msal-node";
import type { RunningSandbox } from "../sandbox.js";

/** MSAL configured only through authority + knownAuthorities (toolchain.md Q5). */
export function authOptions(sb: RunningSandbox): { authority: string; knownAuthorities: string[] } {
  return { authority: `${sb.url}/${sb.tenantId}`, knownAuthorities: [new URL(sb.url).host] };
}

export function secretClient(
  sb: RunningSandbox,
  clientId: string,
  clientSecret: string,
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({ auth: { clientId, clientSecret, ...authOptions(sb) } });
}

export function certClient(
  sb: RunningSandbox,
  clientId: string,
  privateKey: string,
  thumbprintSha256: string,
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId, clientCertificate: { privateKey, thumbprintSha256 }, ...authOptions(sb) },
  });
}

export function publicClient(sb: RunningSandbox, clientId: string): PublicClientApplication {
  return new PublicClientApplication({ auth: { clientId, ...authOptions(sb) } });
}

/** The AADSTS code of an MSAL error (msal puts it in errorCodes / the message). */
export function aadsts(error: unknown): string {
  const e = error as { errorCodes?: string[]; errorMessage?: string; message?: string };
  const match = /AADSTS(\d+)/.exec(e.errorMessage ?? e.message ?? "");
  return match ? `AADSTS${match[1]}` : String(e.errorCodes?.[0] ?? e.message);
}
