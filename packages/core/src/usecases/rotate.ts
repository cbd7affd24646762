/**
 * rotate: add a new marked secret, prove it with a fresh token, hand it over (`credential`), then
 * retire the old secrets boxafe-connect made (unless keepOld). Today's behaviour, split in two so
 * the second phase can move: engineer w13 (two-phase rotation) turns `retire` into its own later
 * step once Boxafe holds the new secret; `rotate` then stops calling it.
 */

import type { NewSecret } from "../engine/add-password.js";
import { rotateSecret } from "../engine/rotate-secret.js";
import type { RotateRequest } from "../requests/rotate-request.js";
import { appKeyOf } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts, ProofPorts } from "./ports.js";
import { reporting, secretLifetimeOf } from "./prepare.js";
import { retire } from "./retire.js";

export interface RotatePorts extends AdminPorts, ProofPorts {
  /** The tenant the admin signed in to (the proof's token authority). */
  readonly tenantId: string;
}

export interface RotateOutcome {
  readonly tenantId: string;
  readonly appId: string;
  readonly secret: NewSecret;
  readonly removedKeyIds: readonly string[];
}

export async function rotate(
  ports: RotatePorts,
  request: RotateRequest,
  emit: Emit = silent,
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
      keepOld: true,
      cloud: ports.cloud,
    },
  );
  emit({ type: "done", task: "rotate", detail: added.secret.keyId });
  emit({ type: "credential", clientId: added.appId, tenantId: ports.tenantId, secret: added.secret });
  const retired = request.keepOld
    ? { removedKeyIds: [] }
    : await retire(ports, { appId: added.appId, keepKeyIds: [added.secret.keyId] }, emit);
  return {
    tenantId: ports.tenantId,
    appId: added.appId,
    secret: added.secret,
    removedKeyIds: retired.removedKeyIds,
  };
}
