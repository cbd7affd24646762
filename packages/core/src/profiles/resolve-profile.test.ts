import { describe, expect, it } from "vitest";
import type { Profile } from "../catalog/types.js";
import { CoreError } from "../errors.js";
import { resolveProfile } from "./resolve-profile.js";

function thrown(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error("expected a CoreError");
}

describe("resolveProfile", () => {
  it("returns catalog entries with GUIDs in profile order", () => {
    const profile: Profile = {
      name: "p",
      permissions: [
        { resource: "sharepoint", kind: "application", value: "Sites.FullControl.All" },
        { resource: "microsoft-graph", kind: "application", value: "Sites.FullControl.All" },
      ],
    };
    expect(resolveProfile(profile).map((p) => p.id)).toEqual([
      "678536fe-1083-478a-9c59-b99265e6b0d3",
      "a82116e5-55eb-4c41-a434-62fe8a61c773",
    ]);
  });

  it("throws unknown_permission naming the entry", () => {
    const profile: Profile = {
      name: "p",
      permissions: [
        { resource: "microsoft-graph", kind: "delegated", value: "openid" },
        { resource: "onenote", kind: "delegated", value: "Notes.ReadWrite.All" },
      ],
    };
    const error = thrown(() => resolveProfile(profile));
    expect(error.code).toBe("unknown_permission");
    expect(error.field).toBe("permissions[1]");
    expect(error.message).toContain("Notes.ReadWrite.All");
  });

  it("throws invalid_profile for a duplicate entry", () => {
    const ref = { resource: "microsoft-graph", kind: "delegated", value: "openid" } as const;
    const error = thrown(() => resolveProfile({ name: "p", permissions: [ref, ref] }));
    expect(error.code).toBe("invalid_profile");
    expect(error.field).toBe("permissions[1]");
  });

  it("checks retired entries too before leaving them out", () => {
    const profile: Profile = {
      name: "p",
      permissions: [
        { resource: "azure-ad-graph", kind: "delegated", value: "User.Read" },
        { resource: "azure-ad-graph", kind: "delegated", value: "User.Read" },
      ],
    };
    expect(() => resolveProfile(profile, { skipRetired: true })).toThrow(/twice/);
    expect(
      resolveProfile({ name: "p", permissions: profile.permissions.slice(0, 1) }, { skipRetired: true }),
    ).toEqual([]);
  });
});
