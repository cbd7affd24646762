/** `remove`: delete the app registration (its service principal, grants and secrets go with it). */
import { removeApplication } from "@boxafe-connect/core";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag } from "../command-context.js";
import { openAdminSession } from "../session/admin-session.js";
import { appKeyOf } from "../session/app-options.js";
import { confirmOrCancel } from "../wizard/prompts.js";

export async function runRemove(context: CommandContext): Promise<number> {
  const appKey = appKeyOf(context);
  const label = "appId" in appKey ? appKey.appId : appKey.uniqueName;
  if (!flag(context, "yes")) {
    if (!context.interactive) {
      throw new UsageError("remove deletes the app and its credentials; add --yes to confirm.", "remove");
    }
    await confirmOrCancel(`Delete the app ${label}, its enterprise app, grants and secrets?`);
  }
  const session = await openAdminSession(context, { requireAdmin: true });
  try {
    const step = context.out.step(`Removing ${label}`);
    const result = await removeApplication(session.deps, appKey);
    step.done(result.removed ? `Removed ${result.appId}` : "No such app: nothing to remove");
    context.out.result({
      command: "remove",
      ok: true,
      tenantId: session.tenantId,
      removed: result.removed,
      clientId: result.appId ?? null,
    });
    context.out.print(result.removed ? `Removed app ${result.appId}.` : `No app ${label} in this tenant.`);
    return 0;
  } finally {
    await session.close();
  }
}
