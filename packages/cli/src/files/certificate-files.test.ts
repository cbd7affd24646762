/**
 * A new key pair's files (found by QA): a full disk or another run's file made setup throw
 * "Unexpected error", drop the only copy of the private key and leave an empty PEM that the next
 * run refused as a broken certificate file. The files are now all or none, and the hand-over gets
 * the reason instead of an exception, so the command shows the key pair inline (exit 6).
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { MadeCertificate } from "../session/certificate-maker.js";
import {
  handOverCertificateFiles,
  inlineCertificate,
  inlineCertificateLines,
  writeCertificateFiles,
} from "./certificate-files.js";

const made: MadeCertificate = {
  source: "made",
  certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
  privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
  pfx: new Uint8Array([0x30, 0x82, 0x01, 0x02]),
  derBase64: "MIIB",
  thumbprint: "A".repeat(40),
  x5tS256: "x5t",
  notBefore: "2026-12-02T00:00:00.000Z",
  notAfter: "2027-12-02T00:00:00.000Z",
  pfxPassword: "generated-password",
  generatedPassword: true,
};

const base = "boxafe-11111111-sharepoint";

describe("certificate files", () => {
  it("writes all three, the key files 0600", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bc-cert-files-"));
    const files = await writeCertificateFiles(dir, base, made);
    expect(await readFile(files.pem, "utf8")).toContain("BEGIN PRIVATE KEY");
    expect((await readdir(dir)).sort()).toEqual([`${base}.cer`, `${base}.pem`, `${base}.pfx`]);
  });

  it("a write that fails after the PEM and CER removes them again (no empty or lone key file left)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bc-cert-files-"));
    // Another run's folder where the PFX goes: the third write fails.
    await mkdir(join(dir, `${base}.pfx`));
    const written = await handOverCertificateFiles(dir, base, made);
    expect(written.files).toBeNull();
    expect(written.filesError).toMatchObject({
      path: join(dir, `${base}.pem`),
      reason: expect.stringMatching(/EEXIST|EISDIR/),
    });
    expect(await readdir(dir)).toEqual([`${base}.pfx`]);
  });

  it("never removes a file it did not make (another run's PEM stays)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bc-cert-files-"));
    await writeFile(join(dir, `${base}.pem`), "another run's key");
    const written = await handOverCertificateFiles(dir, base, made);
    expect(written.filesError?.reason).toMatch(/EEXIST/);
    expect(await readFile(join(dir, `${base}.pem`), "utf8")).toBe("another run's key");
    expect(await readdir(dir)).toEqual([`${base}.pem`]);
  });

  it("the key pair inline: certificate and private key PEM, the PFX in base64, and how to make a PFX", () => {
    const inline = inlineCertificate(made);
    expect(inline.pem).toBe(`${made.certificatePem}\n${made.privateKeyPem}\n`);
    expect(Buffer.from(inline.pfxBase64, "base64")).toEqual(Buffer.from(made.pfx));
    const lines = inlineCertificateLines(inline.pem, {
      path: "x.pem",
      reason: "ENOSPC: no space left on device",
    });
    expect(lines.join("\n")).toContain("ENOSPC");
    expect(lines.join("\n")).toContain("BEGIN PRIVATE KEY");
    expect(lines.join("\n")).toContain("openssl pkcs12 -export");
  });
});
