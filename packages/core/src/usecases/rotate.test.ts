import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { isUnheldSecret, pendingIds } from "../credentials/hand-over-marker.js";
import { parseRequest } from "../requests/parse-request.js";
import { retireRequestSchema, rotateRequestSchema } from "../requests/rotate-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { verifyRequestSchema } from "../requests/verify-request.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import { sharePointValues } from "./certificate.js";
import { listCredentials } from "./credentials.js";
import type { UseCaseEvent } from "./events.js";
import { handedOver } from "./hand-over.js";
import { retire } from "./retire.js";
import { rotate } from "./rotate.js";
import { setup } from "./setup.js";
import { verifyApp } from "./verify-app.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);

async function withApp() {
  const tenant = fakeTenant();
  const time = fakeTime();
  const appToken = fakeAppTokens(() => allRoles);
  const cloud = sandboxEndpoints("https://localhost:8443");
  const ports = { ...time, graph: tenant, proof: { appToken, cloud } };
  const first = await setup(ports, parseRequest(setupRequestSchema, {}));
  return { tenant, time, appToken, cloud, ports, first };
}

describe("rotate, retire, list, verify", () => {
  it("rotate adds, proves and hands over a new secret and keeps the old one", async () => {
    const { tenant, appToken, cloud, ports, first } = await withApp();
    const rotatePorts = { ...ports, appToken, cloud, tenantId: first.tenantId };
    const events: UseCaseEvent[] = [];
    const rotated = await rotate(rotatePorts, parseRequest(rotateRequestSchema, {}), (e) => events.push(e));
    expect(tenant.apps[0]?.passwordCredentials.map((p) => p.keyId)).toEqual([
      first.secret?.keyId,
      rotated.secret.keyId,
    ]);
    expect(events.map((e) => e.type)).toContain("credential");
    // Handed over: no pending mark left, so setup sees nothing to do.
    expect(tenant.apps[0]?.tags ?? []).toEqual([]);
  });

  it("rotate with the hand-over left to the caller keeps the mark until handedOver", async () => {
    const { tenant, appToken, cloud, ports, first } = await withApp();
    const rotatePorts = { ...ports, appToken, cloud, tenantId: first.tenantId };
    const shown: string[] = [];
    const rotated = await rotate(
      rotatePorts,
      parseRequest(rotateRequestSchema, {}),
      (e) => {
        if (e.type === "credential" && e.secret) shown.push(e.secret.keyId);
      },
      { handOver: "caller" },
    );
    // Announced (the page shows it) but still counted unheld: a reload now leaves the mark.
    expect(shown).toEqual([rotated.secret.keyId]);
    expect(rotated.handOver?.pendingIds).toHaveLength(1);
    const pending = pendingIds(tenant.apps[0]?.tags ?? []);
    const unheld = (tenant.apps[0]?.passwordCredentials ?? []).filter((p) => isUnheldSecret(p, pending));
    expect(unheld.map((p) => p.keyId)).toEqual([rotated.secret.keyId]);
    await handedOver(ports, rotated.handOver);
    expect(tenant.apps[0]?.tags ?? []).toEqual([]);
    expect(tenant.apps[0]?.passwordCredentials.map((p) => p.keyId)).toEqual([
      first.secret?.keyId,
      rotated.secret.keyId,
    ]);
  });

  it("retire proves the newest secret, then removes only older ones of ours", async () => {
    const { tenant, appToken, cloud, ports, first } = await withApp();
    const p = { ...ports, appToken, cloud, tenantId: first.tenantId };
    const second = await rotate(p, parseRequest(rotateRequestSchema, {}));
    const third = await rotate(p, parseRequest(rotateRequestSchema, {}));
    tenant.apps[0]?.passwordCredentials.push({
      keyId: "theirs",
      displayName: "made by hand",
      startDateTime: "2026-01-01T00:00:00Z",
      endDateTime: "2027-01-01T00:00:00Z",
      hint: "xyz",
    });
    const proof = (secret: string) => ({ kind: "secret" as const, secret });
    // An older secret is not the newest: refused, nothing removed.
    await expect(
      retire(p, parseRequest(retireRequestSchema, { proof: proof(second.secret.secretText) })),
    ).rejects.toMatchObject({ code: "unsafe_operation", field: "proof" });
    await expect(
      retire(p, parseRequest(retireRequestSchema, { proof: proof("nope-unknown") })),
    ).rejects.toMatchObject({ code: "invalid_input", field: "proof" });
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(4);

    const kept2 = await retire(
      p,
      parseRequest(retireRequestSchema, { proof: proof(third.secret.secretText), keep: 2 }),
    );
    expect(kept2.removedKeyIds).toEqual([first.secret?.keyId]);
    const retired = await retire(
      p,
      parseRequest(retireRequestSchema, { proof: proof(third.secret.secretText) }),
    );
    expect(retired.removedKeyIds).toEqual([second.secret.keyId]);
    expect(tenant.apps[0]?.passwordCredentials.map((c) => c.keyId)).toEqual([third.secret.keyId, "theirs"]);
    // A re-run removes nothing more; a proof that gets no token removes nothing at all.
    expect(
      (await retire(p, parseRequest(retireRequestSchema, { proof: proof(third.secret.secretText) })))
        .removedKeyIds,
    ).toEqual([]);
    const refusing = { ...p, appToken: fakeAppTokens(() => "invalid_client") };
    await expect(
      retire(refusing, { ...parseRequest(retireRequestSchema, { proof: proof(third.secret.secretText) }) }),
    ).rejects.toMatchObject({ code: "unsafe_operation", message: expect.stringContaining("mistyped") });
  });

  it("retire with a mistyped secret sharing an older secret's hint says so, not 'a newer secret exists'", async () => {
    const { tenant, appToken, cloud, ports, first } = await withApp();
    const p = { ...ports, appToken, cloud, tenantId: first.tenantId };
    const second = await rotate(p, parseRequest(rotateRequestSchema, {}));
    const firstText = first.secret?.secretText ?? "";
    const known = new Set([firstText, second.secret.secretText]);
    // Entra's token service knows the values: anything else is AADSTS7000215.
    const refusing = fakeAppTokens(() => "invalid_client");
    const entra: typeof appToken = {
      requests: appToken.requests,
      acquire: (request) =>
        request.credential.kind === "secret" && !known.has(request.credential.secret)
          ? refusing.acquire(request)
          : appToken.acquire(request),
    };
    const mistyped = `${firstText.slice(0, 3)}mistyped-value`;
    const attempt = retire(
      { ...p, appToken: entra },
      parseRequest(retireRequestSchema, { proof: { kind: "secret", secret: mistyped } }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "invalid_input", field: "proof" });
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain(`match secret keyId ${first.secret?.keyId}`);
    expect(message).toContain("mistyped or that secret was already removed. Nothing was removed.");
    expect(message).not.toMatch(/newer/i);
    expect(message).not.toContain(mistyped);
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(2);
    // The real older secret still hears that a newer one exists (nothing removed either).
    await expect(
      retire(
        { ...p, appToken: entra },
        parseRequest(retireRequestSchema, { proof: { kind: "secret", secret: firstText } }),
      ),
    ).rejects.toMatchObject({ code: "unsafe_operation", message: expect.stringContaining("A newer secret") });
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(2);
  });

  it("retire spares credentials younger than --older-than", async () => {
    const { tenant, appToken, cloud, ports, first } = await withApp();
    const p = { ...ports, appToken, cloud, tenantId: first.tenantId };
    const next = await rotate(p, parseRequest(rotateRequestSchema, {}));
    const request = parseRequest(retireRequestSchema, {
      proof: { kind: "secret", secret: next.secret.secretText },
      olderThanDays: 30,
    });
    expect((await retire(p, request)).removedKeyIds).toEqual([]);
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(2);
  });

  it("lists credentials with days left, never a value", async () => {
    const { time, ports, first } = await withApp();
    time.advance(86_400_000);
    const list = await listCredentials(ports, { appId: first.clientId });
    expect(list.secrets).toHaveLength(1);
    expect(list.secrets[0]).toMatchObject({ madeByBoxafeConnect: true, expired: false, daysLeft: 179 });
    expect(JSON.stringify(list)).not.toContain(first.secret?.secretText ?? "none");
    await expect(listCredentials(ports, { displayName: "Other" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("verify proves the three values; the legacy SharePoint values name the app", async () => {
    const { ports, first } = await withApp();
    const request = parseRequest(verifyRequestSchema, {
      tenantId: first.tenantId,
      clientId: first.clientId,
      credential: { kind: "secret", secret: first.secret?.secretText },
      sharePointTenant: "contoso",
    });
    const result = await verifyApp({ ...ports, ...ports.proof }, request);
    expect(result.report.complete).toBe(true);
    const wrong = await verifyApp(
      { ...ports, ...ports.proof, appToken: fakeAppTokens(() => "invalid_client") },
      { ...request, deadlineSeconds: 5 },
    );
    expect(wrong.report.complete).toBe(false);
    const values = await sharePointValues(ports, { appId: first.clientId });
    expect(values.url).toBe("https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx");
    expect(values.appId).toBe(first.clientId);
  });
});
