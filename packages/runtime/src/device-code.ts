/** Delegated sign-in by device code (msal-node PublicClientApplication), for the admin running setup. */
import { type AccountInfo, PublicClientApplication } from "@azure/msal-node";
import { tokenError, tokenFailureFromMsal } from "@boxafe-connect/core";
import { msalAuthority } from "./msal-authority.js";
import { retryingNetwork } from "./retrying-network.js";

export interface DeviceCodeInfo {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly message: string;
  readonly expiresIn: number;
}

export interface DeviceCodeSignInOptions {
  readonly authorityHost: string;
  /** Tenant GUID, domain, or "organizations". */
  readonly tenant: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly onCode: (info: DeviceCodeInfo) => void;
}

export interface DelegatedSignIn {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
  readonly account: AccountInfo | null;
  readonly tenantId: string;
}

export async function deviceCodeSignIn(options: DeviceCodeSignInOptions): Promise<DelegatedSignIn> {
  const app = new PublicClientApplication({
    auth: { clientId: options.clientId, ...msalAuthority(options.authorityHost, options.tenant) },
    // A transient 503/429 from the device code or token endpoint is waited out, not the end of the sign-in.
    system: { networkClient: retryingNetwork() },
  });
  try {
    const result = await app.acquireTokenByDeviceCode({
      scopes: [...options.scopes],
      deviceCodeCallback: (response) =>
        options.onCode({
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          message: response.message,
          expiresIn: response.expiresIn,
        }),
    });
    if (result === null) throw new Error("no token");
    return {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn,
      account: result.account,
      tenantId: result.tenantId,
    };
  } catch (error) {
    throw tokenError(tokenFailureFromMsal(error), "the sign-in");
  }
}
