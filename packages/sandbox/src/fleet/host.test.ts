import { type AccountInfo, PublicClientApplication } from "@azure/msal-node";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH_CLI_CLIENT_ID, ROLE } from "../store/tenant.js";
import { aadsts } from "../test/msal.js";
import { type RunningFleetSandbox, startFleetSandbox } from "./host.js";
import { DEFAULT_RELATIONSHIP_ROLES } from "./relationships.js";

const SCOPES = [
  "https://graph.microsoft.com/Application.ReadWrite.All",
  "https://graph.microsoft.com/User.Read",
];

let fleet: RunningFleetSandbox;
let partnerApp: PublicClientApplication;
let account: AccountInfo;

async function graphGet(
  token: string,
  path: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${fleet.url}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function customer(index: number) {
  const c = fleet.customers[index - 1];
  if (!c) throw new Error(`no customer ${index}`);
  return c;
}

/** The partner admin's token for a customer tenant: msal's silent flow with the partner's account. */
async function silentFor(index: number, forceRefresh = false) {
  return partnerApp.acquireTokenSilent({
    account,
    scopes: SCOPES,
    authority: `${fleet.url}/${customer(index).tenantId}`,
    forceRefresh,
  });
}

describe("fleet sandbox: a partner reaching customers through GDAP", () => {
  beforeAll(async () => {
    fleet = await startFleetSandbox({
      tenants: 4,
      port: 0,
      autoApprove: true,
      withoutRelationship: [2],
      unconsented: [4],
    });
    partnerApp = new PublicClientApplication({
      auth: {
        clientId: GRAPH_CLI_CLIENT_ID,
        authority: `${fleet.url}/organizations`,
        knownAuthorities: [new URL(fleet.url).host],
      },
    });
    const signedIn = await partnerApp.acquireTokenByDeviceCode({
      scopes: SCOPES,
      deviceCodeCallback: () => {},
    });
    if (!signedIn?.account) throw new Error("partner sign-in returned no account");
    account = signedIn.account;
  });
  afterAll(() => fleet.stop());

  it("signs the partner admin in to their own tenant", () => {
    expect(account.tenantId).toBe(fleet.partner.tenantId);
    expect(account.username).toBe(fleet.partner.admin.upn);
  });

  it("issues a customer token to the partner's account, with the relationship's roles as wids", async () => {
    const result = await silentFor(1);
    const claims = decodeJwt(result.accessToken);
    expect(claims.tid).toBe(customer(1).tenantId);
    expect(claims.upn).toBe(fleet.partner.admin.upn);
    expect(new Set(claims.wids as string[])).toEqual(
      new Set([...DEFAULT_RELATIONSHIP_ROLES, ROLE.defaultUser]),
    );
    // The partner's own Global Administrator role does not travel: only what the relationship grants.
    expect(claims.wids).not.toContain(ROLE.globalAdministrator);
    const org = await graphGet(result.accessToken, "/organization");
    expect(org.status).toBe(200);
    expect((org.body.value as { id: string }[])[0]?.id).toBe(customer(1).tenantId);
  });

  it("refuses a customer with no relationship (AADSTS50020), so the caller falls back to that tenant's own sign-in", async () => {
    await expect(silentFor(2)).rejects.toSatisfy((e: unknown) => aadsts(e) === "AADSTS50020");
  });

  it("refuses a silent sign-in where the client was never consented (AADSTS65001)", async () => {
    await expect(silentFor(4)).rejects.toSatisfy((e: unknown) => aadsts(e) === "AADSTS65001");
  });

  it("keeps tenants apart: an app made in one customer is invisible in another", async () => {
    const one = await silentFor(1);
    const made = await fetch(`${fleet.url}/v1.0/applications`, {
      method: "POST",
      headers: { Authorization: `Bearer ${one.accessToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ displayName: "only in customer 1" }),
    });
    expect(made.status).toBe(201);
    const three = await silentFor(3);
    const listed = await graphGet(three.accessToken, "/applications");
    expect(listed.status).toBe(200);
    expect((listed.body.value as { displayName: string }[]).map((a) => a.displayName)).not.toContain(
      "only in customer 1",
    );
    expect(customer(1).context.dir.data.applications).toHaveLength(1);
    expect(customer(3).context.dir.data.applications).toHaveLength(0);
  });

  it("stops issuing once the relationship is terminated or has ended", async () => {
    const relationship = fleet.relationships.get(customer(3).tenantId);
    if (!relationship) throw new Error("customer 3 should have a relationship");
    relationship.status = "terminated";
    await expect(silentFor(3, true)).rejects.toSatisfy((e: unknown) => aadsts(e) === "AADSTS50020");
    relationship.status = "active";
    relationship.endsAt = customer(3).context.dir.now() - 1;
    await expect(silentFor(3, true)).rejects.toSatisfy((e: unknown) => aadsts(e) === "AADSTS50020");
  });

  it("lets a customer's own admin sign in at the customer's authority (the fallback)", async () => {
    const own = new PublicClientApplication({
      auth: {
        clientId: GRAPH_CLI_CLIENT_ID,
        authority: `${fleet.url}/${customer(2).tenantId}`,
        knownAuthorities: [new URL(fleet.url).host],
      },
    });
    const result = await own.acquireTokenByDeviceCode({ scopes: SCOPES, deviceCodeCallback: () => {} });
    const claims = decodeJwt(result?.accessToken ?? "");
    expect(claims.tid).toBe(customer(2).tenantId);
    expect(claims.upn).toBe(customer(2).admin.upn);
  });

  it("answers the fleet's own state on /_sandbox/fleet and each tenant's on /_sandbox/tenants/{id}", async () => {
    const state = (await (await fetch(`${fleet.url}/_sandbox/fleet`)).json()) as {
      customers: unknown[];
      relationships: unknown[];
    };
    expect(state.customers).toHaveLength(4);
    expect(state.relationships).toHaveLength(3);
    const one = (await (
      await fetch(`${fleet.url}/_sandbox/tenants/${customer(1).tenantId}/state`)
    ).json()) as {
      tenant: { id: string };
    };
    expect(one.tenant.id).toBe(customer(1).tenantId);
  });
});
