import { describe, expect, it } from "vitest";
import { boxafeProfile } from "./boxafe.js";
import { resolveProfile } from "./resolve-profile.js";

describe("boxafeProfile", () => {
  it("is Table 1 exactly, in the guide's order", () => {
    expect(boxafeProfile.name).toBe("boxafe");
    const rows = boxafeProfile.permissions.map((p) => `${p.resource} ${p.kind} ${p.value}`);
    expect(rows).toEqual([
      "azure-ad-graph delegated User.Read",
      "exchange-online delegated EWS.AccessAsUser.All",
      "exchange-online application full_access_as_app",
      "exchange-online application Calendars.ReadWrite.All",
      "exchange-online application Contacts.ReadWrite",
      "exchange-online application MailboxSettings.ReadWrite",
      "exchange-online application Mail.ReadWrite",
      "exchange-online application Tasks.ReadWrite",
      "microsoft-graph delegated openid",
      "microsoft-graph delegated Group.ReadWrite.All",
      "microsoft-graph delegated User.Read",
      "microsoft-graph delegated User.ReadWrite.All",
      "microsoft-graph application Calendars.ReadWrite",
      "microsoft-graph application Contacts.ReadWrite",
      "microsoft-graph application Directory.ReadWrite.All",
      "microsoft-graph application Files.ReadWrite.All",
      "microsoft-graph application Group.ReadWrite.All",
      "microsoft-graph application MailboxSettings.ReadWrite",
      "microsoft-graph application Mail.ReadWrite",
      "microsoft-graph application Notes.ReadWrite.All",
      "microsoft-graph application Sites.FullControl.All",
      "microsoft-graph application User.ReadWrite.All",
      "onenote application Notes.ReadWrite.All",
      "sharepoint application Sites.FullControl.All",
      "sharepoint application TermStore.ReadWrite.All",
      "sharepoint application User.ReadWrite.All",
    ]);
  });

  it("resolves to 26 permissions, or 18 without the retired APIs", () => {
    expect(resolveProfile(boxafeProfile)).toHaveLength(26);
    const current = resolveProfile(boxafeProfile, { skipRetired: true });
    expect(current).toHaveLength(18);
    expect(current.some((p) => p.resource === "onenote" || p.resource === "azure-ad-graph")).toBe(false);
    expect(current.some((p) => p.value === "Notes.ReadWrite.All")).toBe(false);
  });
});
