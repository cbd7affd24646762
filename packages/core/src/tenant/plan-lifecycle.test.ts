import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import { resourceAppId } from "./catalog-link.js";
import type { Action, ObservedTenant, Plan } from "./model.js";
import { plan } from "./plan.js";
import {
  APP_ID,
  DAY,
  desiredOf,
  emptyTenant,
  NOW,
  resourcesFor,
  secret,
  simulateApply,
  TABLE_1,
} from "./test-fixtures.js";

const ofType = <T extends Action["type"]>(p: Plan, type: T) =>
  p.actions.filter((a): a is Extract<Action, { type: T }> => a.type === type);
const fresh = (): ObservedTenant => emptyTenant(resourcesFor(TABLE_1));
const complete = (): ObservedTenant => simulateApply(plan(desiredOf(TABLE_1), fresh(), NOW), fresh(), NOW);
const withSecrets = (tenant: ObservedTenant, passwords: ReturnType<typeof secret>[]): ObservedTenant => {
  if (tenant.application === undefined) throw new Error("fixture");
  return { ...tenant, application: { ...tenant.application, passwordCredentials: passwords } };
};

describe("plan: declared but unconsented", () => {
  it("only assigns and grants; no app upsert, one finding per permission", () => {
    const tenant = { ...complete(), assignments: [], grants: [] };
    const p = plan(desiredOf(TABLE_1), tenant, NOW);
    expect(new Set(p.actions.map((a) => a.type))).toEqual(new Set(["assign-app-role", "create-grant"]));
    expect(ofType(p, "assign-app-role")).toHaveLength(20);
    expect(ofType(p, "create-grant")).toHaveLength(3);
    expect(p.findings.filter((f) => f.kind === "unconsented")).toHaveLength(26);
  });
});

describe("plan: secrets", () => {
  const desired = desiredOf(TABLE_1);

  it("adds a new secret when ours expires within the renewal window and reports it", () => {
    const p = plan(desired, withSecrets(complete(), [secret("boxafe-connect old", 10)]), NOW);
    expect(p.actions).toEqual([
      {
        type: "add-password",
        displayName: "boxafe-connect 2026-11-27",
        endDateTime: new Date(NOW + 180 * DAY).toISOString(),
      },
    ]);
    expect(p.findings).toEqual([
      expect.objectContaining({ kind: "secret-expiring", message: expect.stringMatching(/in 10 days/) }),
    ]);
  });

  it("reports an expired secret and removes only our expired ones, and only with removeExtra", () => {
    const passwords = [
      secret("boxafe-connect old", -5, "ours-old"),
      secret("Manual", -5, "theirs-old"),
      secret("boxafe-connect new", 100),
    ];
    const kept = plan(desired, withSecrets(complete(), passwords), NOW);
    expect(kept.actions).toEqual([]);
    expect(kept.findings.filter((f) => f.kind === "secret-expired")).toHaveLength(2);
    expect(kept.findings.find((f) => f.message.includes("theirs-old"))?.message).toMatch(
      /not made by boxafe-connect/,
    );
    const cleaned = plan(desiredOf(TABLE_1, { removeExtra: true }), withSecrets(complete(), passwords), NOW);
    expect(cleaned.actions).toEqual([{ type: "remove-password", keyId: "ours-old", reason: "expired" }]);
  });

  it("does not add a secret when one of ours is valid beyond the window", () => {
    const p = plan(desired, withSecrets(complete(), [secret("boxafe-connect current", 31)]), NOW);
    expect(p).toEqual({ actions: [], findings: [] });
  });

  it("does not count a secret someone else made (its text is not ours to hand over)", () => {
    const p = plan(desired, withSecrets(complete(), [secret("Manual", 300)]), NOW);
    expect(ofType(p, "add-password")).toHaveLength(1);
  });

  it("adds no secret when none is wanted, yet still reports expiry", () => {
    const p = plan(
      desiredOf(TABLE_1, { secret: undefined }),
      withSecrets(complete(), [secret("boxafe-connect x", 3)]),
      NOW,
    );
    expect(p.actions).toEqual([]);
    expect(p.findings.map((f) => f.kind)).toEqual(["secret-expiring"]);
  });
});

describe("plan: adopting an existing app by appId", () => {
  const adopt = desiredOf(TABLE_1, { appKey: { appId: APP_ID }, displayName: "QNAP Boxafe" });

  it("upserts the existing app by appId, keeps its name, and adds no new app", () => {
    const existing = complete();
    const app = existing.application;
    if (app === undefined) throw new Error("fixture");
    const tenant = {
      ...existing,
      application: { ...app, displayName: "Backup (legacy)", requiredResourceAccess: [] },
      assignments: [],
    };
    const p = plan(adopt, tenant, NOW);
    const upserts = ofType(p, "upsert-application");
    expect(upserts).toHaveLength(1);
    expect(upserts[0]?.appKey).toEqual({ appId: APP_ID });
    expect(upserts[0]?.displayName).toBe("Backup (legacy)");
    expect(ofType(p, "upsert-service-principal")).toEqual([]);
    expect(ofType(p, "assign-app-role")).toHaveLength(20);
  });

  it("has nothing to do for a complete adopted app, whatever its name", () => {
    const existing = complete();
    const app = existing.application;
    if (app === undefined) throw new Error("fixture");
    expect(plan(adopt, { ...existing, application: { ...app, displayName: "Other" } }, NOW).actions).toEqual(
      [],
    );
  });

  it("fails with not_found naming appId when the app is not in the tenant", () => {
    try {
      plan(adopt, fresh(), NOW);
      expect.unreachable();
    } catch (error) {
      expect(isCoreError(error) && [error.code, error.field]).toEqual(["not_found", "appId"]);
    }
  });

  it("renames our own app when the display name changes", () => {
    const p = plan(desiredOf(TABLE_1, { displayName: "QNAP Boxafe Prod" }), complete(), NOW);
    expect(p.actions.map((a) => a.type)).toEqual(["upsert-application"]);
  });
});

