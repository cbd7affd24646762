import { execFileSync, spawnSync } from "node:child_process";
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeCertificate } from "./make-certificate.js";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("makeCertificate on Node's WebCrypto", async () => {
  const created = await makeCertificate(globalThis.crypto, {
    subject: "QNAP Boxafe",
    days: 365,
    pfxPassword: "pfx-pass-1",
  });

  it("makes a self-signed RSA 2048 SHA-256 certificate whose key matches", () => {
    const cert = new X509Certificate(created.certificatePem);
    expect(cert.subject).toBe("CN=QNAP Boxafe");
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const publicFromKey = createPublicKey(createPrivateKey(created.privateKeyPem)).export({
      type: "spki",
      format: "der",
    });
    expect(Buffer.from(cert.publicKey.export({ type: "spki", format: "der" })).equals(publicFromKey)).toBe(
      true,
    );
    expect(created.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(365);
  });

  it("reports the thumbprints Graph and JWT headers use", () => {
    const der = Buffer.from(created.derBase64, "base64");
    expect(created.thumbprint).toBe(new X509Certificate(der).fingerprint.replace(/:/g, ""));
    expect(created.x5tS256).toBe(createHash("sha256").update(der).digest("base64url"));
  });

  it.skipIf(!hasOpenssl())("writes a PFX that openssl opens with the password, and not without", () => {
    const dir = mkdtempSync(join(tmpdir(), "pfx-"));
    try {
      const file = join(dir, "cert.pfx");
      writeFileSync(file, created.pfx, { mode: 0o600 });
      const info = execFileSync("openssl", ["pkcs12", "-in", file, "-passin", "pass:pfx-pass-1", "-nodes"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(info).toContain("BEGIN CERTIFICATE");
      expect(info).toContain("BEGIN PRIVATE KEY");
      // openssl describes the structure on stderr: "MAC: sha256, Iteration 2048 ... Shrouded Keybag: PBES2,
      // PBKDF2, AES-256-CBC, Iteration 2048": the MAC costs a password guesser what the key bag does.
      const described = spawnSync(
        "openssl",
        ["pkcs12", "-info", "-noout", "-in", file, "-passin", "pass:pfx-pass-1"],
        { encoding: "utf8" },
      );
      expect(described.status).toBe(0);
      expect(described.stderr).toMatch(/MAC: sha256, Iteration 2048/);
      expect(described.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048/);
      expect(() =>
        execFileSync("openssl", ["pkcs12", "-info", "-noout", "-in", file, "-passin", "pass:wrong"], {
          stdio: "ignore",
        }),
      ).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
