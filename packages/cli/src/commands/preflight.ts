/**
 * `preflight`: the tenant's rules read before any write, as a table (stdout) or JSON. Exit 0 when every check
 * passes, warns or is unknown; 7 (PreflightFailed) when one fails; 5 when only the role fails.
 */
import { observeApp, permissionsOf, secretLifetimeOf } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { preflightDocument } from "../render/preflight-view.js";
import { withProgress } from "../render/task-progress.js";
import { ExitCode } from "../render-error.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { setupRequestOf, withProfile } from "../requests/setup-request.js";
import { openAdminSession } from "../session/admin-session.js";
import { runTenantPreflight } from "../session/tenant-preflight.js";

export async function runPreflight(context: CommandContext): Promise<number> {
  const request = await withProfile(setupRequestOf(context.values, Date.now()), context.values);
  const session = await openAdminSession(context, sessionRequestOf(context.values), {
    requireAdmin: false,
    preflight: true,
  });
  try {
    const now = session.ports.clock.now();
    // The policy reads ride in the same $batch as the tenant read (the sign-in asked for Policy.Read.All).
    const observed = await withProgress(context.out, (emit) =>
      observeApp(session.ports, request, emit, { withPolicies: true }),
    );
    const result = await runTenantPreflight(context, session, observed, permissionsOf(request), {
      secretDays: secretLifetimeOf(request, now).days,
      ...(request.certificate ? { certificateDays: request.certificateDays } : {}),
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
