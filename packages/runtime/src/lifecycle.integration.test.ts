/** Rotation, adoption, drift repair, removal and the certificate path, against the sandbox. */

import { makeCertificate } from "@boxafe-connect/certs";
import {
  apply,
  boxafeProfile,
  checkDrift,
  confirmHandOver,
  removeApplication,
  resolveProfile,
  retireCredentials,
  rotateSecret,
  runRequests,
  verify,
} from "@boxafe-connect/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boxafeDesired, type Harness, holdings, runSetup, startHarness } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";

const GRAPH = "https://graph.microsoft.com";

describe("lifecycle", () => {
  let h: Harness;
  let token: string;
  let clean: ReturnType<typeof holdings>;
  const appToken = () => createMsalAppTokenPort({ authorityHost: h.sandbox.url });

  beforeAll(async () => {
    h = await startHarness();
    token = await h.signIn(h.sandbox.admin.upn);
    await h.reset();
    await runSetup(h.deps(h.graph(token)));
    clean = holdings(await h.state());
  });
  beforeEach(async () => h.reset());
  afterAll(async () => h?.stop());

  it("rotates in two phases: both secrets work until retire, then only the new one; others stay", async () => {
    const deps = h.deps(h.graph(token));
    const first = await runSetup(deps);
    const appId = first.result.application.appId;
    // A secret someone else made on the same app must survive.
    await runRequests(deps, [
      {
        id: "1",
        method: "POST",
        url: `/applications/${first.result.application.id}/addPassword`,
        body: { passwordCredential: { displayName: "ops team" } },
      },
    ]);
    const rotated = await rotateSecret(
      { ...deps, appToken: appToken() },
      {
        tenantId: h.sandbox.tenantId,
        appKey: { appId },
        endDateTime: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        cloud: h.cloud,
      },
    );
    await confirmHandOver(deps, { appObjectId: rotated.appObjectId, pendingIds: rotated.pendingIds });
    const port = appToken();
    const request = { tenantId: h.sandbox.tenantId, clientId: appId, resource: GRAPH };
    const withSecret = (secret: string) =>
      port.acquire({ ...request, credential: { kind: "secret", secret } });
    // Phase one: the new secret works and the old one still does (Boxafe holds it until the paste).
    await expect(withSecret(rotated.secret.secretText)).resolves.toMatch(/^ey/);
    await expect(withSecret(first.result.secret?.secretText ?? "")).resolves.toMatch(/^ey/);
    expect((await h.state()).applications[0]?.passwordCredentials).toHaveLength(3);
    // Phase two: retire proves the newest, removes the old one of ours, never "ops team".
    const retired = await retireCredentials(
      { ...deps, appToken: appToken() },
      {
        tenantId: h.sandbox.tenantId,
        appKey: { appId },
        cloud: h.cloud,
        proof: { kind: "secret", secret: rotated.secret.secretText },
        keep: 1,
      },
    );
    expect(retired.removedKeyIds).toEqual([first.result.secret?.keyId]);
    const names = (await h.state()).applications[0]?.passwordCredentials.map((p) => p.displayName) ?? [];
    expect(names).toHaveLength(2);
    expect(names).toContain("ops team");
    await expect(withSecret(rotated.secret.secretText)).resolves.toMatch(/^ey/);
    await expect(withSecret(first.result.secret?.secretText ?? "")).rejects.toMatchObject({
      code: "invalid_client_credentials",
    });
  });

  it("adopts an app registered by hand (by appId) and completes it", async () => {
    const deps = h.deps(h.graph(token));
    const made = await runRequests(deps, [
      {
        id: "1",
        method: "POST",
        url: "/applications",
        body: { displayName: "Boxafe (by hand)", signInAudience: "AzureADMyOrg" },
      },
    ]);
    const created = made.get("1");
    const appId = created?.kind === "ok" ? String((created.response.body as { appId: string }).appId) : "";
    // An app registered by hand was made well before the admin runs setup with its ID: let Entra's
    // replication pass (the harness runs with Entra timing on), or a read of it by appId may hit a
    // replica that has not seen it and the adoption rightly reports that no such app exists.
    await h.replicated();
    const run = await runSetup(deps, { appKey: { appId } });
    expect(run.observed.application?.appId).toBe(appId);
    expect(run.result.application.appId).toBe(appId);
    const state = await h.state();
    expect(state.applications).toHaveLength(1);
    expect(holdings(state)).toEqual(clean);
    expect((state.applications[0] as { displayName?: string }).displayName).toBe("Boxafe (by hand)");
    const again = await runSetup(deps, { appKey: { appId } });
    expect(again.plan.actions).toEqual([]);
  });

  it("finds drift (a removed assignment, a narrowed grant) and repairs it", async () => {
    const deps = h.deps(h.graph(token));
    const run = await runSetup(deps);
    const sp = run.result.servicePrincipalId;
    const state = await h.state();
    const assignment = state.appRoleAssignments.find((a) => a.principalId === sp);
    const grant = state.oauth2PermissionGrants.find((g) => g.clientId === sp && g.scope.includes("openid"));
    await runRequests(deps, [
      { id: "1", method: "DELETE", url: `/servicePrincipals/${sp}/appRoleAssignments/${assignment?.id}` },
      { id: "2", method: "PATCH", url: `/oauth2PermissionGrants/${grant?.id}`, body: { scope: "openid" } },
    ]);
    const desired = boxafeDesired(Date.now());
    const drift = await checkDrift(deps, desired);
    expect(drift.drift).toBe(true);
    expect(drift.plan.actions.map((a) => a.type).sort()).toEqual(["assign-app-role", "update-grant"]);
    await apply(deps, drift.plan, drift.observed);
    expect((await checkDrift(deps, desired)).drift).toBe(false);
    expect(holdings(await h.state())).toEqual(clean);
  });

  it("removes the app, its service principal and its consents; a second removal is a no-op", async () => {
    const deps = h.deps(h.graph(token));
    const run = await runSetup(deps);
    const removed = await removeApplication(deps, { appId: run.result.application.appId });
    // Its one secret comes off first (Entra keeps the deleted app 30 days, restorable with credentials).
    expect(removed).toEqual({
      removed: true,
      appId: run.result.application.appId,
      credentialsRemoved: 1,
      purged: false,
    });
    const state = await h.state();
    expect(state.applications).toEqual([]);
    expect(state.servicePrincipals.some((s) => s.appId === run.result.application.appId)).toBe(false);
    expect(state.appRoleAssignments.some((a) => a.principalId === run.result.servicePrincipalId)).toBe(false);
    expect(state.oauth2PermissionGrants.some((g) => g.clientId === run.result.servicePrincipalId)).toBe(
      false,
    );
    expect(await removeApplication(deps, { appId: run.result.application.appId })).toEqual({
      removed: false,
      credentialsRemoved: 0,
      purged: false,
    });
  });

  it("adds a certificate (keeping other keys) and proves it with a certificate assertion", async () => {
    const deps = h.deps(h.graph(token));
    const cert = await makeCertificate(globalThis.crypto, {
      subject: "QNAP Boxafe",
      days: 365,
      pfxPassword: "pfx",
    });
    const run = await runSetup(deps, {
      certificate: {
        displayName: "CN=QNAP Boxafe",
        derBase64: cert.derBase64,
        thumbprint: cert.thumbprint,
        endDateTime: cert.notAfter,
      },
    });
    expect(run.result.certificateKeyId).toMatch(/^[0-9a-f-]{36}$/);
    // A second certificate keeps the first.
    const second = await makeCertificate(globalThis.crypto, {
      subject: "QNAP Boxafe 2",
      days: 90,
      pfxPassword: "pfx",
    });
    await runSetup(deps, {
      certificate: {
        displayName: "CN=QNAP Boxafe 2",
        derBase64: second.derBase64,
        thumbprint: second.thumbprint,
        endDateTime: second.notAfter,
      },
    });
    expect((await h.state()).applications[0]?.keyCredentials).toHaveLength(2);
    const report = await verify(
      { ...nodePorts(), appToken: appToken(), graph: h.graph(token) },
      {
        tenantId: h.sandbox.tenantId,
        clientId: run.result.application.appId,
        credential: {
          kind: "certificate",
          certificatePem: cert.certificatePem,
          privateKeyPem: cert.privateKeyPem,
        },
        permissions: resolveProfile(boxafeProfile),
        sharePointTenant: "contoso",
        cloud: h.cloud,
        deadlineMs: 20_000,
      },
    );
    expect(report.tokens.every((t) => t.ok)).toBe(true);
    expect(report.complete).toBe(true);
  });
});
