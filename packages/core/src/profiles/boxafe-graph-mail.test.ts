import { describe, expect, it } from "vitest";
import { cloudEndpoints, sandboxEndpoints } from "../clouds.js";
import { boxafeGraphMailProfile, builtInProfile } from "./boxafe-graph-mail.js";
import { resolveProfile } from "./resolve-profile.js";

describe("boxafe-graph-mail profile", () => {
  it("is Table 1 plus the three Graph mailbox import/export app roles, each with a GUID and its source", () => {
    const resolved = resolveProfile(boxafeGraphMailProfile);
    expect(resolved).toHaveLength(29);
    const added = resolved.slice(26);
    expect(added.map((p) => [p.value, p.id])).toEqual([
      ["MailboxItem.ImportExport.All", "76577085-e73d-4f1d-b26a-85fb33892327"],
      ["MailboxItem.Read.All", "7d9f353d-a7bd-4fbb-822a-26d5dd39a3ce"],
      ["MailboxFolder.ReadWrite.All", "fef87b92-8391-4589-9da7-eb93dab7dc8a"],
    ]);
    for (const p of added) {
      expect(p).toMatchObject({
        resource: "microsoft-graph",
        kind: "application",
        adminConsentRequired: true,
      });
      expect(p.source).toContain("UNCONFIRMED");
    }
    expect(builtInProfile("boxafe-graph-mail")).toBe(boxafeGraphMailProfile);
    expect(builtInProfile("toString")).toBeUndefined();
  });
});

describe("Exchange and SharePoint hosts per cloud", () => {
  it("uses each cloud's own Exchange host, and the sandbox origin for every service", () => {
    expect(cloudEndpoints("global").exchangeBaseUrl).toBe("https://outlook.office365.com");
    expect(cloudEndpoints("usgov").exchangeBaseUrl).toBe("https://outlook.office365.us");
    expect(cloudEndpoints("china").exchangeBaseUrl).toBe("https://partner.outlook.cn");
    expect(cloudEndpoints("global").sharePointBaseUrl("contoso")).toBe("https://contoso.sharepoint.com");
    const sandbox = sandboxEndpoints("https://localhost:8443");
    expect(sandbox.exchangeBaseUrl).toBe("https://localhost:8443");
    expect(sandbox.sharePointBaseUrl("contoso")).toBe("https://localhost:8443");
    expect(sandbox.exchangeResource).toBe("https://outlook.office365.com");
  });
});
