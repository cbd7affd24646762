/** `plan`: what setup would change; reads only. */
import { summarizePlan } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { planLines } from "../render/plan-view.js";
import { openAdminSession } from "../session/admin-session.js";
import { preflight } from "../session/app-options.js";
import { computePlan } from "../session/compute-plan.js";

export async function runPlan(context: CommandContext): Promise<number> {
  preflight(context);
  const session = await openAdminSession(context, { requireAdmin: false });
  try {
    const computed = await computePlan(context, session, { withSecret: true });
    const summary = summarizePlan(computed.plan);
    const app = computed.observed.application;
    context.out.result({
      command: "plan",
      ok: true,
      tenantId: session.tenantId,
      app: {
        exists: app !== undefined,
        clientId: app?.appId ?? null,
        displayName: computed.desired.displayName,
      },
      nothingToDo: summary.total === 0,
      ...summary,
    });
    context.out.print(planLines(summary, context.out.style).join("\n"));
    return 0;
  } finally {
    await session.close();
  }
}
