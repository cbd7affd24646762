import type { PermissionsView, Plan } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { reviewGroups } from "./review-rows.js";

const view: PermissionsView = {
  profile: "test",
  resources: [
    {
      name: "Microsoft Graph",
      appId: "graph",
      permissions: [
        {
          value: "Mail.ReadWrite",
          kind: "application",
          id: "1",
          description: "",
          adminConsentRequired: true,
          advisories: [],
        },
        {
          value: "User.Read",
          kind: "delegated",
          id: "2",
          description: "",
          adminConsentRequired: false,
          advisories: [],
        },
        {
          value: "openid",
          kind: "delegated",
          id: "3",
          description: "",
          adminConsentRequired: false,
          advisories: [],
        },
        {
          value: "Notes.ReadWrite.All",
          kind: "application",
          id: "4",
          description: "",
          adminConsentRequired: true,
          advisories: [
            {
              id: "onenote-app-only-ended",
              title: "OneNote",
              status: "retired",
              effectiveOn: "2025-03-31",
              action: "",
            },
          ],
        },
      ],
    },
  ],
};

describe("reviewGroups", () => {
  it("marks what the plan assigns or widens as missing, the rest as granted, retired APIs as retired", () => {
    const plan: Plan = {
      actions: [
        { type: "assign-app-role", resource: "microsoft-graph", value: "Mail.ReadWrite", appRoleId: "1" },
        {
          type: "assign-app-role",
          resource: "microsoft-graph",
          value: "Notes.ReadWrite.All",
          appRoleId: "4",
        },
        {
          type: "update-grant",
          resource: "microsoft-graph",
          grantId: "g",
          scope: "openid User.Read",
          previousScope: "openid",
        },
      ],
      findings: [],
    };
    const [group] = reviewGroups(view, plan, () => "microsoft-graph");
    expect(group?.permissions.map((p) => [p.value, p.status])).toEqual([
      ["Mail.ReadWrite", "missing"],
      ["User.Read", "missing"],
      ["openid", "granted"],
      ["Notes.ReadWrite.All", "retired"],
    ]);
  });
});