describe("plan: certificate", () => {
  const cert = {
    displayName: "CN=QNAP Boxafe",
    derBase64: "MIIB",
    thumbprint: "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678",
    endDateTime: "2027-11-27T00:00:00.000Z",
  };
  const withKey = (customKeyIdentifier: string): ObservedTenant => {
    const tenant = complete();
    if (tenant.application === undefined) throw new Error("fixture");
    const key = {
      keyId: "k1",
      displayName: "CN=x",
      type: "AsymmetricX509Cert",
      usage: "Verify",
      startDateTime: "2026-01-01T00:00:00Z",
      endDateTime: "2027-01-01T00:00:00Z",
      customKeyIdentifier,
    };
    return { ...tenant, application: { ...tenant.application, keyCredentials: [key] } };
  };

  it("adds the certificate when absent", () => {
    expect(plan(desiredOf(TABLE_1, { certificate: cert }), complete(), NOW).actions).toEqual([
      { type: "add-certificate", ...cert },
    ]);
    expect(plan(desiredOf(TABLE_1, { certificate: cert }), withKey("FFFF"), NOW).actions).toHaveLength(1);
  });

  it("skips it when the same thumbprint is present, as hex in any case or as base64", () => {
    expect(
      plan(desiredOf(TABLE_1, { certificate: cert }), withKey(cert.thumbprint.toLowerCase()), NOW).actions,
    ).toEqual([]);
    expect(
      plan(desiredOf(TABLE_1, { certificate: cert }), withKey("obLD1OX2BxgpOktcbX6PkBI0Vng="), NOW).actions,
    ).toEqual([]);
  });
});

describe("plan: resource service principals", () => {
  it("uses the live id when it differs from the catalog and says so", () => {
    const resources = resourcesFor(TABLE_1);
    const graph = resources["microsoft-graph"];
    if (graph === undefined) throw new Error("fixture");
    const live = "99999999-9999-4999-8999-999999999999";
    const appRoles = graph.appRoles.map((r) => (r.value === "Mail.ReadWrite" ? { ...r, id: live } : r));
    const p = plan(
      desiredOf(TABLE_1),
      emptyTenant({ ...resources, "microsoft-graph": { ...graph, appRoles } }),
      NOW,
    );
    expect(ofType(p, "assign-app-role")).toContainEqual({
      type: "assign-app-role",
      resource: "microsoft-graph",
      value: "Mail.ReadWrite",
      appRoleId: live,
    });
    const declared = ofType(p, "upsert-application")[0]?.requiredResourceAccess.find(
      (g) => g.resourceAppId === resourceAppId("microsoft-graph"),
    );
    expect(declared?.resourceAccess).toContainEqual({ id: live, type: "Role" });
    expect(p.findings).toEqual([
      expect.objectContaining({ kind: "id-mismatch", resource: "microsoft-graph", value: "Mail.ReadWrite" }),
    ]);
  });

  it("adds a missing resource service principal first and consents with the catalog GUID", () => {
    const { onenote: _gone, ...rest } = resourcesFor(TABLE_1);
    const p = plan(desiredOf(TABLE_1), emptyTenant(rest), NOW);
    expect(p.actions[0]).toEqual({
      type: "upsert-resource-service-principal",
      resource: "onenote",
      appId: resourceAppId("onenote"),
    });
    const note = TABLE_1.find((e) => e.resource === "onenote");
    expect(ofType(p, "assign-app-role")).toContainEqual({
      type: "assign-app-role",
      resource: "onenote",
      value: "Notes.ReadWrite.All",
      appRoleId: note?.id,
    });
    expect(p.findings.map((f) => f.kind)).toEqual(["missing-resource"]);
  });

  it("declares but does not consent a permission the tenant's resource no longer offers", () => {
    const resources = resourcesFor(TABLE_1);
    const aad = resources["azure-ad-graph"];
    if (aad === undefined) throw new Error("fixture");
    const p = plan(
      desiredOf(TABLE_1),
      emptyTenant({ ...resources, "azure-ad-graph": { ...aad, scopes: [] } }),
      NOW,
    );
    expect(ofType(p, "create-grant").map((g) => g.resource)).toEqual(["exchange-online", "microsoft-graph"]);
    expect(ofType(p, "upsert-application")[0]?.requiredResourceAccess).toHaveLength(5);
    expect(p.findings).toEqual([
      expect.objectContaining({ kind: "permission-not-offered", value: "User.Read" }),
    ]);
  });

  it("never duplicates an action when the profile lists a permission twice", () => {
    const p = plan(desiredOf([...TABLE_1, ...TABLE_1]), fresh(), NOW);
    expect(p.actions).toHaveLength(26);
  });
});
