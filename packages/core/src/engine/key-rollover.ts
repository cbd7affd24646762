/**
 * Graph addKey / removeKey: an app rolls its own certificate with no admin, proving possession of a
 * current one (learn.microsoft.com/graph/api/application-addkey, application-removekey; the proof's
 * shape: learn.microsoft.com/graph/application-rollkey-prooftoken). The proof is a JWT signed by a
 * current, valid certificate of the app: aud 00000002-0000-0000-c000-000000000000, iss the
 * application's *object* id, nbf..exp at most 10 minutes. Signing is a port (jose in runtime), so
 * core stays pure. addKey is not idempotent: a lost or 5xx answer is "maybe committed" and comes
 * back as `lost`; the caller proves the new certificate instead of sending it again.
 */
import { type GraphDeps, runRequests, startBudget } from "../graph/batch-runner.js";
import { obj, s } from "./graph-shapes.js";

/** The audience Microsoft requires in a proof of possession (the Azure AD Graph app id). */
export const PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000";
/** Proofs are signed for 5 minutes: well inside Microsoft's 10-minute limit. */
export const PROOF_LIFETIME_SECONDS = 300;

export interface ProofClaims {
  readonly aud: string;
  readonly iss: string;
  readonly nbf: number;
  readonly exp: number;
}

/** Signs a proof with one of the app's current certificates (RS256, header x5t = its thumbprint). */
export interface ProofSigner {
  sign(claims: ProofClaims): Promise<string>;
}

export function proofClaims(appObjectId: string, now: number): ProofClaims {
  const nbf = Math.floor(now / 1000);
  return { aud: PROOF_AUDIENCE, iss: appObjectId, nbf, exp: nbf + PROOF_LIFETIME_SECONDS };
}

export interface NewKey {
  readonly derBase64: string;
  readonly displayName: string;
}

export type AddKeyOutcome = { readonly kind: "added"; readonly keyId: string } | { readonly kind: "lost" };

export async function addKey(
  deps: GraphDeps,
  appObjectId: string,
  key: NewKey,
  signer: ProofSigner,
): Promise<AddKeyOutcome> {
  const proof = await signer.sign(proofClaims(appObjectId, deps.clock.now()));
  const results = await runRequests(
    deps,
    [
      {
        id: "add-key",
        method: "POST",
        url: `/applications/${appObjectId}/addKey`,
        body: {
          keyCredential: {
            type: "AsymmetricX509Cert",
            usage: "Verify",
            key: key.derBase64,
            displayName: key.displayName,
          },
          passwordCredential: null,
          proof,
        },
        onLost: "report",
      },
    ],
    startBudget(deps),
  );
  const result = results.get("add-key");
  if (result?.kind === "ok") return { kind: "added", keyId: s(obj(result.response.body).keyId) };
  return { kind: "lost" };
}

/** removeKey, proven by a current certificate (after a rotation: the new one). Gone already = done. */
export async function removeKey(
  deps: GraphDeps,
  appObjectId: string,
  keyId: string,
  signer: ProofSigner,
): Promise<void> {
  const proof = await signer.sign(proofClaims(appObjectId, deps.clock.now()));
  await runRequests(
    deps,
    [
      {
        id: "remove-key",
        method: "POST",
        url: `/applications/${appObjectId}/removeKey`,
        body: { keyId, proof },
        absentOk: true,
      },
    ],
    startBudget(deps),
  );
}
