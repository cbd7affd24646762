import { describe, expect, it } from "vitest";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeTenant, fakeTime, testCertificate } from "../testing/index.js";
import type { MadeCertificate } from "../usecases/ports.js";
import { prepare } from "../usecases/prepare.js";
import { askedCredentials, plansSecret, sessionCredentials } from "./session-credentials.js";

const certificate = testCertificate;
const secret = { keyId: "k", secretText: "abc~Q~secret", endDateTime: "2027-06-01T00:00:00Z" };
/** What apply returned, as far as credentials go: no new secret (a certificate-only run). */
const applied = {};
const request = (fields: Record<string, unknown>) => parseRequest(setupRequestSchema, fields);

async function preparedFresh() {
  const ports = { ...fakeTime(), graph: fakeTenant() };
  return prepare(ports, request({}), undefined, { withSecret: true });
}

describe("asked credentials", () => {
  it("Boxafe 1.5 plans no secret and asks a certificate; 1.4 and no version plan a secret", () => {
    expect(plansSecret(request({ boxafe: "1.5" }))).toBe(false);
    expect(plansSecret(request({ boxafe: "1.4" }))).toBe(true);
    expect(plansSecret(request({}))).toBe(true);
    const now = Date.parse("2026-12-02T00:00:00Z");
    const r15 = request({ boxafe: "1.5", certificateDays: 400 });
    expect(askedCredentials(r15, false, now)).toEqual({ certificateDays: 400 });
    const r14 = request({ boxafe: "1.4", secretLifetimeDays: 180 });
    expect(askedCredentials(r14, true, now)).toEqual({ secretDays: 180 });
    const both = request({ certificate: true, certificateDays: 90, secretLifetimeDays: 90 });
    expect(askedCredentials(both, true, now)).toEqual({ secretDays: 90, certificateDays: 90 });
  });
});

describe("session credentials", () => {
  it("a new key pair is handed over at apply and owed until delivered", async () => {
    const prepared = await preparedFresh();
    const credentials = sessionCredentials<MadeCertificate>();
    const maker = { make: async () => certificate("A") };
    await credentials.choose({ certificates: maker }, prepared, 365, false, () => {});
    expect(credentials.newKeyPair()?.thumbprint).toBe("A".repeat(40));
    expect(credentials.source()).toBe("made");
    // Before apply nothing reached the tenant: the key pair is not yet owed.
    expect(credentials.unheld(undefined)).toBeUndefined();
    const withSecret = { ...applied, secret };
    expect(credentials.unheld(withSecret)).toEqual({ secret, certificate: certificate("A") });
    expect(credentials.proving({}, withSecret, undefined)?.kind).toBe("secret");
    expect(credentials.proving({}, applied, undefined)?.kind).toBe("certificate");
    credentials.deliver();
    expect(credentials.unheld(withSecret)).toBeUndefined();
  });

  it("the admin's own (held) certificate is not handed over and never owed", async () => {
    const prepared = await preparedFresh();
    const credentials = sessionCredentials<MadeCertificate>();
    const maker = {
      make: async () => certificate("B"),
      held: async () => certificate("H"),
    };
    await credentials.choose({ certificates: maker }, prepared, 365, false, () => {});
    expect(credentials.chosen()?.thumbprint).toBe("H".repeat(40));
    expect(credentials.newKeyPair()).toBeUndefined();
    expect(credentials.source()).toBe("held");
    expect(credentials.unheld(applied)).toBeUndefined();
  });

  it("no certificate lifetime: nothing chosen, an earlier choice forgotten", async () => {
    const prepared = await preparedFresh();
    const credentials = sessionCredentials<MadeCertificate>();
    const maker = { make: async () => certificate("A") };
    await credentials.choose({ certificates: maker }, prepared, 365, false, () => {});
    await credentials.choose({ certificates: maker }, prepared, undefined, false, () => {});
    expect(credentials.chosen()).toBeUndefined();
    expect(credentials.kept()).toBeUndefined();
    expect(credentials.proving({}, undefined, "known")).toEqual({ kind: "secret", secret: "known" });
  });
});
