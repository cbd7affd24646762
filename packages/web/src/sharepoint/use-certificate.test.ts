import { CoreError } from "@boxafe-connect/core";
import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { Driver } from "../wizard/driver-types.js";
import { useCertificate } from "./use-certificate.js";

const made: CertificateMade = {
  thumbprint: "AB",
  notAfter: "2027-11-28T00:00:00.000Z",
  pem: "pem",
  pfx: new Uint8Array([48]),
  fileName: "boxafe-app-1-sharepoint",
};

function driverWith(
  createCertificate: Driver["createCertificate"],
  sharePointHeld: Driver["sharePointHeld"] = async () => undefined,
): Driver {
  return { createCertificate, sharePointHeld } as Partial<Driver> as Driver;
}

describe("useCertificate", () => {
  it("working, then done with the certificate, for the app it was made for only", async () => {
    const passwords: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const driver = driverWith(async (password) => {
      passwords.push(password);
      await gate;
      return made;
    });
    await createRoot(async (dispose) => {
      const cert = useCertificate(async () => driver);
      expect(cert.forApp("app-1").phase).toBe("idle");
      const pending = cert.create("app-1", "pw-1");
      await Promise.resolve();
      expect(cert.forApp("app-1").phase).toBe("working");
      release();
      await pending;
      expect(passwords).toEqual(["pw-1"]);
      expect(cert.forApp("app-1")).toEqual({ appId: "app-1", phase: "done", made, held: false });
      // After "start over" with another app its SharePoint step starts with no certificate.
      expect(cert.forApp("app-2")).toEqual({ phase: "idle" });
      dispose();
    });
  });

  it("keeps the error for the views (code and message), no certificate", async () => {
    const driver = driverWith(async () => {
      throw new CoreError("access_denied", "Insufficient privileges to complete the operation.");
    });
    await createRoot(async (dispose) => {
      const cert = useCertificate(async () => driver);
      await cert.create("app-1", "pw");
      const view = cert.forApp("app-1");
      expect(view.phase).toBe("error");
      expect(view.made).toBeUndefined();
      expect(view.error).toMatchObject({
        code: "access_denied",
        message: "Insufficient privileges to complete the operation.",
      });
      dispose();
    });
  });

  it("held by held-rule.ts: not on the CER, on a PFX download (the mark cleared once), a failure kept to retry", async () => {
    let marks = 0;
    let fail = true;
    const driver = driverWith(
      async () => made,
      async () => {
        marks += 1;
        if (fail) throw new CoreError("unreachable", "Microsoft Graph could not be reached.");
      },
    );
    await createRoot(async (dispose) => {
      const cert = useCertificate(async () => driver);
      await cert.create("app-1", "pw");
      await cert.acted("app-1", { kind: "download", file: "cer" });
      expect([marks, cert.forApp("app-1").held]).toEqual([0, false]);
      // The mark could not be cleared: not held yet, the error kept for "Try again".
      await cert.acted("app-1", { kind: "download", file: "pfx" });
      expect(cert.forApp("app-1").held).toBe(false);
      expect(cert.forApp("app-1").heldError?.code).toBe("unreachable");
      fail = false;
      await cert.acted("app-1", { kind: "confirm" });
      expect(cert.forApp("app-1")).toMatchObject({ held: true, heldError: undefined });
      await cert.acted("app-1", { kind: "download", file: "pem" });
      expect(marks).toBe(2);
      // Another app's step is not this certificate's.
      await cert.acted("app-2", { kind: "confirm" });
      expect(marks).toBe(2);
      dispose();
    });
  });
});
