/**
 * The fault matrix for the secret lifecycle's writes after setup (`secret rotate`'s addPassword,
 * `secret retire`'s removePassword, `remove`'s removePassword and DELETE): each answer lost or 504
 * after the sandbox committed it (the sub-response, or the whole $batch), then the same job again.
 * addPassword is never resent blindly (add-password.ts): a rotation ends with exactly one new secret,
 * the one handed back, beside the old one Boxafe still holds. removePassword and DELETE are resent
 * (a secret or app already gone is success): retire and remove converge and a re-run changes nothing.
 * A rotation whose hand-over never happened leaves a secret nobody holds; retire, proving the secret
 * Boxafe still holds, removes that one and never the held one. Last, the same jobs under the
 * sandbox's own faults (lost=, gateway=, throttle=, unavailable=), seeded.
 */
import {
  confirmHandOver,
  type GraphPort,
  type GraphRequest,
  removeApplication,
  retireCredentials,
  rotateSecret,
} from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, runSetup, startHarness } from "./integration/harness.js";
import { type LoseMode, losingPort } from "./integration/losing-port.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";

const GRAPH = "https://graph.microsoft.com";
const DAY_MS = 86_400_000;
const MODES: readonly LoseMode[] = ["batch", "item", "gateway-batch", "gateway-item"];
const addPassword = (r: GraphRequest) => r.url.endsWith("/addPassword");
const removePassword = (r: GraphRequest) => r.url.endsWith("/removePassword");
const deleteApp = (r: GraphRequest) => r.method === "DELETE" && /^\/applications\/[^/]+$/.test(r.url);

