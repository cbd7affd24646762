import type { PermissionStatusRow, PermissionsView } from "@boxafe-connect/core";
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

const row = (value: string, kind: PermissionStatusRow["kind"], status: PermissionStatusRow["status"]) =>
  ({ resource: "microsoft-graph", value, kind, status, advisories: [] }) satisfies PermissionStatusRow;

describe("reviewGroups", () => {
  it("marks what the plan assigns or widens as missing, the rest as granted, retired APIs as retired", () => {
    // Core's statuses: Mail not declared, User.Read declared without consent, openid consented.
    const statuses = [
      row("Mail.ReadWrite", "application", "missing"),
      row("User.Read", "delegated", "declared-only"),
      row("openid", "delegated", "granted"),
      row("Notes.ReadWrite.All", "application", "retired"),
    ];
    const [group] = reviewGroups(view, statuses, () => "microsoft-graph");
    expect(group?.permissions.map((p) => [p.value, p.status])).toEqual([
      ["Mail.ReadWrite", "missing"],
      ["User.Read", "missing"],
      ["openid", "granted"],
      ["Notes.ReadWrite.All", "retired"],
    ]);
  });

  it("keys by resource, kind and value: the same name under another resource or kind is not mixed up", () => {
    const statuses = [
      row("Mail.ReadWrite", "application", "granted"),
      { ...row("User.Read", "delegated", "granted"), resource: "azure-ad-graph" as const },
      row("User.Read", "application", "granted"),
    ];
    const [group] = reviewGroups(view, statuses, () => "microsoft-graph");
    expect(group?.permissions.map((p) => [p.value, p.status])).toEqual([
      ["Mail.ReadWrite", "granted"],
      ["User.Read", "missing"],
      ["openid", "missing"],
      ["Notes.ReadWrite.All", "missing"],
    ]);
  });
});
