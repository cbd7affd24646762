/**
 * Core's request fields under the names a CLI user typed: a CoreError naming `secretLifetimeDays`
 * is rendered as `--secret-days`. The one table from request fields back to flags.
 */
const FLAG_OF: Readonly<Record<string, string>> = {
  appId: "app-id",
  clientId: "app-id",
  applicationObjectId: "object-id",
  displayName: "app-name",
  uniqueName: "app-name",
  secretName: "secret-name",
  secretLifetimeDays: "secret-days",
  secretEndDate: "secret-end",
  certificate: "certificate",
  certificateDays: "cert-days",
  newCertificate: "new-certificate",
  profile: "profile",
  skipRetired: "skip-retired",
  removeExtra: "remove-extra",
  keepOld: "keep-old",
  tenantId: "tenant",
  sharePointTenant: "sharepoint-tenant",
  deadlineSeconds: "deadline",
  credential: "certificate-file",
  redirectUris: "redirect-uri",
  "credential.certificatePem": "certificate-file",
  "credential.privateKeyPem": "certificate-file",
  "credential.secret": "client-secret-stdin",
};

export function flagOf(field: string): string {
  return FLAG_OF[field] ?? field;
}
