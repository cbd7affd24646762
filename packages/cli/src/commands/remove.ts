/**
 * `remove`: take every secret and certificate off the app, then delete it (its service principal
 * and grants go with it). Entra keeps it 30 days in deleted items; --purge deletes it for good.
 */
import { appKeyOf, appLabel, remove } from "@boxafe-connect/core";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag } from "../command-context.js";
import { removeRequestOf } from "../requests/app-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";
import { confirmOrCancel } from "../wizard/prompts.js";

export async function runRemove(context: CommandContext): Promise<number> {
  const request = removeRequestOf(context.values);
  const label = appLabel(appKeyOf(request));
  if (!flag(context, "yes")) {
    if (!context.interactive) {
      throw new UsageError("remove deletes the app and its credentials; add --yes to confirm.", "remove");
    }
    await confirmOrCancel(`Delete the app ${label}, its enterprise app, grants and secrets?`);
  }
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: true });
  try {
    const step = context.out.step(`Removing ${label}`);
    const result = await remove(session.ports, request).catch((error: unknown) => {
      step.fail();
      throw error;
    });
    step.done(
      result.removed
        ? `Removed ${result.appId} (${result.credentialsRemoved} credential(s) taken off first)${result.purged ? ", deleted for good" : ""}`
        : result.purged
          ? "Deleted for good from deleted items"
          : "No such app: nothing to remove",
    );
    context.out.result({
      command: "remove",
      ok: true,
      tenantId: session.tenantId,
      removed: result.removed,
      clientId: result.appId ?? null,
      credentialsRemoved: result.credentialsRemoved,
      purged: result.purged,
    });
    context.out.print(
      result.removed
        ? `Removed app ${result.appId}.${result.purged ? " It is deleted for good." : " Entra keeps it 30 days in deleted items (without credentials); --purge deletes it for good."}`
        : `No app ${label} in this tenant.`,
    );
    return 0;
  } finally {
    await session.close();
  }
}
