/**
 * Core's effect handlers for the browser: msal-browser sign-in, Graph through the SDK, consent read
 * back with the admin's token, the token proof through the deployment's API, and core's engine.
 * The new secret stays in this module's memory only (and is sent once to that API, if configured).
 */
import type {
  AppKey,
  ApplyOutcome,
  ApplyStep,
  BoxafeVersion,
  EffectHandlers,
  PendingHandOver,
  WizardState,
} from "@boxafe-connect/core";
import {
  applyPrepared,
  CoreError,
  checkRole,
  hasLiveSecretOfOurs,
  handedOver as markHandedOver,
  observeApp,
  setupRequestFromWebForm,
  sharePointAppInv,
  sharePointNameOf,
  unheldCertificates,
} from "@boxafe-connect/core";
import type { Auth } from "../auth/session.js";
import type { Drift } from "../check/check-repair.js";
import type { RotationActions } from "../check/rotation-session.js";
import { rotationSession } from "../check/rotation-session.js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { WebConfig } from "../config.js";
import { browserPorts } from "../platform.js";
import { pageProveDeps } from "../workloads/page-prove.js";
import { addCertificate } from "./add-certificate.js";
import type { PageCertificate } from "./boxafe-certificate.js";
import { pageCertificateMaker } from "./boxafe-certificate.js";
import type { SessionExtras } from "./driver-types.js";
import { loadChoices, saveChoices } from "./page-choices.js";
import { pageCloud } from "./page-cloud.js";
import type { Reviewed } from "./review-tenant.js";
import { reviewTenant } from "./review-tenant.js";
import { verifyApp } from "./verify-app.js";

export interface BrowserHandlers extends EffectHandlers, RotationActions {
  readonly extras: () => SessionExtras;
  setSecretDays(days: number): void;
  /** The Boxafe version the admin chose: 1.5 gets a certificate made here, 1.4 a secret. */
  setBoxafe(version: BoxafeVersion): void;
  /** The next sign-in goes to the sign-in page even when an account is signed in ("sign in again"). */
  chooseAnotherAccount(): void;
  check(appId: string): Promise<Drift>;
  repair(): Promise<HandOverValues>;
  createCertificate(pfxPassword: string): Promise<CertificateMade>;
  /** The SharePoint certificate's key is in the admin's hands (held-rule.ts): clear its pending mark. */
  sharePointHeld(): Promise<void>;
  /** The admin saved the new secret: clear its pending mark in the tenant (hand-over-marker.ts). */
  handedOver(): Promise<void>;
}

