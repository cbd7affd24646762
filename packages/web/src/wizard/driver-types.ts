import type {
  BoxafeVersion,
  KeptCertificate,
  ProofNotRun,
  UnheldCertificate,
  WizardEvent,
  WizardState,
} from "@boxafe-connect/core";
import type { Drift } from "../check/check-repair.js";
import type { RotationActions } from "../check/rotation-session.js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { TokenRow, VerifyRow } from "../components/verify-results.js";
import type { PageCertificate } from "./boxafe-certificate.js";

export type { Drift };

export interface VerifyData {
  readonly complete: boolean;
  readonly rows: readonly VerifyRow[];
  readonly tokens: readonly TokenRow[];
  /** Why rows are "not checkable" when the page has no secret to ask with. */
  readonly note?: string;
  /** The token proof did not run (core's reason and message). */
  readonly notRun?: ProofNotRun;
}

/** What the session keeps in memory beside the (secret-free) wizard state, for the views. */
export interface SessionExtras {
  readonly review?: Drift;
  readonly verify?: VerifyData;
  /** The secret made in this tab: shown once, never saved. */
  readonly secret?: { readonly text: string; readonly expiresOn: string };
  readonly sharePointTenant?: string;
  /** The tenant's initial domain (contoso.onmicrosoft.com), for the EWS step's Exchange Online calls. */
  readonly initialDomain?: string;
  /** The Boxafe version of this setup (the choose-app question). */
  readonly boxafe?: BoxafeVersion;
  /** The certificate made for Boxafe 1.5 in this tab (PFX, its password, PEM, CER): never saved. */
  readonly certificate?: PageCertificate;
  /**
   * Certificates on the app whose key never reached anyone, read when the SharePoint step opens (a
   * key made there in a page reloaded before its download): the step says they are lost.
   */
  readonly sharePointLost?: readonly UnheldCertificate[];
  /** The app's certificate core kept (Boxafe 1.5, handed over by an earlier walk): nothing made. */
  readonly keptCertificate?: KeptCertificate;
}

/**
 * The signed-in half of the page (./session-driver.ts, loaded on demand): it runs core's step
 * machine with effect handlers built on msal-browser, the Graph client and core's engine.
 */
export interface Driver extends RotationActions {
  send(event: WizardEvent): Promise<void>;
  readonly state: WizardState;
  readonly extras: SessionExtras;
  /** Secret lifetime for a new secret (the adapter's choice; core's events do not carry it). */
  setSecretDays(days: number): void;
  /** The Boxafe version the admin chose on the choose-app step. */
  setBoxafe(version: BoxafeVersion): void;
  check(appId: string): Promise<Drift>;
  repair(): Promise<HandOverValues>;
  /**
   * Makes a certificate in this browser, adds its public part to the set-up app (core's plan and
   * apply) and returns it with its private key for the downloads; nothing of it is saved.
   */
  createCertificate(pfxPassword: string): Promise<CertificateMade>;
  /**
   * The SharePoint certificate's key is in the admin's hands (held-rule.ts: a PEM or PFX downloaded,
   * or said saved): its pending mark is cleared, and lost keys of earlier pages go with it.
   */
  sharePointHeld(): Promise<void>;
  /**
   * The admin has the setup hand-over's new credential (held-rule.ts: the key downloaded, or said
   * saved): its pending mark is cleared. Idempotent; a failure leaves the mark (the next run: unheld).
   */
  handOverHeld(): Promise<void>;
  /** The next walk makes a new certificate instead of keeping the app's (core's newCertificate). */
  askNewCertificate(): void;
  /** Forgets the saved state (the msal sign-in stays). */
  reset(): void;
}
