import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { PermissionGroup } from "./permission-table.js";
import { PermissionTable } from "./permission-table.js";

const groups: PermissionGroup[] = [
  {
    name: "Azure Active Directory Graph",
    appId: "00000002-0000-0000-c000-000000000000",
    permissions: [
      {
        value: "User.Read",
        kind: "delegated",
        description: "Sign in and read user profile",
        adminConsentRequired: false,
        status: "retired",
        advisories: [
          {
            id: "azure-ad-graph-retired",
            title: "Azure AD Graph is retired",
            status: "retired",
            effectiveOn: "2025-08-31",
            action: "Use Microsoft Graph instead.",
          },
        ],
      },
    ],
  },
  {
    name: "Microsoft Graph",
    appId: "00000003-0000-0000-c000-000000000000",
    permissions: [
      {
        value: "openid",
        kind: "delegated",
        description: "Sign users in",
        adminConsentRequired: false,
        status: "granted",
        advisories: [],
      },
      {
        value: "Sites.FullControl.All",
        kind: "application",
        description: "Full control",
        adminConsentRequired: true,
        status: "missing",
        advisories: [],
      },
    ],
  },
];

describe("PermissionTable", () => {
  it("groups rows by API with counts, like the portal", () => {
    render(() => <PermissionTable groups={groups} caption="Permissions" />);
    const heads = screen.getAllByRole("rowheader").map((h) => h.textContent);
    expect(heads).toEqual(["Azure Active Directory Graph (1)", "Microsoft Graph (2)"]);
    expect(screen.getByTestId("permission-summary")).toHaveTextContent(
      "3 permissions1 granted1 missing1 on retired APIs",
    );
  });

  it("shows type, consent and status per permission", () => {
    render(() => <PermissionTable groups={groups} caption="Permissions" />);
    const row = screen.getByText("Sites.FullControl.All").closest("tr");
    if (!row) throw new Error("row not found");
    const cells = within(row)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual(["Sites.FullControl.All", "Application", "Full control", "Yes", "Missing"]);
  });

  it("opens the advisory under its row when asked", () => {
    render(() => <PermissionTable groups={groups} caption="Permissions" />);
    const toggle = screen.getByRole("button", { name: "Advisory" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    const advisory = screen.getByText(/Use Microsoft Graph instead/).closest("tr");
    expect(advisory).not.toBeVisible();
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(toggle).toHaveTextContent("Hide advisory");
    expect(advisory).toBeVisible();
    expect(advisory).toHaveTextContent(
      "Azure AD Graph is retired (retired since 2025-08-31). Use Microsoft Graph instead.",
    );
  });
});
