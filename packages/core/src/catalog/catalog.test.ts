import { describe, expect, it } from "vitest";
import { advisories } from "./advisories.js";
import { findPermission, permissionById, permissionKey } from "./lookup.js";
import { permissions } from "./permissions.js";
import { findResource, isResourceKey, resourceByAppId, resourceByKey, resources } from "./resources.js";
import type { ResourceKey } from "./types.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("catalog invariants", () => {
  it("holds the 26 permissions of Table 1", () => {
    expect(permissions).toHaveLength(26);
  });

  it("counts 1/7/14/1/3 per resource, as Table 1 does", () => {
    const counts: Record<string, number> = {};
    for (const p of permissions) counts[p.resource] = (counts[p.resource] ?? 0) + 1;
    expect(counts).toEqual({
      "azure-ad-graph": 1,
      "exchange-online": 7,
      "microsoft-graph": 14,
      onenote: 1,
      sharepoint: 3,
    });
  });

  it("has no duplicate (resource, kind, value)", () => {
    const keys = permissions.map(permissionKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("has no duplicate GUID within one resource and kind", () => {
    const keys = permissions.map((p) => `${p.resource}/${p.kind}/${p.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses well-formed lower-case GUIDs for permissions and resources", () => {
    for (const p of permissions) expect(p.id, permissionKey(p)).toMatch(GUID);
    for (const r of resources) expect(r.appId, r.key).toMatch(GUID);
  });

  it("gives every entry a description, a source and a known resource", () => {
    for (const p of permissions) {
      expect(p.description.length, permissionKey(p)).toBeGreaterThan(5);
      expect(p.source.length, permissionKey(p)).toBeGreaterThan(10);
      expect(isResourceKey(p.resource)).toBe(true);
    }
  });

  it("requires admin consent for every application permission, as Table 1 says", () => {
    for (const p of permissions.filter((x) => x.kind === "application")) {
      expect(p.adminConsentRequired, permissionKey(p)).toBe(true);
    }
    const noConsent = permissions.filter((p) => !p.adminConsentRequired).map(permissionKey);
    expect(noConsent).toEqual([
      "azure-ad-graph/delegated/User.Read",
      "exchange-online/delegated/EWS.AccessAsUser.All",
      "microsoft-graph/delegated/openid",
      "microsoft-graph/delegated/User.Read",
    ]);
  });

  it("keeps GUIDs per resource: one GUID may serve two resources, one value has different GUIDs", () => {
    const graphUser = findPermission({
      resource: "microsoft-graph",
      kind: "application",
      value: "User.ReadWrite.All",
    });
    const spUser = findPermission({
      resource: "sharepoint",
      kind: "application",
      value: "User.ReadWrite.All",
    });
    expect(graphUser?.id).toBe(spUser?.id);
    const graphSettings = findPermission({
      resource: "microsoft-graph",
      kind: "application",
      value: "MailboxSettings.ReadWrite",
    });
    const exoSettings = findPermission({
      resource: "exchange-online",
      kind: "application",
      value: "MailboxSettings.ReadWrite",
    });
    expect(graphSettings?.id).not.toBe(exoSettings?.id);
    // Looking up by GUID needs the resource: the same id names a different permission elsewhere.
    expect(
      permissionById("sharepoint", "application", "741f803b-c850-494e-b5df-cde7c675a1ca")?.resource,
    ).toBe("sharepoint");
    expect(permissionById("onenote", "application", "741f803b-c850-494e-b5df-cde7c675a1ca")).toBeUndefined();
  });

  it("pins a few GUIDs against the public references", () => {
    const id = (resource: ResourceKey, kind: "application" | "delegated", value: string) =>
      findPermission({ resource, kind, value })?.id;
    expect(id("exchange-online", "application", "full_access_as_app")).toBe(
      "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
    );
    expect(id("microsoft-graph", "delegated", "User.Read")).toBe("e1fe6dd8-ba31-4d61-89e7-88639da4683d");
    expect(id("azure-ad-graph", "delegated", "User.Read")).toBe("311a71cc-e848-46a1-bdf8-97ff7156d8e6");
    expect(id("sharepoint", "application", "Sites.FullControl.All")).toBe(
      "678536fe-1083-478a-9c59-b99265e6b0d3",
    );
    expect(id("onenote", "application", "Notes.ReadWrite.All")).toBe("10af711e-5051-4838-8ae7-9767c43d8a9c");
  });

  it("every advisory names permissions that exist in the catalog", () => {
    for (const advisory of advisories) {
      expect(advisory.affects.length, advisory.id).toBeGreaterThan(0);
      for (const ref of advisory.affects)
        expect(findPermission(ref), `${advisory.id} ${permissionKey(ref)}`).toBeDefined();
    }
  });
});

describe("resources", () => {
  it("covers the five resources with their well-known appIds", () => {
    expect(resources.map((r) => [r.key, r.appId])).toEqual([
      ["azure-ad-graph", "00000002-0000-0000-c000-000000000000"],
      ["exchange-online", "00000002-0000-0ff1-ce00-000000000000"],
      ["microsoft-graph", "00000003-0000-0000-c000-000000000000"],
      ["onenote", "2d4d3d8e-2be3-4bef-9f87-7875a61c29de"],
      ["sharepoint", "00000003-0000-0ff1-ce00-000000000000"],
    ]);
  });

  it("finds a resource by key, portal name, service principal name or appId", () => {
    expect(findResource("sharepoint")?.key).toBe("sharepoint");
    expect(findResource("Office 365 SharePoint Online")?.key).toBe("sharepoint");
    expect(findResource("  microsoft graph ")?.key).toBe("microsoft-graph");
    expect(findResource("00000002-0000-0FF1-CE00-000000000000")?.key).toBe("exchange-online");
    expect(findResource("Windows Azure Active Directory")?.key).toBe("azure-ad-graph");
    expect(findResource("Teams")).toBeUndefined();
    expect(resourceByAppId("2d4d3d8e-2be3-4bef-9f87-7875a61c29de")?.name).toBe("OneNote");
    expect(resourceByKey("exchange-online").tokenAudience).toBe("https://outlook.office365.com");
    expect(() => resourceByKey("teams" as ResourceKey)).toThrow(/Unknown resource "teams"/);
  });
});
