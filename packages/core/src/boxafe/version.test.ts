import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import {
  boxafeCredentials,
  DEFAULT_BOXAFE_VERSION,
  needsCertificate,
  parseBoxafeVersion,
} from "./version.js";

describe("Boxafe version", () => {
  it("defaults to 1.5 and reads every later release as 1.5", () => {
    expect(DEFAULT_BOXAFE_VERSION).toBe("1.5");
    expect(parseBoxafeVersion(undefined)).toBe("1.5");
    for (const v of ["1.5", "1.5+", "1.6", "2.0", "1.5.2"]) expect(parseBoxafeVersion(v)).toBe("1.5");
    expect(parseBoxafeVersion("1.4")).toBe("1.4");
  });

  it("refuses other values with an error naming the field", () => {
    for (const v of ["1.3", "latest", "1"]) {
      expect(() => parseBoxafeVersion(v)).toThrow(/1\.4 or 1\.5/);
      try {
        parseBoxafeVersion(v);
      } catch (e) {
        expect(isCoreError(e) && e.field).toBe("boxafe");
      }
    }
  });

  it("1.4 hands over client id, tenant id and a secret; 1.5 tenant id, client id and a certificate", () => {
    expect(boxafeCredentials("1.4")).toMatchObject({
      secret: true,
      certificate: false,
      handOver: ["clientId", "tenantId", "clientSecret"],
    });
    expect(boxafeCredentials("1.5")).toMatchObject({
      secret: false,
      certificate: true,
      handOver: ["tenantId", "clientId", "certificate"],
    });
  });
});

describe("needsCertificate", () => {
  it("is true when asked for, or when the Boxafe signs in with one (1.5)", () => {
    expect(needsCertificate({ certificate: true })).toBe(true);
    expect(needsCertificate({ certificate: false, boxafe: "1.5" })).toBe(true);
    expect(needsCertificate({ certificate: true, boxafe: "1.4" })).toBe(true);
  });

  it("is false for Boxafe 1.4 or no version, without --certificate", () => {
    expect(needsCertificate({ certificate: false, boxafe: "1.4" })).toBe(false);
    expect(needsCertificate({ certificate: false })).toBe(false);
    expect(needsCertificate({})).toBe(false);
  });
});