describe("fault matrix for secret rotate, secret retire and remove: lost or 504 after commit", () => {
  let h: Harness;
  let token: string;
  const appToken = () => createMsalAppTokenPort({ authorityHost: h.sandbox.url });
  const secretsOnApp = async () =>
    ((await h.state()).applications[0]?.passwordCredentials ?? []).map((p) => p.keyId).sort();
  const signsIn = (appId: string, secret: string) =>
    appToken()
      .acquire({
        tenantId: h.sandbox.tenantId,
        clientId: appId,
        resource: GRAPH,
        credential: { kind: "secret", secret },
      })
      .then(
        () => true,
        () => false,
      );

  /** A fresh app with setup's one secret (the one Boxafe holds). */
  async function freshApp() {
    await h.reset();
    const run = await runSetup(h.deps(h.graph(token)));
    const secret = run.result.secret;
    if (!secret) throw new Error("setup made no secret");
    return { appId: run.result.application.appId, objectId: run.result.application.id, secret };
  }

  const rotate = (graph: GraphPort, appId: string) =>
    rotateSecret(
      { ...h.deps(graph), appToken: appToken() },
      {
        tenantId: h.sandbox.tenantId,
        appKey: { appId },
        endDateTime: new Date(Date.now() + 90 * DAY_MS).toISOString(),
        cloud: h.cloud,
      },
    );

  const retire = (graph: GraphPort, appId: string, secret: string) =>
    retireCredentials(
      { ...h.deps(graph), appToken: appToken() },
      {
        tenantId: h.sandbox.tenantId,
        appKey: { appId },
        cloud: h.cloud,
        proof: { kind: "secret", secret },
        keep: 1,
      },
    );

  beforeAll(async () => {
    h = await startHarness();
    token = await h.signIn(h.sandbox.admin.upn);
  });
  afterAll(async () => h?.stop());

  for (const mode of MODES) {
    it(`secret rotate, addPassword answered ${mode}: one new secret, handed back, the held one kept`, async () => {
      const app = await freshApp();
      const { port, lost } = losingPort(h.graph(token), addPassword, mode);
      const rotated = await rotate(port, app.appId);
      expect(lost).toHaveLength(1);
      // No secret whose text nobody saw: the app has the held one and the one handed back, nothing else.
      expect(await secretsOnApp()).toEqual([app.secret.keyId, rotated.secret.keyId].sort());
      expect(await signsIn(app.appId, rotated.secret.secretText)).toBe(true);
      expect(await signsIn(app.appId, app.secret.secretText)).toBe(true);
      await confirmHandOver(h.deps(h.graph(token)), {
        appObjectId: rotated.appObjectId,
        pendingIds: rotated.pendingIds,
      });
    });
  }

  for (const mode of MODES) {
    it(`secret retire, removePassword answered ${mode}: the old secret goes, the new stays, a re-run converges`, async () => {
      const app = await freshApp();
      const rotated = await rotate(h.graph(token), app.appId);
      await confirmHandOver(h.deps(h.graph(token)), {
        appObjectId: rotated.appObjectId,
        pendingIds: rotated.pendingIds,
      });
      const { port, lost } = losingPort(h.graph(token), removePassword, mode);
      const first = await retire(port, app.appId, rotated.secret.secretText);
      expect(lost).toHaveLength(1);
      expect(first.removedKeyIds).toEqual([app.secret.keyId]);
      expect(await secretsOnApp()).toEqual([rotated.secret.keyId]);
      const again = await retire(h.graph(token), app.appId, rotated.secret.secretText);
      expect(again.removedKeyIds).toEqual([]);
      expect(again.provenKeyId).toBe(rotated.secret.keyId);
      expect(await secretsOnApp()).toEqual([rotated.secret.keyId]);
    });
  }

  it("a rotation lost before its hand-over: retire keeps the secret Boxafe holds and removes the unheld one", async () => {
    const app = await freshApp();
    const { port } = losingPort(h.graph(token), addPassword, "gateway-batch");
    // The run stops before the admin got the new secret (no confirmHandOver): it stays marked pending.
    const unheld = await rotate(port, app.appId);
    expect(await secretsOnApp()).toEqual([app.secret.keyId, unheld.secret.keyId].sort());
    const retired = await retire(h.graph(token), app.appId, app.secret.secretText);
    expect(retired.provenKeyId).toBe(app.secret.keyId);
    expect(retired.removedKeyIds).toEqual([unheld.secret.keyId]);
    expect(await secretsOnApp()).toEqual([app.secret.keyId]);
    expect(await signsIn(app.appId, app.secret.secretText)).toBe(true);
  });

  for (const [what, matches] of [
    ["removePassword", removePassword],
    ["DELETE", deleteApp],
  ] as const) {
    for (const mode of MODES) {
      it(`remove, ${what} answered ${mode}: the app, its service principal and consents go; a re-run is a no-op`, async () => {
        const app = await freshApp();
        const sp = (await h.state()).servicePrincipals.find((s) => s.appId === app.appId)?.id;
        const { port, lost } = losingPort(h.graph(token), matches, mode);
        const removed = await removeApplication(h.deps(port), { appId: app.appId });
        expect(lost).toHaveLength(1);
        expect(removed).toMatchObject({ removed: true, appId: app.appId, credentialsRemoved: 1 });
        const state = await h.state();
        expect(state.applications).toEqual([]);
        expect(state.servicePrincipals.some((s) => s.appId === app.appId)).toBe(false);
        expect(state.appRoleAssignments.some((a) => a.principalId === sp)).toBe(false);
        expect(state.oauth2PermissionGrants.some((g) => g.clientId === sp)).toBe(false);
        expect(await removeApplication(h.deps(h.graph(token)), { appId: app.appId })).toEqual({
          removed: false,
          credentialsRemoved: 0,
          purged: false,
        });
      });
    }
  }

  it("rotate, retire and remove under the sandbox's own faults: re-runs converge, the held secret stays until retire", async () => {
    const app = await freshApp();
    /** Runs a job until it succeeds (a re-run after each failure), checking after each failure what must hold. */
    async function rerunUntilDone<T>(job: () => Promise<T>, afterFailure: () => Promise<void>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await job();
        } catch (error) {
          if (attempt >= 8) throw error;
          await afterFailure();
        }
      }
    }
    await h.faults("lost=0.2,gateway=0.2,throttle=0.1,unavailable=0.1,retryAfter=0", 11);
    try {
      const rotated = await rerunUntilDone(
        async () => {
          const run = await rotate(h.graph(token), app.appId);
          await confirmHandOver(h.deps(h.graph(token)), {
            appObjectId: run.appObjectId,
            pendingIds: run.pendingIds,
          });
          return run;
        },
        // A failed rotation never takes the secret Boxafe holds.
        async () => expect(await secretsOnApp()).toContain(app.secret.keyId),
      );
      expect(await secretsOnApp()).toContain(rotated.secret.keyId);
      await rerunUntilDone(
        () => retire(h.graph(token), app.appId, rotated.secret.secretText),
        async () => expect(await secretsOnApp()).toContain(rotated.secret.keyId),
      );
      // Only the secret handed over is left: the old one, and any a failed rotation could not take back, are gone.
      expect(await secretsOnApp()).toEqual([rotated.secret.keyId]);
      expect(await signsIn(app.appId, rotated.secret.secretText)).toBe(true);
      await rerunUntilDone(
        () => removeApplication(h.deps(h.graph(token)), { appId: app.appId }),
        async () => undefined,
      );
    } finally {
      await h.faults("");
    }
    expect((await h.state()).applications).toEqual([]);
    expect(await removeApplication(h.deps(h.graph(token)), { appId: app.appId }).then((r) => r.removed)).toBe(
      false,
    );
  });
});
