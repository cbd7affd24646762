/**
 * Core's effect handlers for the browser: msal-browser sign-in, Graph through the SDK, consent read
 * back with the admin's token, the token proof through the deployment's API, and core's engine.
 * The new secret stays in this module's memory only (and is sent once to that API, if configured).
 */
import type {
  AppKey,
  ApplyOutcome,
  ApplyResult,
  ApplyStep,
  EffectHandlers,
  RuntimePorts,
} from "@boxafe-connect/core";
import {
  apply,
  CoreError,
  checkRole,
  cloudEndpoints,
  confirmHandOver,
  finishedApplySteps,
  hasLiveSecretOfOurs,
  sandboxEndpoints,
  sharePointAppInv,
  sharePointTenantName,
} from "@boxafe-connect/core";
import type { Auth } from "../auth/session.js";
import type { Drift } from "../check/check-repair.js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { WebConfig } from "../config.js";
import { browserPorts } from "../platform.js";
import { addCertificate } from "./add-certificate.js";
import type { SessionExtras } from "./driver-types.js";
import type { Reviewed } from "./review-tenant.js";
import { reviewTenant } from "./review-tenant.js";
import { verifyApp } from "./verify-app.js";

export interface BrowserHandlers extends EffectHandlers {
  readonly extras: () => SessionExtras;
  setSecretDays(days: number): void;
  /** The next sign-in goes to the sign-in page even when an account is signed in ("sign in again"). */
  chooseAnotherAccount(): void;
  check(appId: string): Promise<Drift>;
  repair(): Promise<HandOverValues>;
  createCertificate(pfxPassword: string): Promise<CertificateMade>;
  /** The admin saved the new secret: clear its pending mark in the tenant (hand-over-marker.ts). */
  handedOver(): Promise<void>;
}

export function browserHandlers(config: WebConfig, auth: Auth): BrowserHandlers {
  const authorityOrigin = new URL(config.authority).origin;
  const cloud = config.cloud === "sandbox" ? sandboxEndpoints(authorityOrigin) : cloudEndpoints(config.cloud);
  let secretDays = 365;
  let reviewed: Reviewed | undefined;
  let extras: SessionExtras = {};
  let appliedAppId: string | undefined;
  let pendingHandOver: ApplyResult["handOver"];
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

  async function load(appKey: AppKey, displayName: string | undefined) {
    const signed = session();
    const result = await reviewTenant(signed.graph, appKey, displayName, secretDays, {
      accessToken: () => signed.accessToken(),
      graphWith: (extra) => signed.graphWith(extra),
    });
    reviewed = result.reviewed;
    extras = {
      ...extras,
      review: result.drift,
      sharePointTenant: sharePointTenantName(result.reviewed.observed.organization.initialDomain),
    };
    return result;
  }

  async function applyReviewed(
    progress: (step: ApplyStep) => void,
  ): Promise<ApplyOutcome & { tenantId: string }> {
    if (!reviewed) throw new CoreError("invalid_transition", "Review the changes first.");
    const { observed, plan: planned } = reviewed;
    const onProgress: RuntimePorts["progress"] = (e) => {
      for (const step of finishedApplySteps(e)) progress(step);
    };
    const result = await apply(deps(onProgress), planned, observed);
    appliedAppId = result.application.appId;
    pendingHandOver = result.handOver;
    if (result.secret) {
      extras = {
        ...extras,
        secret: { text: result.secret.secretText, expiresOn: result.secret.endDateTime },
      };
    }
    const existingSecret =
      result.secret === undefined &&
      hasLiveSecretOfOurs(observed.application?.passwordCredentials ?? [], browserPorts.clock.now());
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
      const { reviewed: r, summary } = await load(appKey, displayName);
      const appId = r.observed.application?.appId;
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
      const appId = appliedAppId ?? reviewed?.observed.application?.appId;
      if (!reviewed || !appId)
        throw new CoreError("invalid_transition", "Set up the app before verifying it.");
      const { data, outcome } = await verifyApp({
        graph: session().graph,
        cloud,
        verifyApi: config.verifyApi,
        reviewed,
        appId,
        secretText: extras.secret?.text,
        progress,
      });
      extras = { ...extras, verify: data };
      return outcome;
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
    check: async (appId) => (await load({ appId }, undefined)).drift,
    async handedOver() {
      const pending = pendingHandOver;
      if (pending === undefined) return;
      await confirmHandOver(deps(), pending);
      pendingHandOver = undefined;
    },
    async repair() {
      const outcome = await applyReviewed(() => undefined);
      // The page shows the returned values at once: that is the hand-over.
      if (pendingHandOver !== undefined) {
        await confirmHandOver(deps(), pendingHandOver);
        pendingHandOver = undefined;
      }
      return {
        clientId: outcome.clientId,
        tenantId: outcome.tenantId,
        ...(extras.secret && outcome.secret ? { secret: extras.secret } : {}),
      };
    },
  };
}