/** `wizard`: the machine's current state, which names the app when a reload emptied this memory. */
export function browserHandlers(config: WebConfig, auth: Auth, wizard: () => WizardState): BrowserHandlers {
  const cloud = pageCloud(config);
  // Unset until the admin picks one: core's default lifetime (defaults.ts) then applies. Kept in
  // sessionStorage, so a reload re-reads the tenant for the same Boxafe (page-choices.ts).
  const choices = loadChoices();
  let secretDays: number | undefined = choices.secretDays;
  let boxafe: BoxafeVersion | undefined = choices.boxafe;
  // The certificate made for the reviewed plan (Boxafe 1.5): its private key lives only here.
  let planned: PageCertificate | undefined;
  let reviewed: Reviewed | undefined;
  let extras: SessionExtras = boxafe ? { boxafe } : {};
  let appliedAppId: string | undefined;
  let pendingHandOver: PendingHandOver | undefined;
  // The SharePoint step's certificate, added but not yet downloaded or said saved (held-rule.ts).
  let sharePointPending: PendingHandOver | undefined;
  let chooseAccount = false;

  const session = () => {
    if (!auth.signedIn) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    return auth.signedIn;
  };
  const deps = () => ({ ...browserPorts, graph: session().graph });

  async function load(appKey: AppKey, displayName: string | undefined, version?: BoxafeVersion) {
    const signed = session();
    const request = setupRequestFromWebForm({
      appKey,
      ...(displayName === undefined ? {} : { displayName }),
      ...(secretDays === undefined ? {} : { secretDays }),
      ...(version === undefined ? {} : { boxafe: version }),
    });
    const result = await reviewTenant(
      signed.graph,
      request,
      {
        accessToken: () => signed.accessToken(),
        graphWith: (extra) => signed.graphWith(extra),
        readPolicies: signed.readPolicies,
      },
      pageCertificateMaker(window.crypto),
    );
    reviewed = result.reviewed;
    planned = result.certificate;
    const sharePointTenant = sharePointNameOf(result.reviewed.observed);
    extras = {
      ...extras,
      review: result.drift,
      ...(sharePointTenant ? { sharePointTenant } : {}),
      initialDomain: result.reviewed.observed.organization.initialDomain,
      ...(version ? { boxafe: version } : {}),
    };
    return result;
  }

  async function applyReviewed(
    progress: (step: ApplyStep) => void,
  ): Promise<ApplyOutcome & { tenantId: string }> {
    if (!reviewed) throw new CoreError("invalid_transition", "Review the changes first.");
    const { observed } = reviewed;
    // core's apply half of setup; a new secret is kept (hand-over) the moment it is announced.
    const certificate = planned;
    const applied = await applyPrepared(
      {
        ...deps(),
        // The certificate is in the page (extras) before anything after the write can fail.
        handOver: async (credentials) => {
          if (credentials.certificate) extras = { ...extras, certificate: credentials.certificate };
        },
      },
      reviewed,
      (event) => {
        if (event.type === "apply-step") progress(event.step);
        if (event.type === "credential" && event.secret) {
          extras = {
            ...extras,
            secret: { text: event.secret.secretText, expiresOn: event.secret.endDateTime },
          };
        }
      },
      certificate,
    );
    appliedAppId = applied.clientId;
    pendingHandOver = applied.handOver;
    // Boxafe 1.5's certificate stays pending until the hand-over card offers its downloads (the
    // driver calls handedOver then): a reload while verifying loses the key, and the tenant must still
    // count it unheld so the resumed walk replaces it.
    const existingSecret =
      applied.secret === undefined &&
      hasLiveSecretOfOurs(observed.application?.passwordCredentials ?? [], browserPorts.clock.now());
    return {
      clientId: applied.clientId,
      tenantId: applied.tenantId,
      existingSecret,
      ...(applied.secret ? { secret: { endDateTime: applied.secret.endDateTime } } : {}),
    };
  }

  // Check and repair's two-phase rotation, on the app the last check read.
  const prove = pageProveDeps(config);
  const rotation = rotationSession(() => {
    if (!reviewed) throw new CoreError("invalid_transition", "Check an app first.");
    return {
      admin: deps(),
      graph: session().graph,
      cloud,
      services: { verifyApi: config.verifyApi, ...(prove ? { prove } : {}) },
      reviewed,
      crypto: window.crypto,
    };
  });

  return {
    rotate: rotation.rotate,
    retire: rotation.retire,
    rotationHeld: rotation.rotationHeld,
    extras: () => extras,
    chooseAnotherAccount() {
      chooseAccount = true;
    },
    setSecretDays(days) {
      secretDays = days;
      saveChoices({ secretDays: days });
    },
    setBoxafe(version) {
      boxafe = version;
      saveChoices({ boxafe: version });
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
      const { reviewed: r, summary } = await load(appKey, displayName, boxafe);
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
      const saved = wizard();
      const appId =
        appliedAppId ??
        reviewed?.observed.application?.appId ??
        saved.handOver?.clientId ??
        saved.existingAppId;
      // After a reload the review was only in the old page's memory: read the tenant again (read-only;
      // nothing of that plan is applied), so verify proves what the tenant holds now.
      if (!reviewed && appId) await load({ appId }, undefined);
      if (!reviewed || !appId)
        throw new CoreError("invalid_transition", "Set up the app before verifying it.");
      const { data, outcome } = await verifyApp({
        graph: session().graph,
        cloud,
        verifyApi: config.verifyApi,
        reviewed,
        appId,
        secretText: extras.secret?.text,
        certificateMade: extras.certificate !== undefined,
        progress,
      });
      extras = { ...extras, verify: data };
      return outcome;
    },
    async sharepoint() {
      const appId =
        appliedAppId ?? reviewed?.observed.application?.appId ?? wizard().handOver?.clientId ?? "";
      // Read the app as it is now: a certificate made at this step in a page that was reloaded (or
      // closed) before its key was downloaded is still marked pending, and its key is gone. The page
      // says so instead of offering a fresh form as if nothing had happened (core's unheldCertificates;
      // the setup's own certificate, still in this page's memory, is not lost).
      const observed = appId === "" ? undefined : await observeApp(deps(), { appId });
      const inHand = extras.certificate ? [extras.certificate.thumbprint] : [];
      extras = { ...extras, sharePointLost: unheldCertificates(observed?.application, inHand) };
      return { url: sharePointAppInv(extras.sharePointTenant ?? "", appId).url };
    },
    async createCertificate(pfxPassword) {
      const appId = appliedAppId ?? reviewed?.observed.application?.appId ?? wizard().handOver?.clientId;
      if (!appId) throw new CoreError("invalid_transition", "Set up the app before adding a certificate.");
      const added = await addCertificate({
        appId,
        pfxPassword,
        crypto: window.crypto,
        deps: deps(),
        cloud,
      });
      sharePointPending = added.handOver;
      return added.certificate;
    },
    async sharePointHeld() {
      const pending = sharePointPending;
      if (pending === undefined) return;
      // Core removes, with the mark, what earlier lost keys left on the app (confirm-hand-over.ts).
      await markHandedOver(deps(), pending);
      sharePointPending = undefined;
      extras = { ...extras, sharePointLost: [] };
    },
    check: async (appId) => (await load({ appId }, undefined)).drift,
    async handedOver() {
      const pending = pendingHandOver;
      if (pending === undefined) return;
      await markHandedOver(deps(), pending);
      pendingHandOver = undefined;
    },
    async repair() {
      const outcome = await applyReviewed(() => undefined);
      // The page shows the returned values at once: that is the hand-over.
      if (pendingHandOver !== undefined) {
        await markHandedOver(deps(), pendingHandOver);
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
