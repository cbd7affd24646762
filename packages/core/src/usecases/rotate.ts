/**
 * rotate (phase one): add a new marked secret, prove it with a fresh token, hand it over
 * (`credential`, then the tenant counts it held) and keep every old one: Boxafe still signs in
 * with its current secret until the admin has pasted the new one. `retire` is phase two.
 */

import type { NewSecret } from "../engine/add-password.js";
import { rotateSecret } from "../engine/rotate-secret.js";
import type { RotateRequest } from "../requests/rotate-request.js";
import { appKeyOf } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import { handedOver, type PendingHandOver } from "./hand-over.js";
import type { AdminPorts, ProofPorts } from "./ports.js";
import { reporting, secretLifetimeOf } from "./prepare.js";

export interface RotatePorts extends AdminPorts, ProofPorts {
  /** The tenant the admin signed in to (the proof's token authority). */
  readonly tenantId: string;
}

export interface RotateOutcome {
  readonly tenantId: string;
  readonly appId: string;
  readonly secret: NewSecret;
  /**
   * With `handOver: "caller"`: the mark still on the new secret; call `handedOver` with it once the admin
   * has the secret (copied or saved it), as setup's hand-over does. Absent when rotate cleared it itself.
   */
  readonly handOver?: PendingHandOver;
}

export interface RotateOptions {
  /**
   * "announce" (default): the `credential` event is the hand-over (the CLI prints the secret while handling
   * it), so rotate clears the pending mark. "caller": the adapter only shows it (a page, where showing is not
   * having: a reload loses it), so the mark stays until the adapter calls `handedOver`.
   */
  readonly handOver?: "announce" | "caller";
}

export async function rotate(
  ports: RotatePorts,
  request: RotateRequest,
  emit: Emit = silent,
  options: RotateOptions = {},
): Promise<RotateOutcome> {
  const lifetime = secretLifetimeOf(request, ports.clock.now());
  emit({ type: "start", task: "rotate" });
  const added = await rotateSecret(
    { ...reporting(ports, emit), appToken: ports.appToken },
    {
      tenantId: ports.tenantId,
      appKey: appKeyOf(request),
      endDateTime: lifetime.endDateTime,
      displayName: request.secretName,
      cloud: ports.cloud,
    },
  );
  emit({ type: "done", task: "rotate", detail: added.secret.keyId });
  // The adapter prints the secret (stdout / JSON / page) while handling this event...
  emit({ type: "credential", clientId: added.appId, tenantId: ports.tenantId, secret: added.secret });
  const pending: PendingHandOver = { appObjectId: added.appObjectId, pendingIds: added.pendingIds };
  const outcome = { tenantId: ports.tenantId, appId: added.appId, secret: added.secret };
  // Shown, not yet held: the tenant keeps counting it unheld until the adapter says the admin has it.
  if (options.handOver === "caller") return { ...outcome, handOver: pending };
  // ...so from here on it is held: clear its pending mark (and sweep earlier runs' leftovers).
  await handedOver(ports, pending, emit);
  return outcome;
}
