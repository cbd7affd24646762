/** Credential values for unit tests: a made certificate and a row of an app's credential list. */
import type { CredentialRow } from "../credentials/credential-rows.js";
import type { MadeCertificate } from "../usecases/ports.js";

/**
 * A certificate "MII<letter>" whose thumbprint is <letter> x 40 (a fake cannot hash DER; tests that
 * need Graph's thumbprint on a key derive it the same way), ending 2027-11-27.
 */
export function testCertificate(letter: string): MadeCertificate {
  return {
    derBase64: `MII${letter}`,
    thumbprint: letter.repeat(40),
    notAfter: "2027-11-27T12:00:00.000Z",
    certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
  };
}

/** A valid secret of ours, 182 days left; `over` changes what the test is about. */
export function credentialRow(over: Partial<CredentialRow> = {}): CredentialRow {
  return {
    type: "secret",
    keyId: "k1",
    displayName: "Boxafe (boxafe-connect) abc-0",
    startDateTime: "2026-06-01T00:00:00Z",
    endDateTime: "2027-06-01T00:00:00Z",
    daysLeft: 182,
    expired: false,
    warning: null,
    madeByBoxafeConnect: true,
    unheld: false,
    ...over,
  };
}
