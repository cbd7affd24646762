/**
 * prepare = observe + desired + plan: the read-only half of every admin job (plan, check, setup,
 * the wizard's review). One tenant read; `replan` plans the same read again with other extras
 * (a certificate made after the read) without a second round trip.
 */
import type { Permission } from "../catalog/types.js";
import { appTakesSecret } from "../credentials/app-credential-kind.js";
import type { SecretLifetime } from "../credentials/secret-lifetime.js";
import { parseSecretLifetime } from "../credentials/secret-lifetime.js";
import { DEFAULT_APP_NAME, renewWithinDaysFor } from "../defaults.js";
import type { ObservedWithOrganization } from "../engine/observe.js";
import { observeAlong } from "../engine/observe.js";
import { applicationPath } from "../engine/paths.js";
import { policyReadRequests, policyReadsOf } from "../preflight/policy-reads.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import type { SetupRequest } from "../requests/setup-request.js";
import { finishedApplySteps } from "../steps/apply-progress.js";
import type { PlanSummary } from "../tenant/describe.js";
import { summarizePlan } from "../tenant/describe.js";
import { desiredFrom } from "../tenant/desired.js";
import type { AppKey, Desired, DesiredOptions, Plan } from "../tenant/model.js";
import { plan } from "../tenant/plan.js";
import { appKeyOf } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";

export interface PlanExtras {
  /**
   * Plan a new secret when none of ours is valid beyond the renewal window. replan's default is
   * true; prepare's default reads the app (appTakesSecret: a Boxafe 1.5 app gets no secret).
   */
  readonly withSecret?: boolean;
  /** A lifetime fitted to the tenant's policy (preflight), instead of the request's. */
  readonly secretDays?: number;
  readonly certificate?: DesiredOptions["certificate"];
}

export interface Prepared {
  readonly request: SetupRequest;
  readonly now: number;
  readonly appKey: AppKey;
  readonly permissions: readonly Permission[];
  readonly observed: ObservedWithOrganization;
  readonly desired: Desired;
  readonly plan: Plan;
  readonly summary: PlanSummary;
}

/** The secret's lifetime from the request, checked against the clock (field named after the request). */
export function secretLifetimeOf(
  request: Pick<SetupRequest, "secretLifetimeDays" | "secretEndDate">,
  now: number,
): SecretLifetime {
  return request.secretEndDate !== undefined
    ? parseSecretLifetime(request.secretEndDate, now, "secretEndDate")
    : parseSecretLifetime(request.secretLifetimeDays, now, "secretLifetimeDays");
}

export function permissionsOf(request: Pick<SetupRequest, "profile" | "skipRetired">): Permission[] {
  return resolveProfile(request.profile ?? boxafeProfile, { skipRetired: request.skipRetired });
}

/** Ports whose engine progress also reaches the use case's listener (apply steps, debug lines). */
export function reporting(ports: AdminPorts, emit: Emit): AdminPorts {
  if (emit === silent) return ports;
  return {
    ...ports,
    progress: (event) => {
      ports.progress?.(event);
      emit({ type: "progress", event });
      for (const step of finishedApplySteps(event)) emit({ type: "apply-step", step });
    },
  };
}

export interface ObserveOptions {
  /** Preflight follows: its policy reads ride in observe's $batch when the token can read them (`readPolicies`). */
  readonly withPolicies?: boolean;
}

/** One read of the tenant; for a preflight, its policy reads ride in the same $batch (no round trip of their own). */
export async function observeTenant(
  ports: AdminPorts,
  appKey: AppKey,
  options: ObserveOptions = {},
): Promise<ObservedWithOrganization> {
  const policies = options.withPolicies === true && ports.readPolicies === true;
  const alongside = policies ? policyReadRequests(applicationPath(appKey)) : [];
  const read = await observeAlong(ports, appKey, alongside);
  return policies ? { ...read.observed, policies: policyReadsOf(read.alongside) } : read.observed;
}

/** Pure: the plan for a tenant already read. */
export function replan(
  base: Pick<Prepared, "request" | "now" | "permissions" | "observed">,
  extras: PlanExtras = {},
): Prepared {
  const { request, now, permissions, observed } = base;
  const appKey = appKeyOf(request);
  const lifetimeDays = extras.secretDays ?? secretLifetimeOf(request, now).days;
  const options: DesiredOptions = {
    appKey,
    // Adopting by id keeps the app's own name unless the request names one.
    displayName: request.displayName ?? observed.application?.displayName ?? DEFAULT_APP_NAME,
    skipRetired: request.skipRetired,
    removeExtra: request.removeExtra,
    ...(extras.withSecret === false
      ? {}
      : {
          secret: {
            displayName: request.secretName,
            lifetimeDays,
            renewWithinDays: renewWithinDaysFor(lifetimeDays),
          },
        }),
    ...(extras.certificate ? { certificate: extras.certificate } : {}),
  };
  const desired = desiredFrom(permissions, options, now);
  const planned = plan(desired, observed, now);
  return {
    request,
    now,
    appKey,
    permissions,
    observed,
    desired,
    plan: planned,
    summary: summarizePlan(planned),
  };
}

export async function prepare(
  ports: AdminPorts,
  request: SetupRequest,
  emit: Emit = silent,
  extras: PlanExtras = {},
  options: ObserveOptions = {},
): Promise<Prepared> {
  const now = ports.clock.now();
  // Everything the request can get wrong is checked before the tenant is read.
  const permissions = permissionsOf(request);
  secretLifetimeOf(request, now);
  const appKey = appKeyOf(request);
  emit({ type: "start", task: "observe" });
  const observed = await observeTenant(reporting(ports, emit), appKey, options);
  emit({ type: "observed", observed });
  // A caller that does not say (check, plan) plans the credential the app already takes.
  const withSecret = extras.withSecret ?? appTakesSecret(observed.application);
  const prepared = replan({ request, now, permissions, observed }, { ...extras, withSecret });
  emit({ type: "planned", summary: prepared.summary });
  return prepared;
}
