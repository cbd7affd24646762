import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../sandbox.js";
import { makeCert } from "../test/cert.js";
import { ADMIN, boot, errorOf, graph, hook, userToken } from "../test/harness.js";

let sb: RunningSandbox;
let admin: string;
beforeAll(async () => {
  sb = await boot();
  admin = await userToken(sb, ADMIN);
});
beforeEach(() => hook(sb, "reset", {}));
afterAll(() => sb.stop());

const _RRA = [
  {
    resourceAppId: "00000003-0000-0000-c000-000000000000",
    resourceAccess: [
      { id: "e2a3a72e-5f79-4c64-b1b1-878b674786c9", type: "Role" },
      { id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
    ],
  },
];

describe("credentials", () => {
  it("returns a secret once from addPassword (2-year default) and keeps only a hash", async () => {
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "secret" });
    const before = Date.now();
    const pw = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {
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
    const read = await graph(sb, admin, "GET", `/applications/${app.body.id}`);
    expect(read.body.passwordCredentials).toEqual([
      expect.objectContaining({ keyId: pw.body.keyId, secretText: null, hint: secret.slice(0, 3) }),
    ]);
    const state = JSON.stringify(await hook(sb, "state"));
    expect(state).not.toContain(secret);
    expect(state).not.toContain('"hash"');

    const removed = await graph(sb, admin, "POST", `/applications/${app.body.id}/removePassword`, {
      keyId: pw.body.keyId,
    });
    expect(removed.status).toBe(204);
    expect((await graph(sb, admin, "GET", `/applications/${app.body.id}`)).body.passwordCredentials).toEqual(
      [],
    );
    expect(
      (
        await graph(sb, admin, "POST", `/applications/${app.body.id}/removePassword`, {
          keyId: pw.body.keyId,
        })
      ).status,
    ).toBe(400);
  });

  it("enforces the app management policy's secret lifetime with Graph's error", async () => {
    await hook(sb, "policy", { passwordMaxLifetime: "P180D" });
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "policy" });
    const tooLong = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {});
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong).code).toBe("CredentialInvalidLifetimeAsPerAppPolicy");
    expect(errorOf(tooLong).message).toBe(
      "Credential lifetime exceeds the max value allowed as per assigned policy '00000000-0000-0000-0000-000000000000'",
    );
    expect(errorOf(tooLong).details).toEqual([
      expect.objectContaining({ code: "InvalidKeyEndDate", target: "EndDate" }),
    ]);
    const end = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const ok = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: { endDateTime: end },
    });
    expect(ok.status).toBe(200);
    await hook(sb, "policy", { passwordMaxLifetime: null, passwordAdditionBlocked: true });
    const blocked = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {});
    expect(errorOf(blocked).code).toBe("CredentialTypeNotAllowedAsPerAppPolicy");
    await hook(sb, "policy", { passwordAdditionBlocked: false });
  });

  it("replaces the whole keyCredentials collection on PATCH and never returns the key", async () => {
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "certs" });
    const [a, b] = await Promise.all([makeCert(), makeCert()]);
    const key = (der: string) => ({
      type: "AsymmetricX509Cert",
      usage: "Verify",
      key: der,
      displayName: "CN=test",
    });
    await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, { keyCredentials: [key(a.der)] });
    const one = (await graph(sb, admin, "GET", `/applications/${app.body.id}`)).body.keyCredentials as Record<
      string,
      unknown
    >[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ key: null, type: "AsymmetricX509Cert", usage: "Verify" });
    expect(String(one[0]?.customKeyIdentifier)).toMatch(/^[0-9A-F]{40}$/);
    await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, { keyCredentials: [key(b.der)] });
    const replaced = (await graph(sb, admin, "GET", `/applications/${app.body.id}`)).body
      .keyCredentials as Record<string, unknown>[];
    expect(replaced).toHaveLength(1);
    expect(replaced[0]?.keyId).not.toBe(one[0]?.keyId);
    const bad = await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, {
      keyCredentials: [key("bm90IGEgY2VydA==")],
    });
    expect(bad.status).toBe(400);
  });
});
