/** What preflight reports: one row per tenant rule, and what the plan must do to live with them. */

export const CHECK_STATUSES = ["pass", "warn", "fail", "unknown"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_IDS = [
  "role",
  "app-management-policy",
  "app-registration",
  "device-code",
  "resource-service-principals",
  "ews",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface PreflightCheck {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** What was read, in one or two sentences (tenant strings escaped by the renderer). */
  readonly evidence: string;
  /** What to do about it; absent on pass. */
  readonly fix?: string;
}

/** The credential rules that govern the app (its own app management policy, else the tenant default). */
export interface CredentialRules {
  /** Id of the governing policy; undefined when none applies. */
  readonly policyId?: string;
  readonly secretsBlocked: boolean;
  /** Whole days; undefined = no cap. */
  readonly maxSecretDays?: number;
  readonly maxCertificateDays?: number;
  /** Certificates must come from a trusted CA: a self-signed one is refused. */
  readonly trustedCaRequired: boolean;
}

/** Which credentials to create: a secret, a certificate (for SharePoint and Boxafe 1.5+), or both. */
export interface WantedCredentials {
  /** Lifetime of the client secret to create; undefined = no secret. */
  readonly secretDays?: number;
  /** Lifetime of the self-signed certificate to create; undefined = none. */
  readonly certificateDays?: number;
}

/** What the plan creates after the tenant's rules, with one sentence per change from what was asked. */
export interface CredentialChoice extends WantedCredentials {
  readonly reasons: readonly string[];
}

export interface PreflightResult {
  readonly checks: readonly PreflightCheck[];
  /** True when no check failed (pass, warn and unknown all let setup go on). */
  readonly ok: boolean;
  /** undefined when the policies could not be read. */
  readonly credentialRules: CredentialRules | undefined;
  /** "browser" when a Conditional Access policy blocks (or will soon block) device code. */
  readonly signInFlow: "device" | "browser";
  /** The credentials the plan should create (what was asked, fitted to the rules). */
  readonly credentials: CredentialChoice;
}
