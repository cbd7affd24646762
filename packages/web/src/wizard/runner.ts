/**
 * The signed-in half of the page, loaded on demand with msal-browser and the Graph client: it
 * fills core's ports (Graph through the SDK, app tokens through the token endpoint, clock and timers)
 * and calls core's engine. It keeps the new secret in memory only, for the hand-over card.
 */
import type {
  AppKey,
  ApplyResult,
  ObservedWithOrganization,
  Permission,
  Plan,
  RuntimePorts,
} from "@boxafe-connect/core";
import {
  apply,
  boxafeProfile,
  CoreError,
  checkRole,
  cloudEndpoints,
  describeAction,
  desiredFrom,
  observe,
  permissionsView,
  plan,
  resolveProfile,
  resourceByAppId,
  sandboxEndpoints,
  sharePointTenantName,
  uniqueNameFor,
  verify,
} from "@boxafe-connect/core";
import { browserAppTokenPort } from "../auth/app-token.js";
import type { SignedIn } from "../auth/session.js";
import { startAuth } from "../auth/session.js";
import type { Drift } from "../check/check-repair.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { WebConfig } from "../config.js";
import { browserPorts } from "../platform.js";
import { reviewGroups } from "./review-rows.js";
import type { Runner } from "./runner-types.js";

interface Reviewed {
  readonly observed: ObservedWithOrganization;
  readonly plan: Plan;
  readonly permissions: readonly Permission[];
}

const SECRET_NAME = "Boxafe";
const RENEW_WITHIN_DAYS = 30;

function keyOf(appId: string): string {
  return resourceByAppId(appId)?.key ?? appId;
}

function resourceName(key: string): string {
  return permissionsView(boxafeProfile).resources.find((r) => keyOf(r.appId) === key)?.name ?? key;
}

export async function createRunner(config: WebConfig, origin: string): Promise<Runner> {
  const auth = await startAuth(config, origin);
  const signedIn = auth.signedIn;
  const authorityOrigin = new URL(config.authority).origin;
  const cloud = config.cloud === "sandbox" ? sandboxEndpoints(authorityOrigin) : cloudEndpoints(config.cloud);
  let reviewed: Reviewed | undefined;
  let lastApply: ApplyResult | undefined;

  const session = (): SignedIn => {
    if (!signedIn) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    return signedIn;
  };
  const deps = (progress?: RuntimePorts["progress"]) => ({
    ...browserPorts,
    graph: session().graph,
    ...(progress ? { progress } : {}),
  });

  async function load(appKey: AppKey, displayName: string | undefined, secretDays: number): Promise<Drift> {
    const observed = await observe(deps(), appKey);
    const permissions = resolveProfile(boxafeProfile);
    const desired = desiredFrom(
      permissions,
      {
        appKey,
        displayName: displayName ?? observed.application?.displayName ?? "QNAP Boxafe",
        secret: { displayName: SECRET_NAME, lifetimeDays: secretDays, renewWithinDays: RENEW_WITHIN_DAYS },
      },
      browserPorts.clock.now(),
    );
    const planned = plan(desired, observed, browserPorts.clock.now());
    reviewed = { observed, plan: planned, permissions };
    const appId = observed.application?.appId;
    return {
      appLabel: observed.application
        ? `${observed.application.displayName} (${observed.application.appId})`
        : desired.displayName,
      groups: reviewGroups(permissionsView(boxafeProfile, appId ? { appId } : {}), planned, keyOf),
      changes: planned.actions.map(describeAction),
      findings: planned.findings.map((f) => f.message),
    };
  }

  async function applyReviewed(onWave: (done: number) => void): Promise<HandOverValues> {
    if (!reviewed) throw new CoreError("invalid_transition", "Review the changes first.");
    const { observed, plan: planned } = reviewed;
    const progress: RuntimePorts["progress"] = (e) => {
      if (e.phase === "apply" && typeof e.done === "number") onWave(e.done);
    };
    const result = planned.actions.length === 0 ? undefined : await apply(deps(progress), planned, observed);
    onWave(3);
    lastApply = result;
    const appId = result?.application.appId ?? observed.application?.appId;
    if (!appId)
      throw new CoreError("not_found", "The app was not found after applying; run the setup again.");
    return {
      clientId: appId,
      tenantId: observed.organization.id,
      ...(result?.secret
        ? { secret: { text: result.secret.secretText, expiresOn: result.secret.endDateTime } }
        : {}),
    };
  }

  return {
    signedIn,
    signIn: (hint) => auth.signIn(hint),
    signOut: () => auth.signOut(),
    async role() {
      const check = checkRole(await session().accessToken());
      if (!check.ok) throw new CoreError("insufficient_role", check.message);
      return { username: check.username ?? session().username, roles: check.roles };
    },
    review(choice) {
      const appKey: AppKey =
        choice.mode === "new" ? { uniqueName: uniqueNameFor(choice.displayName) } : { appId: choice.appId };
      return load(appKey, choice.mode === "new" ? choice.displayName : undefined, choice.secretDays);
    },
    apply: applyReviewed,
    async verify(onAttempt) {
      const secret = lastApply?.secret;
      if (!reviewed || !lastApply || !secret) {
        throw new CoreError(
          "invalid_transition",
          "Verification needs the secret made in this session; run the setup again.",
        );
      }
      let attempt = 1;
      onAttempt(attempt);
      const report = await verify(
        {
          ...browserPorts,
          graph: session().graph,
          appToken: browserAppTokenPort(authorityOrigin),
          progress: (e) => {
            if (e.phase === "verify") onAttempt(++attempt);
          },
        },
        {
          tenantId: reviewed.observed.organization.id,
          clientId: lastApply.application.appId,
          credential: { kind: "secret", secret: secret.secretText },
          permissions: reviewed.permissions,
          sharePointTenant: sharePointTenantName(reviewed.observed.organization.initialDomain),
          cloud,
          deadlineMs: 120_000,
        },
      );
      return {
        complete: report.complete,
        rows: report.items.map((i) => ({ ...i, resource: resourceName(i.resource) })),
        tokens: report.tokens.map((t) => ({
          resource: resourceName(t.resource),
          ok: t.ok,
          roles: t.roles.length,
          error: t.error?.message,
        })),
      };
    },
    check: (appId) => load({ appId }, undefined, 365),
    repair: () => applyReviewed(() => undefined),
  };
}
