/**
 * Core's effect handlers for the browser: msal-browser sign-in, Graph through the SDK, app tokens
 * from the token endpoint, and core's engine. The new secret stays in this module's memory only.
 */
import type {
  AppKey,
  ApplyOutcome,
  ApplyStep,
  EffectHandlers,
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
  desiredFrom,
  isOurSecret,
  observe,
  permissionStatuses,
  permissionsView,
  plan,
  resolveProfile,
  resourceByAppId,
  sandboxEndpoints,
  sharePointAppInv,
  sharePointTenantName,
  summarizePlan,
  verify,
  WAVE_STEPS,
} from "@boxafe-connect/core";
import { browserAppTokenPort } from "../auth/app-token.js";
import type { Auth } from "../auth/session.js";
import type { Drift } from "../check/check-repair.js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { WebConfig } from "../config.js";
import { browserPorts } from "../platform.js";
import { addCertificate } from "./add-certificate.js";
import type { SessionExtras } from "./driver-types.js";
import { reviewGroups } from "./review-rows.js";
import { toVerifyData, unverifiableData } from "./verify-data.js";

const SECRET_NAME = "Boxafe";
const RENEW_WITHIN_DAYS = 30;
const VERIFY_DEADLINE_MS = 120_000;

interface Reviewed {
  readonly observed: ObservedWithOrganization;
  readonly plan: Plan;
  readonly permissions: readonly Permission[];
}

function keyOf(appId: string): string {
  return resourceByAppId(appId)?.key ?? appId;
}

export interface BrowserHandlers extends EffectHandlers {
  readonly extras: () => SessionExtras;
  setSecretDays(days: number): void;
  /** The next sign-in goes to the sign-in page even when an account is signed in ("sign in again"). */
  chooseAnotherAccount(): void;
  check(appId: string): Promise<Drift>;
  repair(): Promise<HandOverValues>;
  createCertificate(pfxPassword: string): Promise<CertificateMade>;
}

