import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { parseRequest } from "../requests/parse-request.js";
import { rotateRequestSchema } from "../requests/rotate-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { verifyRequestSchema } from "../requests/verify-request.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import { sharePointValues } from "./certificate.js";
import { listCredentials } from "./credentials.js";
import type { UseCaseEvent } from "./events.js";
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
  it("rotate hands the new secret over before it retires the old ones; keepOld keeps them", async () => {
    const { tenant, appToken, cloud, ports, first } = await withApp();
    const rotatePorts = { ...ports, appToken, cloud, tenantId: first.tenantId };
    const kept = await rotate(rotatePorts, parseRequest(rotateRequestSchema, { keepOld: true }));
    expect(kept.removedKeyIds).toEqual([]);
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(2);

    const events: UseCaseEvent[] = [];
    const rotated = await rotate(rotatePorts, parseRequest(rotateRequestSchema, {}), (e) => events.push(e));
    expect(rotated.removedKeyIds).toHaveLength(2);
    expect(tenant.apps[0]?.passwordCredentials.map((p) => p.keyId)).toEqual([rotated.secret.keyId]);
    const order = events.map((e) =>
      e.type === "start" || e.type === "done" ? `${e.type}:${e.task}` : e.type,
    );
    expect(order.indexOf("credential")).toBeLessThan(order.indexOf("start:retire"));
    // Nothing more to retire on a re-run.
    expect(
      (await retire(ports, { appId: rotated.appId, keepKeyIds: [rotated.secret.keyId] })).removedKeyIds,
    ).toEqual([]);
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
