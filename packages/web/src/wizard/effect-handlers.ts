/**
 * Core's setup session in the browser (page-session.ts): msal-browser sign-in, Graph through the
 * SDK, consent read back with the admin's token, the token proof through the deployment's API.
 * Core decides the credentials; this module keeps what the views draw. The new secret and key pair
 * stay in this page's memory only (the secret is sent once to that API, if configured).
 */
import type { AppKey, BoxafeVersion, PendingHandOver, SetupRequest, WizardState } from "@boxafe-connect/core";
import {
  CoreError,
  checkRole,
  handedOver as markHandedOver,
  observeApp,
  parseRequest,
  setupRequestFromWebForm,
  setupRequestSchema,
  sharePointCertificateOf,
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
import { addCertificate, noBrowserRedemption } from "./add-certificate.js";
import { pageCertificateMaker } from "./boxafe-certificate.js";
import type { SessionExtras } from "./driver-types.js";
import { keptVerifyData } from "./kept-certificate.js";
import { loadChoices, saveChoices } from "./page-choices.js";
import { pageCloud } from "./page-cloud.js";
import type { PageHost, PageSetup } from "./page-session.js";
import { pageSetupSession } from "./page-session.js";
import { driftOf } from "./review-tenant.js";
import { verifyApp } from "./verify-app.js";

export interface BrowserHandlers extends RotationActions {
  readonly handlers: PageSetup["handlers"];
  readonly extras: () => SessionExtras;
  setSecretDays(days: number): void;
  /** The Boxafe version the admin chose: core then plans a certificate (1.5) or a secret (1.4). */
  setBoxafe(version: BoxafeVersion): void;
  /** The next walk makes a new certificate instead of keeping the app's (core's newCertificate). */
  askNewCertificate(): void;
  /** A new walk (start over): a fresh core session, nothing of the last run's memory. */
  restart(): void;
  /** The next sign-in goes to the sign-in page even when an account is signed in ("sign in again"). */
  chooseAnotherAccount(): void;
  check(appId: string): Promise<Drift>;
  repair(): Promise<HandOverValues>;
  createCertificate(pfxPassword: string): Promise<CertificateMade>;
  /** The SharePoint certificate's key is in the admin's hands (held-rule.ts): clear its pending mark. */
  sharePointHeld(): Promise<void>;
  /** The admin holds the new credential (held-rule.ts): core clears its pending mark in the tenant. */
  handedOver(): Promise<void>;
}

/** `wizard`: the machine's current state (names the app a reload may have left in the SharePoint step). */
export function browserHandlers(config: WebConfig, auth: Auth, wizard: () => WizardState): BrowserHandlers {
  const cloud = pageCloud(config);
  // Unset until the admin picks one: core's default lifetime (defaults.ts) then applies. Kept in
  // sessionStorage, so a reload re-reads the tenant for the same Boxafe (page-choices.ts).
  const choices = loadChoices();
  let secretDays: number | undefined = choices.secretDays;
  let boxafe: BoxafeVersion | undefined = choices.boxafe;
  let newCertificate = false;
  let extras: SessionExtras = boxafe ? { boxafe } : {};
  let chooseAccount = false;
  // The SharePoint step's certificate, added but not yet downloaded or said saved (held-rule.ts).
  let sharePointPending: PendingHandOver | undefined;

  const signedIn = () => {
    if (!auth.signedIn) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    return auth.signedIn;
  };
  const deps = () => ({ ...browserPorts, graph: signedIn().graph });
  /** The page's answers as core's request (the app itself comes with each observe). */
  const requestFor = (appKey: AppKey, displayName: string | undefined, version: BoxafeVersion | undefined) =>
    setupRequestFromWebForm({
      appKey,
      ...(displayName === undefined ? {} : { displayName }),
      ...(secretDays === undefined ? {} : { secretDays }),
      ...(version === undefined ? {} : { boxafe: version }),
      ...(newCertificate ? { newCertificate } : {}),
    });

  const host: PageHost = {
    runtime: browserPorts,
    async signIn() {
      if (auth.signedIn && !chooseAccount) {
        const signed = auth.signedIn;
        return {
          username: signed.username,
          tenantId: signed.tenantId,
          graph: signed.graph,
          access: {
            accessToken: () => signed.accessToken(),
            graphWith: (extra) => signed.graphWith(extra),
            ...(signed.readPolicies === undefined ? {} : { readPolicies: signed.readPolicies }),
          },
        };
      }
      chooseAccount = false;
      await auth.signIn();
      // The page is leaving for the sign-in page; it resumes from the saved state on return.
      return new Promise<never>(() => undefined);
    },
    async checkRole() {
      const check = checkRole(await signedIn().accessToken());
      if (!check.ok) throw new CoreError("insufficient_role", check.message);
      return { roles: check.roles };
    },
    certificates: pageCertificateMaker(window.crypto),
    proof: { appToken: noBrowserRedemption, cloud },
    // The page redeems no credential: consent read back, a secret through the API, a certificate by the CLI.
    async prove(input, progress) {
      const { data, outcome } = await verifyApp({
        graph: input.graph,
        cloud,
        verifyApi: config.verifyApi,
        tenantId: input.tenantId,
        appId: input.clientId,
        permissions: input.permissions,
        ...(input.sharePointTenant ? { sharePointTenant: input.sharePointTenant } : {}),
        credential: input.credential,
        progress,
      });
      extras = { ...extras, verify: data };
      return outcome;
    },
  };
  const blank = (): SetupRequest => parseRequest(setupRequestSchema, {});
  let setup = pageSetupSession(host, blank());
  // Check and repair read and repair one app through a session of their own.
  let checking: PageSetup | undefined;

  const appIdOf = (s: PageSetup) =>
    s.session.applied()?.clientId ?? s.session.prepared()?.observed.application?.appId;

  const handlers: PageSetup["handlers"] = {
    signIn: () => setup.handlers.signIn(),
    checkRole: () => setup.handlers.checkRole(),
    async observe(appKey, displayName) {
      setup.session.update(() => requestFor(appKey, displayName, boxafe));
      extras = { ...(boxafe ? { boxafe } : {}) };
      const result = await setup.handlers.observe(appKey, displayName);
      const prepared = setup.session.prepared();
      if (prepared) {
        const sharePointTenant = sharePointNameOf(prepared.observed);
        extras = {
          ...extras,
          review: driftOf(prepared, setup.preflight()),
          ...(sharePointTenant ? { sharePointTenant } : {}),
          initialDomain: prepared.observed.organization.initialDomain,
        };
      }
      return result;
    },
    async apply(progress) {
      const outcome = await setup.handlers.apply(progress);
      // Asked for one walk: the next walk keeps the (new) certificate again.
      newCertificate = false;
      return outcome;
    },
    async verify(progress) {
      const outcome = await setup.handlers.verify(progress);
      const kept = setup.session.keptCertificate();
      // Core did not run the proofs (the key is held elsewhere): say so, never "works".
      if (outcome.notRun !== undefined && kept) extras = { ...extras, verify: keptVerifyData(kept) };
      return outcome;
    },
    async sharepoint(mode) {
      const ready = await setup.handlers.sharepoint(mode);
      // Read the app as it is now: a certificate made at this step in a page that was reloaded (or
      // closed) before its key was downloaded is still marked pending, and its key is gone. The page
      // says so instead of offering a fresh form as if nothing had happened (core's unheldCertificates;
      // the setup's own certificate, still in this page's memory, is not lost).
      const appId = appIdOf(setup) ?? wizard().handOver?.clientId;
      const observed = appId === undefined ? undefined : await observeApp(deps(), { appId });
      const made = setup.handedOver().certificate;
      const inHand = made ? [made.thumbprint] : [];
      extras = { ...extras, sharePointLost: unheldCertificates(observed?.application, inHand) };
      // Boxafe 1.5's certificate (handed over, on the app) already serves SharePoint: core says which.
      const held =
        ready.certificate === undefined
          ? sharePointCertificateOf(observed?.application, boxafe, browserPorts.clock.now())
          : undefined;
      return held
        ? { ...ready, certificate: { thumbprint: held.thumbprint, notAfter: held.notAfter } }
        : ready;
    },
  };

  // Check and repair's two-phase rotation, on the app the last check read.
  const prove = pageProveDeps(config);
  const rotation = rotationSession(() => {
    const reviewed = checking?.session.prepared();
    if (!reviewed) throw new CoreError("invalid_transition", "Check an app first.");
    return {
      admin: deps(),
      graph: signedIn().graph,
      cloud,
      services: { verifyApi: config.verifyApi, ...(prove ? { prove } : {}) },
      reviewed,
      crypto: window.crypto,
    };
  });

  return {
    handlers,
    rotate: rotation.rotate,
    retire: rotation.retire,
    rotationHeld: rotation.rotationHeld,
    extras() {
      // What core handed to the page this walk, and the certificate it kept.
      const handed = setup.handedOver();
      const kept = setup.session.keptCertificate();
      return {
        ...extras,
        ...(handed.secret
          ? { secret: { text: handed.secret.secretText, expiresOn: handed.secret.endDateTime } }
          : {}),
        ...(handed.certificate ? { certificate: handed.certificate } : {}),
        ...(kept ? { keptCertificate: kept } : {}),
      };
    },
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
    askNewCertificate() {
      newCertificate = true;
    },
    restart() {
      setup = pageSetupSession(host, blank());
      extras = boxafe ? { boxafe } : {};
    },
    async createCertificate(pfxPassword) {
      const appId = appIdOf(setup) ?? wizard().handOver?.clientId;
      if (!appId) throw new CoreError("invalid_transition", "Set up the app before adding a certificate.");
      const added = await addCertificate({ appId, pfxPassword, crypto: window.crypto, deps: deps(), cloud });
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
    async check(appId) {
      const session = pageSetupSession(host, requestFor({ appId }, undefined, undefined));
      await session.handlers.signIn();
      await session.handlers.observe({ appId });
      checking = session;
      const prepared = session.session.prepared();
      if (!prepared) throw new CoreError("invalid_transition", "Check an app first.");
      return driftOf(prepared, session.preflight());
    },
    handedOver: () => setup.session.handedOver(),
    async repair() {
      const session = checking;
      const prepared = session?.session.prepared();
      if (!session || !prepared) throw new CoreError("invalid_transition", "Check an app first.");
      const outcome = await session.handlers.apply(() => undefined);
      // The page shows the returned values at once: that is the hand-over.
      await session.session.handedOver();
      const secret = session.handedOver().secret;
      return {
        clientId: outcome.clientId,
        tenantId: prepared.observed.organization.id,
        ...(secret ? { secret: { text: secret.secretText, expiresOn: secret.endDateTime } } : {}),
      };
    },
  };
}
