import { describe, expect, it } from "vitest";
import type { ObservedApplication } from "../tenant/model.js";
import { appTakesSecret } from "./app-credential-kind.js";

const app = (secrets: (string | null)[], certificates: (string | null)[]): ObservedApplication =>
  ({
    displayName: "QNAP Boxafe",
    passwordCredentials: secrets.map((displayName, i) => ({
      keyId: `s${i}`,
      displayName,
      startDateTime: "2026-12-01T00:00:00Z",
      endDateTime: "2027-06-01T00:00:00Z",
    })),
    keyCredentials: certificates.map((displayName, i) => ({
      keyId: `c${i}`,
      displayName,
      startDateTime: "2026-12-01T00:00:00Z",
      endDateTime: "2027-12-01T00:00:00Z",
    })),
  }) as unknown as ObservedApplication;

describe("appTakesSecret", () => {
  it.each([
    ["no app yet", undefined, true],
    ["no credential at all", app([], []), true],
    ["a secret of ours", app(["boxafe-connect Boxafe"], []), true],
    ["a certificate of ours and no secret (Boxafe 1.5)", app([], ["boxafe-connect CN=QNAP Boxafe"]), false],
    ["an older certificate of ours (CN=<app name>)", app([], ["CN=QNAP Boxafe"]), false],
    ["a certificate of ours and a secret of ours", app(["boxafe-connect Boxafe"], ["CN=QNAP Boxafe"]), true],
    ["only someone else's certificate", app([], ["CN=other"]), true],
    ["someone else's secret and our certificate", app(["manual"], ["CN=QNAP Boxafe"]), false],
  ])("%s", (_name, observed, expected) => {
    expect(appTakesSecret(observed)).toBe(expected);
  });
});
