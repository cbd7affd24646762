import type { Action } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { createStyle } from "../style.js";
import { reviewLines } from "./review.js";

describe("reviewLines", () => {
  it("groups consent by API and marks retired permissions", () => {
    const actions: Action[] = [
      { type: "upsert-service-principal" },
      { type: "assign-app-role", resource: "microsoft-graph", value: "User.ReadWrite.All", appRoleId: "r1" },
      { type: "assign-app-role", resource: "onenote", value: "Notes.ReadWrite.All", appRoleId: "r2" },
      { type: "create-grant", resource: "microsoft-graph", scope: "openid User.Read" },
      { type: "create-grant", resource: "azure-ad-graph", scope: "User.Read" },
    ];
    const lines = reviewLines(actions, createStyle(false));
    expect(lines[0]).toMatch(/^• /);
    expect(lines).toContain("Microsoft Graph");
    expect(lines).toContain("  application (1): User.ReadWrite.All");
    expect(lines).toContain("  delegated (2): openid, User.Read");
    expect(lines).toContain("  application (1): Notes.ReadWrite.All [RETIRED 2025-03-31]");
    expect(lines).toContain("  delegated (1): User.Read [RETIRED 2025-08-31]");
  });
});
