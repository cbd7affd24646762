import { createHash } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { makeCert } from "../test/cert.js";
import { errorOf, graph } from "../test/harness.js";
import { useSandbox } from "../test/suite.js";
import { PROOF_AUDIENCE } from "./key-actions.js";

const t = useSandbox({ reset: "tenant" });
const UNIQUE = "qnap-boxafe-deleted";

async function upsert() {
  return graph(
    t.sb,
    t.admin,
    "PATCH",
    `/applications(uniqueName='${UNIQUE}')`,
    { displayName: "QNAP Boxafe" },
    {
      Prefer: "create-if-missing",
    },
  );
}

describe("directory/deletedItems", () => {
  it("keeps a deleted app 30 days with its secret, restorable; its uniqueName stays taken until purged", async () => {
    const created = await upsert();
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const added = await graph(t.sb, t.admin, "POST", `/applications/${id}/addPassword`, {
      passwordCredential: {},
    });
    expect(added.status).toBe(200);
    expect((await graph(t.sb, t.admin, "DELETE", `/applications/${id}`)).status).toBe(204);
    expect((await graph(t.sb, t.admin, "GET", `/applications/${id}`)).status).toBe(404);

    const listed = await graph(t.sb, t.admin, "GET", "/directory/deletedItems/microsoft.graph.application");
    const items = listed.body.value as {
      id: string;
      deletedDateTime: string;
      passwordCredentials: unknown[];
    }[];
    expect(items.map((i) => i.id)).toEqual([id]);
    expect(items[0]?.passwordCredentials).toHaveLength(1);
    expect(Date.parse(items[0]?.deletedDateTime ?? "")).toBeGreaterThan(0);
    // The service principal went to deleted items too (none was made here, so the list is empty).
    expect(
      (await graph(t.sb, t.admin, "GET", "/directory/deletedItems/microsoft.graph.servicePrincipal")).status,
    ).toBe(200);

    // The stricter assumption: the deleted app still holds its uniqueName.
    const blocked = await upsert();
    expect(blocked.status).toBe(400);
    expect(errorOf(blocked).message).toBe(
      "Another object with the same value for property uniqueName already exists.",
    );

    const restored = await graph(t.sb, t.admin, "POST", `/directory/deletedItems/${id}/restore`);
    expect(restored.status).toBe(200);
    const back = await graph(t.sb, t.admin, "GET", `/applications/${id}?$select=id,passwordCredentials`);
    expect(back.body.passwordCredentials).toHaveLength(1);

    // Deleted for good: gone from deleted items, and the uniqueName is free again.
    await graph(t.sb, t.admin, "DELETE", `/applications/${id}`);
    expect((await graph(t.sb, t.admin, "DELETE", `/directory/deletedItems/${id}`)).status).toBe(204);
    expect((await graph(t.sb, t.admin, "GET", `/directory/deletedItems/${id}`)).status).toBe(404);
    expect((await upsert()).status).toBe(201);
  });

  it("drops an item after 30 days", async () => {
    const id = String((await upsert()).body.id);
    await graph(t.sb, t.admin, "DELETE", `/applications/${id}`);
    const item = t.sb.context.dir.data.deletedItems?.[0];
    if (item) item.deletedAt -= 31 * 86_400_000;
    expect((await graph(t.sb, t.admin, "GET", `/directory/deletedItems/${id}`)).status).toBe(404);
    expect((await upsert()).status).toBe(201);
  });
});

describe("addKey proof of possession", () => {
  it("refuses a proof signed by an expired certificate: no valid certificate, no self-rotation", async () => {
    const cert = await makeCert();
    const id = String((await upsert()).body.id);
    const patched = await graph(t.sb, t.admin, "PATCH", `/applications/${id}`, {
      keyCredentials: [{ type: "AsymmetricX509Cert", usage: "Verify", key: cert.der }],
    });
    expect(patched.status).toBe(204);
    const key = await importPKCS8(cert.privateKeyPem, "RS256");
    const x5t = createHash("sha1").update(Buffer.from(cert.der, "base64")).digest("base64url");
    const now = Math.floor(Date.now() / 1000);
    const proof = await new SignJWT({ aud: PROOF_AUDIENCE, iss: id, nbf: now, exp: now + 300 })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", x5t })
      .sign(key);
    const next = await makeCert();
    const body = {
      keyCredential: { type: "AsymmetricX509Cert", usage: "Verify", key: next.der },
      passwordCredential: null,
      proof,
    };
    // While valid, the proof works (delegated admin: Application.ReadWrite.All).
    const ok = await graph(t.sb, t.admin, "POST", `/applications/${id}/addKey`, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ type: "AsymmetricX509Cert", usage: "Verify", key: null });
    // Every certificate expired: the action is refused, whatever the proof.
    for (const k of t.sb.context.dir.data.applications.find((a) => a.id === id)?.keyCredentials ?? [])
      k.endDateTime = new Date(Date.now() - 1000).toISOString();
    const refused = await graph(t.sb, t.admin, "POST", `/applications/${id}/addKey`, body);
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toMatch(/no valid certificate/);
  });
});
