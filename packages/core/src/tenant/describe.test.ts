import { describe, expect, it } from "vitest";
import { ACTION_TYPES, describeAction, summarizePlan } from "./describe.js";
import type { Action } from "./model.js";
import { plan } from "./plan.js";
import { desiredOf, emptyTenant, NOW, resourcesFor, TABLE_1 } from "./test-fixtures.js";

const samples: Action[] = [
  {
    type: "upsert-resource-service-principal",
    resource: "onenote",
    appId: "2d4d3d8e-2be3-4bef-9f87-7875a61c29de",
  },
  {
    type: "upsert-application",
    appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
    displayName: "QNAP Boxafe",
    requiredResourceAccess: [{ resourceAppId: "a", resourceAccess: [{ id: "1", type: "Role" }] }],
  },
  {
    type: "upsert-application",
    appKey: { appId: "11111111-2222-4333-8444-555555555555" },
    displayName: "Legacy",
    requiredResourceAccess: [],
  },
  { type: "upsert-service-principal" },
  { type: "add-password", displayName: "boxafe-connect 1", endDateTime: "2027-05-26T12:00:00.000Z" },
  { type: "remove-password", keyId: "k-1", reason: "expired" },
  {
    type: "add-certificate",
    displayName: "CN=QNAP",
    derBase64: "MIIB",
    thumbprint: "AB12",
    endDateTime: "2027-01-01T00:00:00Z",
  },
  {
    type: "assign-app-role",
    resource: "exchange-online",
    value: "full_access_as_app",
    appRoleId: "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
  },
  {
    type: "remove-app-role-assignment",
    resource: "microsoft-graph",
    value: "Mail.Send",
    assignmentId: "as-1",
  },
  { type: "create-grant", resource: "microsoft-graph", scope: "openid User.Read" },
  {
    type: "update-grant",
    resource: "microsoft-graph",
    grantId: "g",
    scope: "openid User.Read",
    previousScope: "openid",
  },
];

describe("describeAction", () => {
  it("gives one line per action naming what changes", () => {
    const lines = samples.map(describeAction);
    for (const line of lines) expect(line).not.toMatch(/\n/);
    expect(lines).toEqual([
      "Add the OneNote service principal (appId 2d4d3d8e-2be3-4bef-9f87-7875a61c29de) to the tenant",
      'Register or update app "QNAP Boxafe" (uniqueName boxafe-connect-qnap-boxafe) declaring 1 permission on 1 API',
      'Update app "Legacy" (appId 11111111-2222-4333-8444-555555555555) declaring 0 permissions on 0 APIs',
      "Create the app's enterprise application (service principal)",
      'Add client secret "boxafe-connect 1" valid until 2027-05-26',
      "Remove client secret k-1 (expired)",
      'Upload certificate "CN=QNAP" (thumbprint AB12) valid until 2027-01-01',
      "Grant admin consent: Office 365 Exchange Online full_access_as_app (application)",
      "Revoke Microsoft Graph Mail.Send (application)",
      'Grant admin consent for all users: Microsoft Graph "openid User.Read" (delegated)',
      'Change the delegated grant on Microsoft Graph from "openid" to "openid User.Read"',
    ]);
    expect(new Set(samples.map((a) => a.type)).size).toBe(ACTION_TYPES.length);
  });
});

describe("summarizePlan", () => {
  it("counts per action type (all types present, zeros included) and keeps findings", () => {
    const p = plan(desiredOf(TABLE_1), emptyTenant(resourcesFor(TABLE_1)), NOW);
    const summary = summarizePlan(p);
    expect(summary.total).toBe(26);
    expect(summary.counts).toEqual({
      "upsert-resource-service-principal": 0,
      "upsert-application": 1,
      "upsert-service-principal": 1,
      "add-password": 1,
      "remove-password": 0,
      "add-certificate": 0,
      "assign-app-role": 20,
      "remove-app-role-assignment": 0,
      "create-grant": 3,
      "update-grant": 0,
    });
    expect(summary.actions).toHaveLength(26);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
