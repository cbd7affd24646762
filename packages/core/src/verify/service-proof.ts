/**
 * How a front end that never redeems a credential itself (the web page: Entra refuses a browser's
 * client-credentials redemption for a non-SPA client, AADSTS9002326) proves the credential core
 * chose: a secret through its token service when it has one; otherwise the token proof does not run,
 * and this says why and which credential was there (the adapter words it).
 */
import type { ProofNotRunReason } from "./not-run.js";
import type { ClientCredential } from "./port.js";

export type ServiceProof =
  | { readonly run: "token-service"; readonly secret: string }
  | {
      readonly run: "none";
      readonly reason: ProofNotRunReason;
      /** What the front end holds: a certificate (its key in the admin's downloads), a secret, or nothing. */
      readonly holds: "certificate" | "secret" | "nothing";
    };

export function serviceProofOf(
  credential: ClientCredential | undefined,
  tokenService: boolean,
): ServiceProof {
  if (credential === undefined) return { run: "none", reason: "secret-held-elsewhere", holds: "nothing" };
  if (credential.kind !== "secret") return { run: "none", reason: "no-token-service", holds: "certificate" };
  if (!tokenService) return { run: "none", reason: "no-token-service", holds: "secret" };
  return { run: "token-service", secret: credential.secret };
}
