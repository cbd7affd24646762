import { describe, expect, it } from "vitest";
import { boxafeProfile } from "../profiles/boxafe.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import { advisoryNotes } from "./advisory-notes.js";

const APP_ID = "11111111-2222-4333-8444-555555555555";
const table1 = resolveProfile(boxafeProfile);

describe("advisoryNotes", () => {
  it("one note per advisory of Table 1, each once, with the app id filled in", () => {
    const notes = advisoryNotes(table1, APP_ID);
    expect(new Set(notes.map((n) => n.id))).toEqual(
      new Set([
        "azure-ad-graph-retired",
        "ews-blocked",
        "outlook-rest-decommissioned",
        "sharepoint-acs-retired",
        "onenote-app-only-ended",
      ]),
    );
    expect(notes).toHaveLength(5);
    const ews = notes.find((n) => n.id === "ews-blocked");
    expect(ews?.action).toContain(`+ "${APP_ID}"`);
    expect(ews?.marker).toBe("BLOCKED since 2026-10-01, ends 2027-04-01");
    expect(notes.find((n) => n.id === "sharepoint-acs-retired")?.marker).toBe(
      "CERTIFICATE ONLY since 2026-04-02",
    );
    expect(notes.some((n) => n.action.includes("{appId}"))).toBe(false);
  });

  it("nothing for permissions without advisories; skipping retired APIs leaves EWS and SharePoint", () => {
    const plain = table1.filter((p) => p.resource === "microsoft-graph" && p.value === "Mail.ReadWrite");
    expect(advisoryNotes(plain, APP_ID)).toEqual([]);
    const kept = advisoryNotes(resolveProfile(boxafeProfile, { skipRetired: true }), APP_ID).map((n) => n.id);
    expect(kept.sort()).toEqual(["ews-blocked", "sharepoint-acs-retired"]);
  });
});
