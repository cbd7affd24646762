import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeCertificate } from "./make-certificate.js";
import { PfxError, readPfx } from "./read-pfx.js";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("readPfx", async () => {
  const created = await makeCertificate(globalThis.crypto, {
    subject: "QNAP Boxafe",
    days: 30,
    pfxPassword: "pw-1",
  });

  it("opens the PFX we write with its password: the same certificate and key", async () => {
    const opened = await readPfx(globalThis.crypto, created.pfx, "pw-1");
    expect(opened.certificatePem.replace(/\s/g, "")).toBe(created.certificatePem.replace(/\s/g, ""));
    expect(opened.privateKeyPem.replace(/\s/g, "")).toBe(created.privateKeyPem.replace(/\s/g, ""));
  });

  it("refuses a wrong password and a file that is no PFX, with a reason and no key in it", async () => {
    await expect(readPfx(globalThis.crypto, created.pfx, "wrong")).rejects.toThrow(PfxError);
    await expect(readPfx(globalThis.crypto, created.pfx, "wrong")).rejects.toThrow(/password/);
    await expect(readPfx(globalThis.crypto, new TextEncoder().encode("hello"), "pw-1")).rejects.toThrow(
      /not a PKCS#12/,
    );
  });

  it.runIf(hasOpenssl())("opens a PFX OpenSSL 3 wrote (AES-256, PBKDF2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pfx-read-"));
    try {
      writeFileSync(join(dir, "c.pem"), `${created.certificatePem}\n${created.privateKeyPem}\n`);
      execFileSync("openssl", [
        "pkcs12",
        "-export",
        "-in",
        join(dir, "c.pem"),
        "-out",
        join(dir, "c.pfx"),
        "-passout",
        "pass:from-openssl",
      ]);
      const opened = await readPfx(globalThis.crypto, readFileSync(join(dir, "c.pfx")), "from-openssl");
      expect(opened.certificatePem.replace(/\s/g, "")).toBe(created.certificatePem.replace(/\s/g, ""));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
