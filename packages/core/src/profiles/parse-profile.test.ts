import { describe, expect, it } from "vitest";
import { boxafeProfile } from "./boxafe.js";
import { fieldPath, formatProfileIssues, parseProfile, parseProfileJson } from "./parse-profile.js";

const good = {
  name: "acme-backup",
  description: "mail only",
  permissions: [
    { resource: "microsoft-graph", value: "Mail.ReadWrite", kind: "application" },
    { resource: "Office 365 Exchange Online", value: "full_access_as_app", kind: "Application" },
    { resource: "00000003-0000-0ff1-ce00-000000000000", value: "Sites.FullControl.All", kind: "Role" },
    { resource: "Microsoft Graph", value: "openid", kind: "scope" },
  ],
};

function issuesOf(input: unknown): { field: string; message: string }[] {
  const result = parseProfile(input);
  if (result.ok) throw new Error("expected issues");
  return [...result.issues];
}

function fieldsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.field);
}

function withEntry(index: number, patch: Record<string, unknown>) {
  return { ...good, permissions: good.permissions.map((p, i) => (i === index ? { ...p, ...patch } : p)) };
}

describe("parseProfile", () => {
  it("accepts resources by key, portal name or appId and kinds in portal or manifest spelling", () => {
    const result = parseProfile(good);
    expect(result).toEqual({
      ok: true,
      profile: {
        name: "acme-backup",
        description: "mail only",
        permissions: [
          { resource: "microsoft-graph", kind: "application", value: "Mail.ReadWrite" },
          { resource: "exchange-online", kind: "application", value: "full_access_as_app" },
          { resource: "sharepoint", kind: "application", value: "Sites.FullControl.All" },
          { resource: "microsoft-graph", kind: "delegated", value: "openid" },
        ],
      },
    });
  });

  it("round-trips the boxafe profile", () => {
    const result = parseProfile(JSON.parse(JSON.stringify(boxafeProfile)));
    expect(result).toEqual({ ok: true, profile: boxafeProfile });
  });

  it.each([
    ["not an object", "nope", ["profile"]],
    ["null", null, ["profile"]],
    ["an array", [], ["profile"]],
    ["missing name", { permissions: good.permissions }, ["name"]],
    ["name with spaces", { ...good, name: "my profile" }, ["name"]],
    ["name too long", { ...good, name: "a".repeat(65) }, ["name"]],
    ["name a number", { ...good, name: 7 }, ["name"]],
    ["description not a string", { ...good, description: 5 }, ["description"]],
    ["missing permissions", { name: "x" }, ["permissions"]],
    ["permissions not an array", { name: "x", permissions: {} }, ["permissions"]],
    ["empty permissions", { name: "x", permissions: [] }, ["permissions"]],
    ["misspelt top-level key", { ...good, permisions: [] }, ["permisions"]],
    ["entry not an object", { ...good, permissions: [good.permissions[0], "Mail.Read"] }, ["permissions[1]"]],
    [
      "entry missing kind",
      { ...good, permissions: [{ resource: "sharepoint", value: "x" }] },
      ["permissions[0].kind"],
    ],
    ["unknown kind", withEntry(3, { kind: "both" }), ["permissions[3].kind"]],
    ["kind a number", withEntry(2, { kind: 1 }), ["permissions[2].kind"]],
    ["empty value", withEntry(0, { value: "  " }), ["permissions[0].value"]],
    ["unknown resource", withEntry(1, { resource: "Teams" }), ["permissions[1].resource"]],
    [
      "extra key in an entry",
      withEntry(0, { id: "e2a3a72e-5f79-4c64-b1b1-878b674786c9" }),
      ["permissions[0].id"],
    ],
    ["value not in catalog", withEntry(0, { value: "Mail.Send" }), ["permissions[0].value"]],
    ["value under the wrong kind", withEntry(3, { kind: "application" }), ["permissions[3].value"]],
    ["value under the wrong resource", withEntry(2, { resource: "onenote" }), ["permissions[2].value"]],
    [
      "bad resource and bad kind together",
      withEntry(1, { resource: "nope", kind: "nope" }),
      ["permissions[1].resource", "permissions[1].kind"],
    ],
  ])("rejects %s, naming the field", (_label, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it("rejects duplicates, also when spelt differently", () => {
    const input = {
      name: "dup",
      permissions: [
        { resource: "microsoft-graph", value: "Mail.ReadWrite", kind: "application" },
        { resource: "sharepoint", value: "Sites.FullControl.All", kind: "application" },
        { resource: "Microsoft Graph", value: "Mail.ReadWrite", kind: "Role" },
      ],
    };
    const issues = issuesOf(input);
    expect(issues).toEqual([
      { field: "permissions[2]", message: expect.stringContaining("duplicates permissions[0]") },
    ]);
  });

  it("reports every bad entry at once and says what is allowed", () => {
    const issues = issuesOf({
      name: "many",
      permissions: [
        { resource: "microsoft-graph", value: "Mail.Send", kind: "application" },
        { resource: "onenote", value: "Notes.Read.All", kind: "delegated" },
      ],
    });
    expect(issues.map((i) => i.field)).toEqual(["permissions[0].value", "permissions[1].value"]);
    expect(issues[0]?.message).toContain("Mail.ReadWrite");
    expect(issues[1]?.message).toContain("known: none");
  });
});

describe("parseProfileJson", () => {
  it("turns bad JSON into an issue on the document", () => {
    const result = parseProfileJson("{ name: ");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe("profile");
  });

  it("parses good JSON text", () => {
    expect(parseProfileJson(JSON.stringify(good)).ok).toBe(true);
  });
});

describe("helpers", () => {
  it("formats field paths and issue lists", () => {
    expect(fieldPath(["permissions", 3, "kind"])).toBe("permissions[3].kind");
    expect(fieldPath([])).toBe("profile");
    expect(formatProfileIssues([{ field: "name", message: "is bad" }])).toBe("name: is bad");
  });
});