export function browserHandlers(config: WebConfig, auth: Auth): BrowserHandlers {
  const authorityOrigin = new URL(config.authority).origin;
  const cloud = config.cloud === "sandbox" ? sandboxEndpoints(authorityOrigin) : cloudEndpoints(config.cloud);
  let secretDays = 365;
  let reviewed: Reviewed | undefined;
  let extras: SessionExtras = {};
  let appliedAppId: string | undefined;
  let chooseAccount = false;

  const session = () => {
    if (!auth.signedIn) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    return auth.signedIn;
  };
  const deps = (progress?: RuntimePorts["progress"]) => ({
    ...browserPorts,
    graph: session().graph,
    ...(progress ? { progress } : {}),
  });

  async function load(appKey: AppKey, displayName: string | undefined): Promise<Drift> {
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
    const summary = summarizePlan(planned);
    const drift: Drift = {
      appLabel: observed.application
        ? `${observed.application.displayName} (${observed.application.appId})`
        : desired.displayName,
      groups: reviewGroups(
        permissionsView(boxafeProfile, appId ? { appId } : {}),
        permissionStatuses(desired, observed),
        keyOf,
      ),
      changes: summary.actions,
      findings: summary.findings.map((f) => f.message),
    };
    extras = {
      ...extras,
      review: drift,
      sharePointTenant: sharePointTenantName(observed.organization.initialDomain),
    };
    return drift;
  }

  async function applyReviewed(
    progress: (step: ApplyStep) => void,
  ): Promise<ApplyOutcome & { tenantId: string }> {
    if (!reviewed) throw new CoreError("invalid_transition", "Review the changes first.");
    const { observed, plan: planned } = reviewed;
    const onProgress: RuntimePorts["progress"] = (e) => {
      // Wave n has finished when wave n+1 starts (done = n); the last one reports done = 3.
      if (e.phase !== "apply" || typeof e.done !== "number") return;
      const finished = WAVE_STEPS[e.done as 1 | 2 | 3];
      for (const step of finished ?? []) progress(step);
    };
    const result = await apply(deps(onProgress), planned, observed);
    appliedAppId = result.application.appId;
    if (result.secret) {
      extras = {
        ...extras,
        secret: { text: result.secret.secretText, expiresOn: result.secret.endDateTime },
      };
    }
    const existingSecret =
      result.secret === undefined &&
      (observed.application?.passwordCredentials.some(
        (c) => isOurSecret(c) && Date.parse(c.endDateTime) > browserPorts.clock.now(),
      ) ??
        false);
    return {
      clientId: result.application.appId,
      tenantId: observed.organization.id,
      existingSecret,
      ...(result.secret ? { secret: { endDateTime: result.secret.endDateTime } } : {}),
    };
  }

  return {
    extras: () => extras,
    chooseAnotherAccount() {
      chooseAccount = true;
    },
    setSecretDays(days) {
      secretDays = days;
    },
    async signIn() {
      if (auth.signedIn && !chooseAccount) {
        return { username: auth.signedIn.username, tenantId: auth.signedIn.tenantId };
      }
      chooseAccount = false;
      await auth.signIn();
      // The page is leaving for the sign-in page; it resumes from the saved state on return.
      return new Promise<never>(() => undefined);
    },
    async checkRole() {
      const check = checkRole(await session().accessToken());
      if (!check.ok) throw new CoreError("insufficient_role", check.message);
      return { roles: check.roles };
    },
    async observe(appKey, displayName) {
      await load(appKey, displayName);
      const summary = reviewed ? summarizePlan(reviewed.plan) : undefined;
      if (!summary || !reviewed) throw new CoreError("internal_error", "The tenant could not be read.");
      const appId = reviewed.observed.application?.appId;
      const planState = {
        total: summary.total,
        counts: { ...summary.counts },
        actions: [...summary.actions],
        findings: summary.findings.map((f) => ({ ...f })),
      };
      return { plan: planState, ...(appId ? { appId } : {}) };
    },
    apply: (progress) => applyReviewed(progress),
    async verify(progress) {
      const secret = extras.secret;
      const appId = appliedAppId ?? reviewed?.observed.application?.appId;
      if (!reviewed || !appId)
        throw new CoreError("invalid_transition", "Set up the app before verifying it.");
      if (!secret) {
        // Without the secret no app token can be asked for; say so instead of guessing.
        const unverifiable = unverifiableData(reviewed.permissions);
        extras = { ...extras, verify: unverifiable.data };
        return unverifiable.outcome;
      }
      const report = await verify(
        {
          ...browserPorts,
          graph: session().graph,
          appToken: browserAppTokenPort(authorityOrigin),
          progress: (e) => {
            if (e.phase === "verify" && typeof e.done === "number" && typeof e.total === "number") {
              progress(e.done, e.total);
            }
          },
        },
        {
          tenantId: reviewed.observed.organization.id,
          clientId: appId,
          credential: { kind: "secret", secret: secret.text },
          permissions: reviewed.permissions,
          sharePointTenant: sharePointTenantName(reviewed.observed.organization.initialDomain),
          cloud,
          deadlineMs: VERIFY_DEADLINE_MS,
        },
      );
      extras = { ...extras, verify: toVerifyData(report) };
      return report;
    },
    async sharepoint() {
      const appId = appliedAppId ?? reviewed?.observed.application?.appId ?? "";
      return { url: sharePointAppInv(extras.sharePointTenant ?? "", appId).url };
    },
    async createCertificate(pfxPassword) {
      const appId = appliedAppId ?? reviewed?.observed.application?.appId;
      if (!appId) throw new CoreError("invalid_transition", "Set up the app before adding a certificate.");
      return addCertificate({ appId, pfxPassword, crypto: window.crypto, deps: deps() });
    },
    check: (appId) => load({ appId }, undefined),
    async repair() {
      const outcome = await applyReviewed(() => undefined);
      return {
        clientId: outcome.clientId,
        tenantId: outcome.tenantId,
        ...(extras.secret && outcome.secret ? { secret: extras.secret } : {}),
      };
    },
  };
}
