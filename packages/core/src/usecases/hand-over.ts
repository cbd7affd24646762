/**
 * hand-over: the adapter says the new credential is in the admin's hands (printed, in the JSON
 * document, saved by the admin, or its key written to a file). Until then the tenant counts it
 * unheld (see credentials/hand-over-marker.ts) and the next setup replaces it; from then on it is
 * held, and what earlier interrupted runs left behind is removed. Idempotent; a no-op when the run
 * made no credential.
 */
import { confirmHandOver, type HandOverResult } from "../engine/confirm-hand-over.js";
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
