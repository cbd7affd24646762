import { describe, expect, it } from "vitest";
import { permissionStatuses } from "./permission-status.js";
import { plan } from "./plan.js";
import {
  APP_ID,
  APP_OBJECT_ID,
  desiredOf,
  emptyTenant,
  NOW,
  permission,
  resourcesFor,
  SP_ID,
  simulateApply,
  spIdOf,
  TABLE_1,
} from "./test-fixtures.js";

const mail = permission("microsoft-graph", "application", "Mail.ReadWrite", "role-mail");
const files = permission("microsoft-graph", "application", "Files.ReadWrite.All", "role-files");
const userRead = permission("microsoft-graph", "delegated", "User.Read", "scope-user-read");
const openid = permission("microsoft-graph", "delegated", "openid", "scope-openid");
const notes = permission("onenote", "application", "Notes.ReadWrite.All", "role-notes");
const profile = [mail, files, userRead, openid, notes];

const statusOf = (rows: ReturnType<typeof permissionStatuses>) =>
  rows.map((r) => `${r.resource} ${r.kind} ${r.value}: ${r.status}`);

describe("permissionStatuses", () => {
  it("a tenant without the app: everything missing, retired APIs retired", () => {
    const rows = permissionStatuses(desiredOf(profile), emptyTenant(resourcesFor(profile)));
    expect(statusOf(rows)).toEqual([
      "microsoft-graph application Mail.ReadWrite: missing",
      "microsoft-graph application Files.ReadWrite.All: missing",
      "microsoft-graph delegated User.Read: missing",
      "microsoft-graph delegated openid: missing",
      "onenote application Notes.ReadWrite.All: retired",
    ]);
    expect(rows[4]?.advisories.map((a) => a.id)).toEqual(["onenote-app-only-ended"]);
    expect(rows[0]?.advisories).toEqual([]);
  });

  it("tells granted, declared-only (declared, no consent) and missing apart", () => {
    const observed = {
      ...emptyTenant(resourcesFor(profile)),
      application: {
        id: APP_OBJECT_ID,
        appId: APP_ID,
        uniqueName: null,
        displayName: "QNAP Boxafe",
        signInAudience: "AzureADMyOrg",
        // Mail and User.Read declared; Files and openid not.
        requiredResourceAccess: [
          {
            resourceAppId: "00000003-0000-0000-c000-000000000000",
            resourceAccess: [
              { id: "ROLE-MAIL", type: "Role" as const },
              { id: "scope-user-read", type: "Scope" as const },
            ],
          },
        ],
        passwordCredentials: [],
        keyCredentials: [],
      },
      servicePrincipal: { id: SP_ID, appId: APP_ID },
      assignments: [
        // Files is consented (not declared: still granted, consent is what counts).
        { id: "as-1", principalId: SP_ID, resourceId: spIdOf("microsoft-graph"), appRoleId: "ROLE-FILES" },
        // Someone else's assignment of Mail does not count for our app.
        {
          id: "as-2",
          principalId: "other-sp",
          resourceId: spIdOf("microsoft-graph"),
          appRoleId: "role-mail",
        },
      ],
      grants: [
        {
          id: "g-1",
          clientId: SP_ID,
          resourceId: spIdOf("microsoft-graph"),
          consentType: "AllPrincipals" as const,
          scope: "openid profile",
        },
        {
          id: "g-2",
          clientId: SP_ID,
          resourceId: spIdOf("microsoft-graph"),
          consentType: "Principal" as const,
          principalId: "user-1",
          scope: "User.Read",
        },
      ],
    };
    expect(statusOf(permissionStatuses(desiredOf(profile), observed))).toEqual([
      "microsoft-graph application Mail.ReadWrite: declared-only",
      "microsoft-graph application Files.ReadWrite.All: granted",
      "microsoft-graph delegated User.Read: declared-only",
      "microsoft-graph delegated openid: granted",
      "onenote application Notes.ReadWrite.All: retired",
    ]);
  });

  it("matches by the tenant's live id when it differs from the catalog's", () => {
    const live = { ...mail, id: "live-mail-id" };
    const observed = {
      ...emptyTenant(resourcesFor([live])),
      servicePrincipal: { id: SP_ID, appId: APP_ID },
      assignments: [
        { id: "as-1", principalId: SP_ID, resourceId: spIdOf("microsoft-graph"), appRoleId: "live-mail-id" },
      ],
    };
    expect(statusOf(permissionStatuses(desiredOf([mail]), observed))).toEqual([
      "microsoft-graph application Mail.ReadWrite: granted",
    ]);
  });

  it("a resource missing from the tenant leaves its permissions missing", () => {
    const observed = {
      ...emptyTenant({}),
      servicePrincipal: { id: SP_ID, appId: APP_ID },
      assignments: [{ id: "a", principalId: SP_ID, resourceId: "sp-unknown", appRoleId: "role-mail" }],
    };
    expect(permissionStatuses(desiredOf([mail]), observed).map((r) => r.status)).toEqual(["missing"]);
  });

  it("after the plan is applied, Table 1 reads granted except the retired APIs", () => {
    const desired = desiredOf(TABLE_1);
    const before = emptyTenant(resourcesFor(TABLE_1));
    const after = simulateApply(plan(desired, before, NOW), before, NOW);
    const rows = permissionStatuses(desired, after);
    expect(rows).toHaveLength(26);
    const counts = Object.fromEntries(
      ["granted", "missing", "declared-only", "retired"].map((s) => [
        s,
        rows.filter((r) => r.status === s).length,
      ]),
    );
    expect(counts).toEqual({ granted: 18, missing: 0, "declared-only": 0, retired: 8 });
    expect(rows.filter((r) => r.status === "retired").map((r) => `${r.resource} ${r.value}`)).toEqual([
      "azure-ad-graph User.Read",
      "exchange-online Calendars.ReadWrite.All",
      "exchange-online Contacts.ReadWrite",
      "exchange-online MailboxSettings.ReadWrite",
      "exchange-online Mail.ReadWrite",
      "exchange-online Tasks.ReadWrite",
      "microsoft-graph Notes.ReadWrite.All",
      "onenote Notes.ReadWrite.All",
    ]);
  });
});
