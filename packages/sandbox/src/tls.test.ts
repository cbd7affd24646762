import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureTls, SANDBOX_CERT_DAYS, sandboxCaFile } from "./tls.js";

describe("ensureTls", () => {
  it("generates a CA and a localhost leaf, keeps private keys 0600 (no CA key at all), and reuses them", async () => {
    const home = mkdtempSync(join(tmpdir(), "sbx-tls-"));
    const started = performance.now();
    const first = await ensureTls(home);
    console.log(`first CA + leaf + signing key generation: ${Math.round(performance.now() - started)} ms`);
    expect(first.caFile).toBe(sandboxCaFile(home));
    for (const key of ["tls-key.pem", "signing-key.pem"]) {
      expect(statSync(join(home, key)).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(join(home, "ca-key.pem"))).toBe(false);
    const ca = new X509Certificate(first.caPem);
    const leaf = new X509Certificate(first.certPem);
    expect(ca.ca).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain("DNS:localhost");
    expect(leaf.subjectAltName).toContain("IP Address:127.0.0.1");
    const second = await ensureTls(home);
    expect(second.caPem).toBe(first.caPem);
    expect(second.certPem).toBe(first.certPem);
    expect(second.signingKeyPem).toBe(first.signingKeyPem);
  });

  it("serialises first-time generation between concurrent callers", async () => {
    const home = mkdtempSync(join(tmpdir(), "sbx-tls-"));
    const [a, b] = await Promise.all([ensureTls(home), ensureTls(home)]);
    expect(a.caPem).toBe(b.caPem);
    expect(new X509Certificate(b.certPem).checkIssued(new X509Certificate(a.caPem))).toBe(true);
  });

  it("limits the CA to the name localhost (critical name constraints) and to a short life", async () => {
    const home = mkdtempSync(join(tmpdir(), "sbx-tls-"));
    const { caPem } = await ensureTls(home);
    writeFileSync(join(home, "ca-check.pem"), caPem);
    // OpenSSL's own reading of the certificate, not our encoder's.
    const text = execFileSync("openssl", ["x509", "-noout", "-text", "-in", join(home, "ca-check.pem")], {
      encoding: "utf8",
    });
    expect(text).toMatch(/X509v3 Name Constraints: critical\s+Permitted:\s+DNS:localhost\s*$/m);
    const ca = new X509Certificate(caPem);
    const days = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(SANDBOX_CERT_DAYS + 1);
  });

  it("replaces an old cached CA without name constraints instead of reusing it", async () => {
    const home = mkdtempSync(join(tmpdir(), "sbx-tls-"));
    const first = await ensureTls(home);
    // An unconstrained 10-year CA as older versions cached it (here: openssl's own), with its key.
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "3650",
        "-subj",
        "/CN=old sandbox CA",
        "-keyout",
        join(home, "ca-key.pem"),
        "-out",
        join(home, "ca.pem"),
      ],
      { stdio: "ignore" },
    );
    const old = readFileSync(join(home, "ca.pem"), "utf8");
    const second = await ensureTls(home);
    expect(second.caPem).not.toBe(old);
    expect(second.caPem).not.toBe(first.caPem);
    expect(existsSync(join(home, "ca-key.pem"))).toBe(false);
    expect(new X509Certificate(second.certPem).checkIssued(new X509Certificate(second.caPem))).toBe(true);
  });
});
