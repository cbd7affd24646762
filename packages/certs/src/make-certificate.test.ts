import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeCertificate } from "./make-certificate.js";

/** Relative imports of a source file, followed to their files (the subpath's own module graph). */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^"']*["']([^"']+)["']/gm)].map(
      (m) => m[1] ?? "",
    );
    graph.set(file, specifiers);
    for (const s of specifiers.filter((x) => x.startsWith("."))) {
      visit(fileURLToPath(new URL(s.replace(/\.js$/, ".ts"), `file://${file}`)));
    }
  };
  visit(entry);
  return graph;
}

describe("@boxafe-connect/certs", () => {
  it("imports nothing from node: (the web page runs it)", () => {
    const graph = moduleGraph(fileURLToPath(new URL("./index.ts", import.meta.url)));
    expect(graph.size).toBeGreaterThanOrEqual(4);
    const all = [...graph.values()].flat();
    expect(all).toContain("@peculiar/x509");
    expect(all.filter((s) => s.startsWith("node:") || s === "crypto" || s === "buffer")).toEqual([]);
    // reflect-metadata comes first: @peculiar/x509's container needs it when it loads.
    const maker = [...graph.entries()].find(([file]) => file.endsWith("make-certificate.ts"))?.[1];
    expect(maker?.[0]).toBe("reflect-metadata");
  });

  it("makes the certificate with the WebCrypto it is given (here globalThis.crypto)", async () => {
    let used = 0;
    const counting = {
      subtle: globalThis.crypto.subtle,
      getRandomValues: <T extends Uint8Array>(a: T): T => {
        used += 1;
        return globalThis.crypto.getRandomValues(a);
      },
    } as unknown as typeof globalThis.crypto;
    const made = await makeCertificate(counting, {
      subject: "QNAP Boxafe",
      days: 30,
      pfxPassword: "pw",
      now: new Date("2026-11-01T00:00:00Z"),
    });
    expect(used).toBeGreaterThan(0);
    const cert = new X509Certificate(made.certificatePem);
    expect(cert.subject).toBe("CN=QNAP Boxafe");
    expect(cert.checkPrivateKey(createPrivateKey(made.privateKeyPem))).toBe(true);
    const der = Buffer.from(made.derBase64, "base64");
    expect(der.equals(cert.raw)).toBe(true);
    expect(made.thumbprint).toBe(cert.fingerprint.replace(/:/g, ""));
    expect(made.x5tS256).toBe(createHash("sha256").update(der).digest("base64url"));
    expect(made.notBefore).toBe("2026-10-31T23:55:00.000Z");
    expect(made.notAfter).toBe("2026-11-30T23:55:00.000Z");
    expect(made.pfx.length).toBeGreaterThan(1000);
  });

  it("refuses an empty PFX password and an out-of-range lifetime", async () => {
    await expect(
      makeCertificate(globalThis.crypto, { subject: "x", days: 30, pfxPassword: "" }),
    ).rejects.toThrow(/pfxPassword/);
    await expect(
      makeCertificate(globalThis.crypto, { subject: "x", days: 0, pfxPassword: "p" }),
    ).rejects.toThrow(/days/);
  });
});
