import { describe, expect, it } from "vitest";
import { chooseCredentials } from "./credential-choice.js";

const open = { secretsBlocked: false, trustedCaRequired: false };

describe("chooseCredentials", () => {
  it("keeps what was asked when nothing restricts it (or the rules are unknown)", () => {
    expect(chooseCredentials(open, { secretDays: 180 })).toEqual({ secretDays: 180, reasons: [] });
    expect(chooseCredentials(undefined, { secretDays: 180, certificateDays: 365 })).toEqual({
      secretDays: 180,
      certificateDays: 365,
      reasons: [],
    });
  });
  it("plans a certificate where secrets are blocked and says why", () => {
    const choice = chooseCredentials({ ...open, secretsBlocked: true, policyId: "p1" }, { secretDays: 180 });
    expect(choice).toMatchObject({ certificateDays: 365 });
    expect(choice.secretDays).toBeUndefined();
    expect(choice.reasons.join(" ")).toContain("app management policy 'p1' blocks client secrets");
  });
  it("adds no certificate on a re-run when the app already holds a valid one", () => {
    const choice = chooseCredentials(
      { ...open, secretsBlocked: true },
      { secretDays: 180 },
      { endDateTime: "2027-12-01T00:00:00Z" },
    );
    expect(choice.secretDays).toBeUndefined();
    expect(choice.certificateDays).toBeUndefined();
    expect(choice.reasons[0]).toContain("already holds a certificate valid until 2027-12-01");
  });
  it("caps the secret and the certificate at the policy's maximum", () => {
    const choice = chooseCredentials(
      { ...open, maxSecretDays: 90, maxCertificateDays: 200, policyId: "p" },
      { secretDays: 180, certificateDays: 365 },
    );
    expect(choice).toMatchObject({ secretDays: 90, certificateDays: 200 });
    expect(choice.reasons).toHaveLength(2);
    expect(choice.reasons[0]).toContain("caps client secrets at 90 days");
  });
  it("a certificate in place of a blocked secret also fits the certificate cap", () => {
    expect(
      chooseCredentials({ ...open, secretsBlocked: true, maxCertificateDays: 180 }, { secretDays: 180 }),
    ).toMatchObject({ certificateDays: 180 });
  });
  it("uses a secret where only CA-issued certificates are accepted", () => {
    const choice = chooseCredentials({ ...open, trustedCaRequired: true }, { certificateDays: 365 });
    expect(choice).toMatchObject({ secretDays: 180 });
    expect(choice.certificateDays).toBeUndefined();
  });
  it("changes nothing when neither kind is allowed (the check fails instead)", () => {
    expect(
      chooseCredentials({ ...open, secretsBlocked: true, trustedCaRequired: true }, { secretDays: 180 }),
    ).toEqual({ secretDays: 180, reasons: [] });
  });
});
