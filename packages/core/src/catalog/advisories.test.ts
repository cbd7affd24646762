import { describe, expect, it } from "vitest";
import { advisories, advisoriesFor, advisoryAction, advisoryMarker, isRetired } from "./advisories.js";
import { permissions } from "./permissions.js";
import type { Advisory, AdvisoryId } from "./types.js";

function advisory(id: AdvisoryId): Advisory {
  const found = advisories.find((a) => a.id === id);
  if (found === undefined) throw new Error(`missing ${id}`);
  return found;
}

describe("advisories", () => {
  it("are the five known changes, each with consequence, action and source", () => {
    expect(advisories.map((a) => a.id)).toEqual([
      "azure-ad-graph-retired",
      "ews-blocked",
      "outlook-rest-decommissioned",
      "sharepoint-acs-retired",
      "onenote-app-only-ended",
    ]);
    for (const a of advisories) {
      expect(a.effectiveOn, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.consequence.length, a.id).toBeGreaterThan(20);
      expect(a.action.length, a.id).toBeGreaterThan(20);
      expect(a.source.length, a.id).toBeGreaterThan(10);
    }
  });

  it("carry the dates of the retirements", () => {
    expect(advisory("ews-blocked")).toMatchObject({
      status: "blocked",
      effectiveOn: "2026-10-01",
      endsOn: "2027-04-01",
    });
    expect(advisory("sharepoint-acs-retired").effectiveOn).toBe("2026-04-02");
    expect(advisory("onenote-app-only-ended")).toMatchObject({
      status: "retired",
      effectiveOn: "2025-03-31",
    });
    expect(advisory("azure-ad-graph-retired")).toMatchObject({
      status: "retired",
      effectiveOn: "2025-08-31",
    });
  });

  it("finds advisories by (resource, kind, value), not by value alone", () => {
    const ids = (resource: "microsoft-graph" | "onenote" | "exchange-online" | "sharepoint") =>
      advisoriesFor({ resource, kind: "application", value: "Notes.ReadWrite.All" }).map((a) => a.id);
    expect(ids("onenote")).toEqual(["onenote-app-only-ended"]);
    expect(ids("microsoft-graph")).toEqual(["onenote-app-only-ended"]);
    // Same value, other resource: Graph User.Read is fine, Azure AD Graph User.Read is retired.
    expect(advisoriesFor({ resource: "microsoft-graph", kind: "delegated", value: "User.Read" })).toEqual([]);
    expect(isRetired({ resource: "azure-ad-graph", kind: "delegated", value: "User.Read" })).toBe(true);
    expect(isRetired({ resource: "microsoft-graph", kind: "delegated", value: "User.Read" })).toBe(false);
  });

  it("retires eight of the 26 (Azure AD Graph, OneNote app-only, Outlook REST); EWS and SharePoint are blocked, not retired", () => {
    const retired = permissions.filter(isRetired).map((p) => `${p.resource}/${p.value}`);
    expect(retired).toEqual([
      "azure-ad-graph/User.Read",
      "exchange-online/Calendars.ReadWrite.All",
      "exchange-online/Contacts.ReadWrite",
      "exchange-online/MailboxSettings.ReadWrite",
      "exchange-online/Mail.ReadWrite",
      "exchange-online/Tasks.ReadWrite",
      "microsoft-graph/Notes.ReadWrite.All",
      "onenote/Notes.ReadWrite.All",
    ]);
    expect(isRetired({ resource: "exchange-online", kind: "application", value: "full_access_as_app" })).toBe(
      false,
    );
    expect(isRetired({ resource: "sharepoint", kind: "application", value: "Sites.FullControl.All" })).toBe(
      false,
    );
  });

  it("fills the app id into the admin's action", () => {
    const action = advisoryAction(advisory("ews-blocked"), "11111111-2222-3333-4444-555555555555");
    // Microsoft's read-merge-write, never the @{Add=...} form.
    expect(action).toContain('+ "11111111-2222-3333-4444-555555555555"');
    expect(action).toContain("Set-OrganizationConfig -EwsAllowedAppIDs $ids -EwsEnabled $true");
    expect(action).not.toContain("@{Add");
    expect(action).not.toContain("{appId}");
    expect(advisoryAction(advisory("onenote-app-only-ended"), "x")).toBe(
      advisory("onenote-app-only-ended").action,
    );
  });

  it("renders short markers for tables", () => {
    expect(advisoryMarker(advisory("onenote-app-only-ended"))).toBe("RETIRED 2025-03-31");
    expect(advisoryMarker(advisory("ews-blocked"))).toBe("BLOCKED since 2026-10-01, ends 2027-04-01");
    expect(advisoryMarker(advisory("sharepoint-acs-retired"))).toBe("CERTIFICATE ONLY since 2026-04-02");
    const retiring: Advisory = { ...advisory("ews-blocked"), status: "retiring" };
    expect(advisoryMarker(retiring)).toBe("RETIRING 2027-04-01");
  });
});
