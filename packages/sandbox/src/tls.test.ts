import { X509Certificate } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureTls, sandboxCaFile } from "./tls.js";

describe("ensureTls", () => {
  it("generates a CA and a localhost leaf, keeps private keys 0600, and reuses them", async () => {
    const home = mkdtempSync(join(tmpdir(), "sbx-tls-"));
    const started = performance.now();
    const first = await ensureTls(home);
    console.log(`first CA + leaf + signing key generation: ${Math.round(performance.now() - started)} ms`);
    expect(first.caFile).toBe(sandboxCaFile(home));
    for (const key of ["ca-key.pem", "tls-key.pem", "signing-key.pem"]) {
      expect(statSync(join(home, key)).mode & 0o777).toBe(0o600);
    }
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
});
