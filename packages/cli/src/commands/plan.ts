/** `plan`: what setup would change; reads only. */
import { prepare } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { planLines } from "../render/plan-view.js";
import { withProgress } from "../render/task-progress.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { setupRequestOf, withProfile } from "../requests/setup-request.js";
import { openAdminSession } from "../session/admin-session.js";

export async function runPlan(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const request = await withProfile(setupRequestOf(values, Date.now()), values);
  const session = await openAdminSession(context, sessionRequestOf(values), { requireAdmin: false });
  try {
    const prepared = await withProgress(out, (emit) => prepare(session.ports, request, emit));
    const { summary, observed, desired } = prepared;
    out.result({
      command: "plan",
      ok: true,
      tenantId: session.tenantId,
      app: {
        exists: observed.application !== undefined,
        clientId: observed.application?.appId ?? null,
        displayName: desired.displayName,
      },
      nothingToDo: summary.total === 0,
      ...summary,
    });
    out.print(planLines(summary, out.style).join("\n"));
    return 0;
  } finally {
    await session.close();
  }
}
