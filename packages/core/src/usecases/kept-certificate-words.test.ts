import { describe, expect, it } from "vitest";
import { KEPT_NOT_RUN, keptCertificateWords } from "./kept-certificate-words.js";

describe("keptCertificateWords", () => {
  const words = keptCertificateWords(
    { thumbprint: "AB12", keyId: "k1", notAfter: "2027-12-02T00:00:00Z", daysLeft: 364 },
    "app-1",
  );

  it("names the kept certificate and says nothing was made, written or is new for Boxafe", () => {
    expect(words.summary).toContain("Certificate kept: AB12 (until 2027-12-02, 364 days left)");
    expect(words.summary).toContain("held from an earlier run");
    expect(words.nothing).toBe("No new key, no file written, nothing new to upload to Boxafe.");
  });

  it("says the proof did not run and how to run it where the key is; never 'works' or a secret that is not there", () => {
    expect(words.prove).toContain(KEPT_NOT_RUN);
    expect(words.prove).toContain("boxafe-connect verify --app-id app-1 --certificate-file <its PEM>");
    expect(words.end).toContain(KEPT_NOT_RUN);
    expect(words.renew).toContain("--new-certificate");
    expect(words.handOver).toMatch(/^No client secret/);
    for (const text of Object.values(words)) {
      expect(text).not.toMatch(/\bworks\b|existing secret/);
    }
  });
});
