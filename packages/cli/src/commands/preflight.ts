/**
 * `preflight`: the tenant's rules read before any write, as a table (stdout) or JSON. Exit 0 when every check
 * passes, warns or is unknown; 7 (PreflightFailed) when one fails; 5 when only the role fails.
 */
import type { CommandContext } from "../command-context.js";
import { flag } from "../command-context.js";
import { preflightDocument } from "../render/preflight-view.js";
import { ExitCode } from "../render-error.js";
import { openAdminSession } from "../session/admin-session.js";
import { appNameOf, permissionsOf, preflight, secretDaysOf } from "../session/app-options.js";
import { certificateDaysOf } from "../session/certificate.js";
import { observeApp } from "../session/compute-plan.js";
import { runTenantPreflight } from "../session/tenant-preflight.js";

export async function runPreflight(context: CommandContext): Promise<number> {
  preflight(context);
  const session = await openAdminSession(context, { requireAdmin: false });
  try {
    const now = session.deps.clock.now();
    const permissions = await permissionsOf(context);
    const observed = await observeApp(context, session);
    const result = await runTenantPreflight(context, session, observed, permissions, {
      secretDays: secretDaysOf(context, now),
      ...(flag(context, "certificate")
        ? { certificateDays: certificateDaysOf(context, appNameOf(context)) }
        : {}),
    });
    context.out.result({
      command: "preflight",
      tenantId: session.tenantId,
      username: session.username,
      ...preflightDocument(result),
    });
    if (result.ok) return ExitCode.Ok;
    const roleOnly = result.checks.filter((c) => c.status === "fail").every((c) => c.id === "role");
    return roleOnly ? ExitCode.AccessDenied : ExitCode.PreflightFailed;
  } finally {
    await session.close();
  }
}
