/**
 * remove and Entra's deleted items (30 days, restorable with credentials): remove takes every
 * credential off before the delete, so a restore brings back no working secret; setup after a
 * plain remove restores the same app (the deleted one holds the uniqueName) and converges;
 * --purge deletes it for good, and the next setup makes a new app.
 */
import { removeApplication } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./integration/admin-suite.js";
import { holdings, runSetup } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";

interface Deleted {
  deletedItems?: {
    kind: string;
    application?: { id: string; appId: string; passwordCredentials: unknown[]; keyCredentials: unknown[] };
  }[];
}

describe("remove, deleted items and a later setup", () => {
  const t = useAdminHarness();

  it("takes the credentials off, so a restored app holds no working secret; setup then restores it", async () => {
    const deps = await t.fresh();
    const first = await runSetup(deps);
    const clean = holdings(await t.h.state());
    const appId = first.result.application.appId;
    const removed = await removeApplication(deps, { appId });
    expect(removed).toMatchObject({ removed: true, credentialsRemoved: 1, purged: false });
    const state = (await t.h.state()) as unknown as Deleted;
    const kept = state.deletedItems?.find((i) => i.kind === "application")?.application;
    expect(kept?.appId).toBe(appId);
    expect(kept?.passwordCredentials).toEqual([]);
    // setup again: the deleted app holds the uniqueName, so it is restored (same appId) and completed.
    const again = await runSetup(deps);
    expect(again.result.application.appId).toBe(appId);
    // Restored, and the old secret is still dead: remove took it off before the delete.
    await expect(
      createMsalAppTokenPort({ authorityHost: t.h.sandbox.url }).acquire({
        tenantId: t.h.sandbox.tenantId,
        clientId: appId,
        credential: { kind: "secret", secret: first.result.secret?.secretText ?? "" },
        resource: "https://graph.microsoft.com",
      }),
    ).rejects.toMatchObject({ code: "invalid_client_credentials" });
    expect(holdings(await t.h.state())).toEqual(clean);
    expect((await runSetup(deps)).plan.actions).toEqual([]);
  });

  it("--purge deletes it for good; the next setup makes a new app", async () => {
    const deps = await t.fresh();
    const first = await runSetup(deps);
    const appId = first.result.application.appId;
    expect(await removeApplication(deps, { appId }, { purge: true })).toMatchObject({
      removed: true,
      purged: true,
    });
    const state = (await t.h.state()) as unknown as Deleted;
    expect(state.deletedItems ?? []).toEqual([]);
    // A re-run of the purge is a no-op.
    expect(await removeApplication(deps, { appId }, { purge: true })).toMatchObject({
      removed: false,
      purged: false,
    });
    const fresh = await runSetup(deps);
    expect(fresh.result.application.appId).not.toBe(appId);
  });
});
