/**
 * Consent proven the way Entra holds it: the app's service principal, its app role assignments
 * and its tenant-wide delegated grant, read back with the signed-in admin's own token (core's
 * observe + permissionStatuses, the same reading the review makes). Needs no secret and no
 * client-credentials call, so it works on a real tenant, where Entra refuses cross-origin token
 * redemption for a non-SPA client (AADSTS9002326). Right after apply Graph may still show the old
 * state (read-after-write lag), so it reads again until every permission shows or the deadline.
 */
import type { GraphPort, Permission, VerificationReport } from "@boxafe-connect/core";
import { desiredFrom, observe, permissionStatuses } from "@boxafe-connect/core";
import { browserPorts } from "../platform.js";

const READ_AGAIN_MS = 3_000;

export async function consentReadBack(input: {
  readonly graph: GraphPort;
  readonly appId: string;
  readonly permissions: readonly Permission[];
  readonly deadlineMs: number;
  readonly progress: (granted: number, total: number) => void;
}): Promise<VerificationReport> {
  const started = browserPorts.clock.now();
  for (;;) {
    const observed = await observe({ ...browserPorts, graph: input.graph }, { appId: input.appId });
    const now = browserPorts.clock.now();
    const desired = desiredFrom(
      input.permissions,
      { appKey: { appId: input.appId }, displayName: observed.application?.displayName ?? "" },
      now,
    );
    const items = permissionStatuses(desired, observed).map((row) => ({
      resource: row.resource,
      value: row.value,
      kind: row.kind,
      // A retired API's permission is neither needed nor provable; the review already says so.
      status:
        row.status === "granted"
          ? ("granted" as const)
          : row.status === "retired"
            ? ("unverifiable" as const)
            : ("missing" as const),
      ...(row.status === "declared-only" ? { detail: "declared on the app, not consented" } : {}),
    }));
    const granted = items.filter((i) => i.status !== "missing").length;
    input.progress(granted, items.length);
    const complete = granted === items.length;
    if (complete || now - started + READ_AGAIN_MS > input.deadlineMs) {
      return { complete, checkedAt: new Date(now).toISOString(), items, tokens: [] };
    }
    await browserPorts.sleep(READ_AGAIN_MS);
  }
}
