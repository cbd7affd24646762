/**
 * Entra's timing as seeded faults: shuffled $batch order, intermittent replication lag, credential and role
 * propagation, 504 after a committed write, 503 on the device code endpoint. No test asserts a duration.
 */
import { describe, expect, it } from "vitest";
import { assign, errorOf, form, graph, hook, registerApp } from "./test/harness.js";
import { GRAPH_SP, MAIL_READWRITE } from "./test/ids.js";
import { useSandbox } from "./test/suite.js";

// The directory's clock runs ahead of the wall clock by `ahead` (as in faults-lag.test.ts): a propagation
// lag passes when the test moves the clock, never by waiting. With a 1.5 s lag of wall time, the "still
// propagating" reads had to come within 1.5 s of the write, and a loaded machine used a third of that.
let ahead = 0;
const t = useSandbox({ reset: "all", now: () => Date.now() + ahead });
const LAG_MS = 60_000;
const letLagPass = () => {
  ahead += LAG_MS + 1;
};

async function secretToken(appId: string, secret: string) {
  return form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
    grant_type: "client_credentials",
    client_id: appId,
    client_secret: secret,
    scope: "https://graph.microsoft.com/.default",
  });
}

async function batchOrder(seed: number): Promise<string[]> {
  await hook(t.sb, "faults", { spec: "shuffle=1", seed });
  const requests = Array.from({ length: 12 }, (_, i) => ({
    id: String(i + 1),
    method: "GET",
    url: "/organization?$select=id",
  }));
  const res = await graph(t.sb, t.admin, "POST", "/$batch", { requests });
  return (res.body.responses as { id: string }[]).map((r) => r.id);
}

describe("Entra timing faults", () => {
  it("runs independent $batch sub-requests in a seeded order, and dependsOn chains in theirs", async () => {
    const listOrder = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const seven = await batchOrder(7);
    expect(seven).not.toEqual(listOrder);
    expect([...seven].sort()).toEqual([...listOrder].sort());
    expect(await batchOrder(7)).toEqual(seven);
    expect(await batchOrder(8)).not.toEqual(seven);
    const chained = await graph(t.sb, t.admin, "POST", "/$batch", {
      requests: listOrder.map((id, i) => ({
        id,
        method: "GET",
        url: "/organization?$select=id",
        ...(i > 0 ? { dependsOn: [String(i)] } : {}),
      })),
    });
    expect((chained.body.responses as { id: string }[]).map((r) => r.id)).toEqual(listOrder);
  });

  it("makes replication lag intermittent: some reads of a new object miss it, the same ones for a seed", async () => {
    const pattern = async (seed: number) => {
      await hook(t.sb, "reset", {});
      await hook(t.sb, "faults", { spec: "lag=60000,lagChance=0.5", seed });
      const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "replicating" });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++)
        statuses.push((await graph(t.sb, t.admin, "GET", `/applications/${app.body.id}`)).status);
      return statuses;
    };
    const first = await pattern(3);
    expect(first).toContain(200);
    expect(first).toContain(404);
    expect(await pattern(3)).toEqual(first);
  });

  it("refuses a new secret with AADSTS7000215 until it has propagated, then issues tokens", async () => {
    const app = await registerApp(t.sb, t.admin);
    await hook(t.sb, "faults", { spec: `credentialLag=${LAG_MS}` });
    // Once the app and its first secret have propagated, a second secret starts its own wait.
    letLagPass();
    expect((await secretToken(app.appId, app.secret)).status).toBe(200);
    const pw = await graph(t.sb, t.admin, "POST", `/applications/${app.id}/addPassword`, {});
    const early = await secretToken(app.appId, String(pw.body.secretText));
    expect(early.json.error).toBe("invalid_client");
    expect(early.json.error_codes).toEqual([7000215]);
    expect((await secretToken(app.appId, app.secret)).status).toBe(200);
    letLagPass();
    expect((await secretToken(app.appId, String(pw.body.secretText))).status).toBe(200);
  });

  it("refuses a brand-new app with AADSTS700016 while it propagates", async () => {
    await hook(t.sb, "faults", { spec: `credentialLag=${LAG_MS}` });
    const app = await registerApp(t.sb, t.admin, "Fresh");
    const early = await secretToken(app.appId, app.secret);
    expect(early.json.error_codes).toEqual([700016]);
    letLagPass();
    expect((await secretToken(app.appId, app.secret)).status).toBe(200);
  });

  it("puts a new app role into tokens only after roleLag", async () => {
    const app = await registerApp(t.sb, t.admin);
    await hook(t.sb, "faults", { spec: `roleLag=${LAG_MS}` });
    expect((await assign(t.sb, t.admin, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(201);
    const roles = async () => {
      const tok = await secretToken(app.appId, app.secret);
      const payload = JSON.parse(
        Buffer.from(String(tok.json.access_token).split(".")[1] ?? "", "base64url").toString(),
      );
      return (payload.roles ?? []) as string[];
    };
    expect(await roles()).toEqual([]);
    letLagPass();
    expect(await roles()).toEqual(["Mail.ReadWrite"]);
  });

  it("answers 504 UnknownError after committing a write (gateway), alone and for a whole $batch", async () => {
    await hook(t.sb, "faults", { spec: "gateway=1" });
    const created = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "Timed out" });
    expect(created.status).toBe(504);
    expect(errorOf(created)).toMatchObject({ code: "UnknownError", message: "" });
    const batch = await graph(t.sb, t.admin, "POST", "/$batch", {
      requests: [
        {
          id: "1",
          method: "POST",
          url: "/applications",
          headers: { "Content-Type": "application/json" },
          body: { displayName: "In a batch" },
        },
      ],
    });
    expect(batch.status).toBe(504);
    await hook(t.sb, "faults", { spec: "" });
    const names = (
      (await graph(t.sb, t.admin, "GET", "/applications?$select=displayName")).body.value as {
        displayName: string;
      }[]
    ).map((a) => a.displayName);
    expect(names.sort()).toEqual(["In a batch", "Timed out"]);
    // Reads never draw it.
    await hook(t.sb, "faults", { spec: "gateway=1" });
    expect((await graph(t.sb, t.admin, "GET", "/organization")).status).toBe(200);
  });

  it("faults the device code endpoint like the token endpoint (503 temporarily_unavailable)", async () => {
    await hook(t.sb, "faults", { spec: "unavailable=1" });
    const dc = await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/devicecode`, {
      client_id: "14d82eec-204b-4c2f-b7e8-296a70dab67e",
      scope: "https://graph.microsoft.com/User.Read",
    });
    expect(dc.status).toBe(503);
    expect(dc.json.error).toBe("temporarily_unavailable");
  });
});
