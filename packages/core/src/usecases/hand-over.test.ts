import { describe, expect, it } from "vitest";
import { pendingTag } from "../credentials/hand-over-marker.js";
import type { ObservedApplication } from "../tenant/model.js";
import { heldCertificateHandOver } from "./hand-over.js";

const THUMBPRINT = "A1".repeat(20);
const key = (keyId: string, customKeyIdentifier: string) => ({
  keyId,
  displayName: "boxafe-connect",
  type: "AsymmetricX509Cert",
  usage: "Verify",
  customKeyIdentifier,
  startDateTime: "2026-12-01T00:00:00Z",
  endDateTime: "2028-12-01T00:00:00Z",
});
const app = (tags: string[]): ObservedApplication =>
  ({
    id: "app-object",
    appId: "11111111-2222-4333-8444-555555555555",
    uniqueName: "boxafe-connect-qnap-boxafe",
    displayName: "QNAP Boxafe",
    signInAudience: "AzureADMyOrg",
    requiredResourceAccess: [],
    passwordCredentials: [],
    keyCredentials: [key("k-held", THUMBPRINT), key("k-other", "B2".repeat(20))],
    tags,
  }) as ObservedApplication;

describe("heldCertificateHandOver", () => {
  it("confirms a reused certificate that a killed run left marked pending (its files prove the hand-over)", () => {
    expect(heldCertificateHandOver(app([pendingTag("k-held"), pendingTag("k-other")]), THUMBPRINT)).toEqual({
      appObjectId: "app-object",
      pendingIds: ["k-held"],
    });
  });

  it("has nothing to confirm when the held certificate is not marked, or the app is new", () => {
    expect(heldCertificateHandOver(app([pendingTag("k-other")]), THUMBPRINT)).toBeUndefined();
    expect(heldCertificateHandOver(app([]), THUMBPRINT)).toBeUndefined();
    expect(heldCertificateHandOver(undefined, THUMBPRINT)).toBeUndefined();
  });
});
