import { describe, expect, it } from "vitest";
import { certificateOption, certificateRequestFor } from "./certificate-option.js";

describe("certificate request and option", () => {
  it("defaults to a year under the app's name", () => {
    expect(certificateRequestFor("QNAP Boxafe")).toEqual({ subject: "QNAP Boxafe", days: 365 });
  });
  it("rejects an odd lifetime naming the field", () => {
    expect(() => certificateRequestFor("x", 0)).toThrow(
      expect.objectContaining({ field: "certificateDays" }),
    );
  });
  it("keeps only the public part", () => {
    expect(
      certificateOption(
        { derBase64: "AAA", thumbprint: "AB", notAfter: "2027-01-01T00:00:00.000Z" },
        "QNAP Boxafe",
      ),
    ).toEqual({
      displayName: "boxafe-connect CN=QNAP Boxafe",
      derBase64: "AAA",
      thumbprint: "AB",
      endDateTime: "2027-01-01T00:00:00.000Z",
    });
  });
});
