/**
 * hand-over: the adapter says the new credential is in the admin's hands (printed, in the JSON
 * document, saved by the admin, or its key written to a file). Until then the tenant counts it
 * unheld (see credentials/hand-over-marker.ts) and the next setup replaces it; from then on it is
 * held, and what earlier interrupted runs left behind is removed. Idempotent; a no-op when the run
 * made no credential.
 */
import { pendingIds } from "../credentials/hand-over-marker.js";
import { confirmHandOver, type HandOverResult } from "../engine/confirm-hand-over.js";
import { hasThumbprint } from "../tenant/credentials-plan.js";
import type { ObservedApplication } from "../tenant/model.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";
import { reporting } from "./prepare.js";

export interface PendingHandOver {
  readonly appObjectId: string;
  readonly pendingIds: readonly string[];
  readonly tagsAfter?: readonly string[];
}

export async function handedOver(
  ports: AdminPorts,
  pending: PendingHandOver | undefined,
  emit: Emit = silent,
): Promise<HandOverResult> {
  if (pending === undefined || pending.pendingIds.length === 0) return { removedKeyIds: [] };
  return confirmHandOver(reporting(ports, emit), pending);
}

/**
 * A certificate the admin holds (its key files were found and reused) that is still marked pending
 * on the app: a run wrote its files and was killed before it cleared the mark. The files prove the
 * hand-over happened, so this is the hand-over to confirm (clear the mark); without it the mark
 * would stay and every `check` would call the admin's own certificate unheld.
 */
export function heldCertificateHandOver(
  application: ObservedApplication | undefined,
  thumbprint: string,
): PendingHandOver | undefined {
  if (application === undefined) return undefined;
  const pending = pendingIds(application.tags);
  const marked = application.keyCredentials
    .filter((key) => pending.has(key.keyId) && hasThumbprint(key, thumbprint))
    .map((key) => key.keyId);
  return marked.length === 0 ? undefined : { appObjectId: application.id, pendingIds: marked };
}
