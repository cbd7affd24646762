import { boxafeProfile, CoreError, permissionsView } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { permissionsCommand } from "./permissions.js";

function capture(files: Readonly<Record<string, string>> = {}) {
  const chunks: string[] = [];
  const reads: string[] = [];
  return {
    io: {
      stdout: (text: string) => {
        chunks.push(text);
      },
      readFile: async (path: string) => {
        reads.push(path);
        const text = files[path];
        if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
        return text;
      },
    },
    text: () => chunks.join(""),
    reads,
  };
}

const ESC = "\u001b[";

describe("permissions --json", () => {
  it("prints the boxafe view exactly, as one JSON document", async () => {
    const out = capture();
    expect(await permissionsCommand({ json: true }, out.io)).toBe(0);
    const doc = JSON.parse(out.text());
    expect(doc).toEqual(permissionsView(boxafeProfile));
    expect(doc.profile).toBe("boxafe");
    expect(doc.resources.map((r: { name: string }) => r.name)).toEqual([
      "Azure Active Directory Graph",
      "Office 365 Exchange Online",
      "Microsoft Graph",
      "OneNote",
      "SharePoint",
    ]);
    const kinds = new Set(
      doc.resources.flatMap((r: { permissions: { kind: string }[] }) => r.permissions.map((p) => p.kind)),
    );
    expect([...kinds].sort()).toEqual(["application", "delegated"]);
    expect(out.text()).not.toContain(ESC);
    expect(out.reads).toEqual([]);
  });

  it("leaves out retired permissions with skipRetired", async () => {
    const out = capture();
    await permissionsCommand({ json: true, skipRetired: true }, out.io);
    const doc = JSON.parse(out.text()) as { resources: { permissions: unknown[] }[] };
    expect(doc.resources.reduce((n, r) => n + r.permissions.length, 0)).toBe(18);
  });

  it("reads a partner profile file", async () => {
    const profile = {
      name: "acme",
      permissions: [
        { resource: "Microsoft Graph", value: "Mail.ReadWrite", kind: "Application" },
        { resource: "exchange-online", value: "full_access_as_app", kind: "application" },
      ],
    };
    const out = capture({ "acme.json": JSON.stringify(profile) });
    await permissionsCommand({ json: true, profileFile: "acme.json" }, out.io);
    const doc = JSON.parse(out.text()) as { profile: string; resources: { name: string }[] };
    expect(out.reads).toEqual(["acme.json"]);
    expect(doc.profile).toBe("acme");
    expect(doc.resources.map((r) => r.name)).toEqual(["Office 365 Exchange Online", "Microsoft Graph"]);
  });
});

describe("permissions (table)", () => {
  it("groups by API with counts and marks retired and blocked permissions", async () => {
    const out = capture();
    expect(await permissionsCommand({ json: false }, out.io)).toBe(0);
    const text = out.text();
    for (const heading of [
      "Azure Active Directory Graph (1)",
      "Office 365 Exchange Online (7)",
      "Microsoft Graph (14)",
      "OneNote (1)",
      "SharePoint (3)",
    ]) {
      expect(text).toContain(`${heading}\n`);
    }
    const row = (value: string, after: string) =>
      text
        .slice(text.indexOf(after))
        .split("\n")
        .find((l) => l.trim().startsWith(`${value} `));
    expect(row("full_access_as_app", "Office 365 Exchange Online")).toMatch(
      /full_access_as_app\s+Application\s+Use Exchange Web Services with full access to all mailboxes\s+Yes\s+BLOCKED since 2026-10-01/,
    );
    expect(row("openid", "Microsoft Graph (14)")).toMatch(/openid\s+Delegated\s+Sign users in\s+-$/);
    expect(row("Notes.ReadWrite.All", "OneNote (1)")).toMatch(/Yes\s+RETIRED 2025-03-31$/);
    expect(row("User.Read", "Azure Active Directory Graph")).toMatch(/RETIRED 2025-08-31$/);
    expect(row("Sites.FullControl.All", "SharePoint (3)")).toMatch(/CERTIFICATE ONLY since 2026-04-02$/);
    expect(text).toContain("26 permissions across 5 APIs (profile boxafe).");
    expect(text).toContain("8 belong to retired APIs; --skip-retired leaves them out.");
    expect(text).toContain("Set-OrganizationConfig -EwsAllowedAppIDs $ids -EwsEnabled $true");
    expect(text).not.toContain("@{Add");
    expect(text).not.toContain(ESC);
  });

  it("aligns columns across all groups", async () => {
    const out = capture();
    await permissionsCommand({ json: false }, out.io);
    const headers = out
      .text()
      .split("\n")
      .filter((l) => l.trim().startsWith("PERMISSION"));
    expect(headers).toHaveLength(5);
    expect(new Set(headers.map((h) => h.indexOf("TYPE"))).size).toBe(1);
  });

  it("colours only when asked", async () => {
    const out = capture();
    await permissionsCommand({ json: false, color: true }, out.io);
    expect(out.text()).toContain(`${ESC}31mRETIRED 2025-03-31`);
    expect(out.text()).toContain(`${ESC}1mMicrosoft Graph (14)`);
  });

  it("drops empty APIs with skipRetired", async () => {
    const out = capture();
    await permissionsCommand({ json: false, skipRetired: true }, out.io);
    expect(out.text()).not.toContain("OneNote (");
    expect(out.text()).not.toContain("Azure Active Directory Graph (");
    expect(out.text()).toContain("18 permissions across 3 APIs");
    expect(out.text()).not.toContain("RETIRED");
  });
});

describe("bad profile files", () => {
  async function failure(files: Record<string, string>, path: string): Promise<CoreError> {
    const out = capture(files);
    const error = await permissionsCommand({ json: true, profileFile: path }, out.io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(out.text()).toBe("");
    if (!(error instanceof CoreError)) throw new Error("expected a CoreError");
    return error;
  }

  it("names the bad field", async () => {
    const text = JSON.stringify({
      name: "x",
      permissions: [{ resource: "sharepoint", value: "Sites.FullControl.All", kind: "app" }],
    });
    const error = await failure({ "p.json": text }, "p.json");
    expect(error.code).toBe("invalid_profile");
    expect(error.field).toBe("permissions[0].kind");
    expect(error.message).toContain('permissions[0].kind: "app" must be "application" or "delegated"');
  });

  it("reports bad JSON and missing files", async () => {
    expect((await failure({ "p.json": "{" }, "p.json")).field).toBe("profile");
    const missing = await failure({}, "nope.json");
    expect(missing).toMatchObject({ code: "invalid_input", field: "profile" });
    expect(missing.message).toContain("Cannot read the profile file nope.json");
  });
});
