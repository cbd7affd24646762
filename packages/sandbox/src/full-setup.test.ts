import { describe, expect, it } from "vitest";
import { RESOURCE_SEEDS } from "./store/seed-resources.js";
import { claims, graph, hook, upsertServicePrincipal } from "./test/harness.js";
import { secretClient } from "./test/msal.js";
import { useSandbox } from "./test/suite.js";

/** Table 1 of the Boxafe guide: [resource key, value, kind]. */
const TABLE_1: [string, string, "Role" | "Scope"][] = [
  ["aadgraph", "User.Read", "Scope"],
  ["exchange", "EWS.AccessAsUser.All", "Scope"],
  ["exchange", "full_access_as_app", "Role"],
  ["exchange", "Calendars.ReadWrite.All", "Role"],
  ["exchange", "Contacts.ReadWrite", "Role"],
  ["exchange", "MailboxSettings.ReadWrite", "Role"],
  ["exchange", "Mail.ReadWrite", "Role"],
  ["exchange", "Tasks.ReadWrite", "Role"],
  ["graph", "openid", "Scope"],
  ["graph", "Group.ReadWrite.All", "Scope"],
  ["graph", "User.Read", "Scope"],
  ["graph", "User.ReadWrite.All", "Scope"],
  ...(
    [
      "Calendars.ReadWrite",
      "Contacts.ReadWrite",
      "Directory.ReadWrite.All",
      "Files.ReadWrite.All",
      "Group.ReadWrite.All",
      "MailboxSettings.ReadWrite",
      "Mail.ReadWrite",
      "Notes.ReadWrite.All",
      "Sites.FullControl.All",
      "User.ReadWrite.All",
    ] as const
  ).map((v): [string, string, "Role"] => ["graph", v, "Role"]),
  ["onenote", "Notes.ReadWrite.All", "Role"],
  ["sharepoint", "Sites.FullControl.All", "Role"],
  ["sharepoint", "TermStore.ReadWrite.All", "Role"],
  ["sharepoint", "User.ReadWrite.All", "Role"],
];

function idOf(key: string, value: string, kind: "Role" | "Scope"): string {
  const seed = RESOURCE_SEEDS.find((r) => r.key === key);
  const row =
    kind === "Role" ? seed?.roles.find((r) => r[0] === value) : seed?.scopes.find((s) => s[0] === value);
  if (!seed || !row) throw new Error(`missing ${key} ${value} ${kind}`);
  return row[1];
}

const t = useSandbox({ faults: "latency=5" });

describe("a full Boxafe setup", () => {
  it("registers the app with all 26 Table 1 permissions, consents, and proves every role in tokens", async () => {
    expect(TABLE_1).toHaveLength(26);
    await hook(t.sb, "stats/reset", {});
    const rra = RESOURCE_SEEDS.map((r) => ({
      resourceAppId: r.appId,
      resourceAccess: TABLE_1.filter(([k]) => k === r.key).map(([k, v, kind]) => ({
        id: idOf(k, v, kind),
        type: kind,
      })),
    })).filter((r) => r.resourceAccess.length > 0);
    const app = await graph(
      t.sb,
      t.admin,
      "PATCH",
      "/applications(uniqueName='qnap-boxafe')",
      { displayName: "QNAP Boxafe", requiredResourceAccess: rra },
      { Prefer: "create-if-missing" },
    );
    expect(app.status).toBe(201);
    const sp = await upsertServicePrincipal(t.sb, t.admin, app.body.appId);
    expect(sp.status).toBe(201);
    const secret = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: { displayName: "Boxafe" },
    });

    const json = { "Content-Type": "application/json" };
    const roles = TABLE_1.filter(([, , kind]) => kind === "Role").map(([key, value]) => {
      const res = RESOURCE_SEEDS.find((r) => r.key === key);
      return { resourceId: res?.spId, appRoleId: idOf(key, value, "Role") };
    });
    const grants = RESOURCE_SEEDS.map((r) => ({
      r,
      scope: TABLE_1.filter(([k, , kind]) => k === r.key && kind === "Scope").map(([, v]) => v),
    })).filter((g) => g.scope.length > 0);
    const requests = [
      ...roles.map((a, i) => ({
        id: `r${i}`,
        method: "POST",
        url: `/servicePrincipals/${a.resourceId}/appRoleAssignedTo`,
        headers: json,
        body: { principalId: sp.body.id, ...a },
      })),
      ...grants.map((g, i) => ({
        id: `g${i}`,
        method: "POST",
        url: "/oauth2PermissionGrants",
        headers: json,
        body: {
          clientId: sp.body.id,
          consentType: "AllPrincipals",
          resourceId: g.r.spId,
          scope: g.scope.join(" "),
        },
      })),
    ];
    expect(requests).toHaveLength(23);
    for (const chunk of [requests.slice(0, 20), requests.slice(20)]) {
      const out = await graph(t.sb, t.admin, "POST", "/$batch", { requests: chunk });
      expect((out.body.responses as { status: number }[]).every((r) => r.status === 201)).toBe(true);
    }

    const cca = secretClient(t.sb, String(app.body.appId), String(secret.body.secretText));
    for (const r of RESOURCE_SEEDS.filter((x) => x.key !== "aadgraph")) {
      const audience = r.audiences[0] ?? r.appId;
      const result = await cca.acquireTokenByClientCredential({
        scopes: [`${audience}/.default`],
        skipCache: true,
      });
      const expected = TABLE_1.filter(([k, , kind]) => k === r.key && kind === "Role")
        .map(([, v]) => v)
        .sort();
      expect(claims(result?.accessToken ?? "").roles).toEqual(expected);
    }
    const stats = await hook(t.sb, "stats");
    console.log(
      `full setup: ${stats.roundTrips} Graph round trips, ${stats.writes} writes, ${stats.tokenRequests} token requests`,
    );
    expect(stats.byStatus).not.toHaveProperty("400");
    expect(stats).toMatchObject({ roundTrips: 5, writes: 26 });
  });
});
