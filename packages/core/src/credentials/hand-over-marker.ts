/**
 * How a credential nobody holds is recognised: "handed over" is recorded in the tenant, on the
 * application's `tags`, so that every adapter (CLI, web page, API) and every machine sees it.
 *
 * Before a run adds a secret or certificate, it tags the application `boxafe-connect:pending:<id>`
 * (id = the run id that every secret name of that run carries, or the keyId of a certificate). Only
 * after the new credential has reached the admin (stdout / JSON / page) does the adapter clear the
 * tag (`confirmHandOver`). A run killed anywhere in between (even right after addPassword answered)
 * leaves the tag, so the next observe sees a credential of ours that was never handed over: that is
 * drift, and setup replaces it (new one first, handed over, then the unheld one removed).
 *
 * Why a tag and not the credential itself: Graph has no update for a passwordCredential (only
 * addPassword/removePassword, learn.microsoft.com/graph/api/application-addpassword), so a marker
 * set after hand-over cannot live on the secret. A negative marker (pending) rather than a positive
 * one (held) keeps every credential made before this rule existed counted as held.
 */
import type { KeyCredential, PasswordCredential } from "../tenant/model.js";
import { isOurSecret } from "../tenant/secrets.js";

export const PENDING_TAG_PREFIX = "boxafe-connect:pending:";

export function pendingTag(id: string): string {
  return `${PENDING_TAG_PREFIX}${id}`;
}

/** The ids (run ids and certificate keyIds) still waiting for their hand-over. */
export function pendingIds(tags: readonly string[] | undefined): ReadonlySet<string> {
  return new Set(
    (tags ?? [])
      .filter((t) => t.startsWith(PENDING_TAG_PREFIX))
      .map((t) => t.slice(PENDING_TAG_PREFIX.length)),
  );
}

/** The run id in a secret name made by addPasswordRequest: "<name> <runId>-<attempt>". */
export function runIdOfSecretName(displayName: string | null): string | undefined {
  return /\s([0-9a-z]+)-\d+$/.exec(displayName ?? "")?.[1];
}

/** A secret of ours added by a run whose hand-over was never confirmed. */
export function isUnheldSecret(credential: PasswordCredential, pending: ReadonlySet<string>): boolean {
  if (!isOurSecret(credential)) return false;
  const run = runIdOfSecretName(credential.displayName);
  return run !== undefined && pending.has(run);
}

/** A certificate added by a run whose private key never reached the admin. */
export function isUnheldKey(credential: KeyCredential, pending: ReadonlySet<string>): boolean {
  return pending.has(credential.keyId);
}

/** Tags with `add` marked pending (existing tags kept: PATCH replaces the whole collection). */
export function withPending(tags: readonly string[] | undefined, add: readonly string[]): string[] {
  const out = [...(tags ?? [])];
  for (const id of add) if (!out.includes(pendingTag(id))) out.push(pendingTag(id));
  return out;
}

/** Tags without the pending marks of `ids`. */
export function withoutPending(tags: readonly string[] | undefined, ids: Iterable<string>): string[] {
  const drop = new Set([...ids].map(pendingTag));
  return (tags ?? []).filter((t) => !drop.has(t));
}
