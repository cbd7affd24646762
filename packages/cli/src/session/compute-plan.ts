/** observe -> desired -> plan, the read-only half every admin command shares. */
import type {
  Desired,
  DesiredOptions,
  ObservedWithOrganization,
  Permission,
  Plan,
} from "@boxafe-connect/core";
import { desiredFrom, observe, plan } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import type { AdminSession } from "./admin-session.js";
import { appKeyOf, desiredOptionsOf, permissionsOf } from "./app-options.js";

export interface ComputedPlan {
  readonly now: number;
  readonly observed: ObservedWithOrganization;
  readonly desired: Desired;
  readonly plan: Plan;
}

export interface PlanExtra {
  readonly withSecret: boolean;
  readonly certificate?: DesiredOptions["certificate"];
  /** Overrides --secret-days (preflight fitted it to the tenant's cap). */
  readonly secretDays?: number;
}

/** The plan for a tenant already read (setup reads it once, for preflight and the plan). */
export function planWith(
  context: CommandContext,
  permissions: readonly Permission[],
  observed: ObservedWithOrganization,
  now: number,
  extra: PlanExtra,
): ComputedPlan {
  const options = desiredOptionsOf(context, now, {
    ...extra,
    // Adopting by --app-id keeps the app's own name unless --app-name says otherwise.
    ...(observed.application && context.values["app-name"] === undefined
      ? { displayName: observed.application.displayName }
      : {}),
  });
  const desired = desiredFrom(permissions, options, now);
  return { now, observed, desired, plan: plan(desired, observed, now) };
}

/** Reads the tenant for the app the flags name, with a progress line; no profile, no plan. */
export async function observeApp(
  context: CommandContext,
  session: AdminSession,
): Promise<ObservedWithOrganization> {
  const step = context.out.step("Reading the tenant");
  const observed = await observe(session.deps, appKeyOf(context)).catch((error: unknown) => {
    step.fail();
    throw error;
  });
  step.done(
    observed.application
      ? `Found app "${observed.application.displayName}" (${observed.application.appId})`
      : "Read the tenant: the app does not exist yet",
  );
  return observed;
}

export async function computePlan(
  context: CommandContext,
  session: AdminSession,
  extra: PlanExtra,
): Promise<ComputedPlan> {
  const now = session.deps.clock.now();
  const permissions = await permissionsOf(context);
  return planWith(context, permissions, await observeApp(context, session), now, extra);
}

/** The same tenant read and profile, planned with other extras (no second observe). */
export function replan(context: CommandContext, computed: ComputedPlan, extra: PlanExtra): ComputedPlan {
  return planWith(context, computed.desired.permissions, computed.observed, computed.now, extra);
}
