/**
 * Fits the credentials asked for to the tenant's app management rules before anything is written: a
 * certificate where secrets are blocked, a secret where only CA-issued certificates are accepted (ours are
 * self-signed), lifetimes within the caps. Each change carries the sentence that explains it.
 */
import { DEFAULT_CERTIFICATE_DAYS, DEFAULT_SECRET_DAYS } from "../defaults.js";
import type { CredentialChoice, CredentialRules, WantedCredentials } from "./types.js";

function policyName(rules: CredentialRules): string {
  return rules.policyId === undefined
    ? "the app management policy"
    : `app management policy '${rules.policyId}'`;
}

/** A certificate the app already holds, still valid beyond the renewal window: a re-run adds no other. */
export interface HeldCertificate {
  readonly endDateTime: string;
}

export function chooseCredentials(
  rules: CredentialRules | undefined,
  wanted: WantedCredentials,
  held?: HeldCertificate,
): CredentialChoice {
  if (rules === undefined) return { ...wanted, reasons: [] };
  const reasons: string[] = [];
  const name = policyName(rules);
  let { secretDays, certificateDays } = wanted;
  if (secretDays !== undefined && rules.secretsBlocked && !rules.trustedCaRequired) {
    secretDays = undefined;
    if (certificateDays === undefined && held !== undefined) {
      reasons.push(
        `${name} blocks client secrets; the app already holds a certificate valid until ${held.endDateTime.slice(0, 10)}, so none is added.`,
      );
    } else if (certificateDays === undefined) {
      certificateDays = DEFAULT_CERTIFICATE_DAYS;
      reasons.push(`${name} blocks client secrets, so the app gets a certificate instead of a secret.`);
    } else {
      reasons.push(`${name} blocks client secrets, so only the certificate is created.`);
    }
  }
  if (certificateDays !== undefined && rules.trustedCaRequired && !rules.secretsBlocked) {
    certificateDays = undefined;
    reasons.push(
      `${name} accepts only certificates from a trusted certificate authority, so no self-signed certificate is created.`,
    );
    if (secretDays === undefined) {
      secretDays = DEFAULT_SECRET_DAYS;
      reasons.push("A client secret is created instead.");
    }
  }
  if (secretDays !== undefined && rules.maxSecretDays !== undefined && secretDays > rules.maxSecretDays) {
    reasons.push(
      `${name} caps client secrets at ${rules.maxSecretDays} days, so the secret lasts ${rules.maxSecretDays} days instead of ${secretDays}.`,
    );
    secretDays = rules.maxSecretDays;
  }
  if (
    certificateDays !== undefined &&
    rules.maxCertificateDays !== undefined &&
    certificateDays > rules.maxCertificateDays
  ) {
    reasons.push(
      `${name} caps certificates at ${rules.maxCertificateDays} days, so the certificate lasts ${rules.maxCertificateDays} days instead of ${certificateDays}.`,
    );
    certificateDays = rules.maxCertificateDays;
  }
  return {
    ...(secretDays !== undefined ? { secretDays } : {}),
    ...(certificateDays !== undefined ? { certificateDays } : {}),
    reasons,
  };
}
