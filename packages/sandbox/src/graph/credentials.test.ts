import { describe, expect, it } from "vitest";
import { makeCert } from "../test/cert.js";
import { errorOf, graph, hook } from "../test/harness.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("credentials", () => {
  it("returns a secret once from addPassword (2-year default) and keeps only a hash", async () => {
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "secret" });
    const before = Date.now();
    const pw = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: { displayName: "boxafe" },
    });
    expect(pw.status).toBe(200);
    const secret = String(pw.body.secretText);
    expect(secret).toHaveLength(40);
    expect(pw.body.hint).toBe(secret.slice(0, 3));
    const start = new Date(String(pw.body.startDateTime));
    const end = new Date(String(pw.body.endDateTime));
    expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(2);
    expect(end.toISOString().slice(4)).toBe(start.toISOString().slice(4));
    expect(Date.parse(String(pw.body.startDateTime))).toBeGreaterThanOrEqual(before - 1000);
    const read = await graph(t.sb, t.admin, "GET", `/applications/${app.body.id}`);
    expect(read.body.passwordCredentials).toEqual([
      expect.objectContaining({ keyId: pw.body.keyId, secretText: null, hint: secret.slice(0, 3) }),
    ]);
    const state = JSON.stringify(await hook(t.sb, "state"));
    expect(state).not.toContain(secret);
    expect(state).not.toContain('"hash"');

    const removed = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/removePassword`, {
      keyId: pw.body.keyId,
    });
    expect(removed.status).toBe(204);
    expect(
      (await graph(t.sb, t.admin, "GET", `/applications/${app.body.id}`)).body.passwordCredentials,
    ).toEqual([]);
    expect(
      (
        await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/removePassword`, {
          keyId: pw.body.keyId,
        })
      ).status,
    ).toBe(400);
  });

  it("enforces the app management policy's secret lifetime with Graph's error", async () => {
    await hook(t.sb, "policy", { passwordMaxLifetime: "P180D" });
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "policy" });
    const tooLong = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {});
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong).code).toBe("CredentialInvalidLifetimeAsPerAppPolicy");
    expect(errorOf(tooLong).message).toBe(
      "Credential lifetime exceeds the max value allowed as per assigned policy '00000000-0000-0000-0000-000000000000'",
    );
    expect(errorOf(tooLong).details).toEqual([
      expect.objectContaining({ code: "InvalidKeyEndDate", target: "EndDate" }),
    ]);
    const end = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const ok = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: { endDateTime: end },
    });
    expect(ok.status).toBe(200);
    await hook(t.sb, "policy", { passwordMaxLifetime: null, passwordAdditionBlocked: true });
    const blocked = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {});
    expect(errorOf(blocked).code).toBe("CredentialTypeNotAllowedAsPerAppPolicy");
    await hook(t.sb, "policy", { passwordAdditionBlocked: false });
  });

  it("replaces the whole keyCredentials collection on PATCH and never returns the key", async () => {
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "certs" });
    const [a, b] = await Promise.all([makeCert(), makeCert()]);
    const key = (der: string) => ({
      type: "AsymmetricX509Cert",
      usage: "Verify",
      key: der,
      displayName: "CN=test",
    });
    await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, { keyCredentials: [key(a.der)] });
    const one = (await graph(t.sb, t.admin, "GET", `/applications/${app.body.id}`)).body
      .keyCredentials as Record<string, unknown>[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ key: null, type: "AsymmetricX509Cert", usage: "Verify" });
    expect(String(one[0]?.customKeyIdentifier)).toMatch(/^[0-9A-F]{40}$/);
    await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, { keyCredentials: [key(b.der)] });
    const replaced = (await graph(t.sb, t.admin, "GET", `/applications/${app.body.id}`)).body
      .keyCredentials as Record<string, unknown>[];
    expect(replaced).toHaveLength(1);
    expect(replaced[0]?.keyId).not.toBe(one[0]?.keyId);
    const bad = await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, {
      keyCredentials: [key("bm90IGEgY2VydA==")],
    });
    expect(bad.status).toBe(400);
  });
});
