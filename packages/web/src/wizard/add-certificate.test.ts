// @vitest-environment node
import {
  handedOver,
  isCoreError,
  parseRequest,
  pendingIds,
  permissions,
  sandboxEndpoints,
  setup,
  setupRequestSchema,
} from "@boxafe-connect/core";
import { fakeAppTokens, fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { describe, expect, it } from "vitest";
import { browserPorts } from "../platform.js";
import { addCertificate } from "./add-certificate.js";

describe("addCertificate", () => {
  it("refuses an empty PFX password before it reads or changes anything", async () => {
    let batches = 0;
    let keys = 0;
    const crypto = {
      ...globalThis.crypto,
      subtle: {
        generateKey: () => {
          keys += 1;
          throw new Error("no key should be made");
        },
      },
    } as unknown as typeof globalThis.crypto;
    const error = await addCertificate({
      appId: "11111111-2222-4333-8444-555555555555",
      pfxPassword: "",
      crypto,
      cloud: sandboxEndpoints("https://localhost:8443"),
      deps: {
        ...browserPorts,
        graph: {
          batch: async () => {
            batches += 1;
            return [];
          },
        },
      },
    }).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("invalid_input");
    expect(isCoreError(error) && error.field).toBe("pfxPassword");
    expect([batches, keys]).toEqual([0, 0]);
  });

  it("leaves the new certificate marked pending: shown is not held, the page confirms it on a download", async () => {
    const tenant = fakeTenant();
    const time = fakeTime();
    const cloud = sandboxEndpoints("https://localhost:8443");
    const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);
    const first = await setup(
      { ...time, graph: tenant, proof: { appToken: fakeAppTokens(() => allRoles), cloud } },
      parseRequest(setupRequestSchema, { boxafe: "1.4" }),
    );
    const deps = { ...time, graph: tenant };
    const added = await addCertificate({
      appId: first.clientId,
      pfxPassword: "pfx-pass",
      crypto: globalThis.crypto,
      cloud,
      deps,
    });
    const app = () => tenant.apps[0];
    const keyId = String(app()?.keyCredentials[0]?.keyId);
    // On the page now, downloads offered, nothing downloaded: the tenant still counts it unheld.
    expect([...pendingIds(app()?.tags)]).toEqual([keyId]);
    expect(added.handOver?.pendingIds).toEqual([keyId]);
    expect(added.certificate.pem).toContain("PRIVATE KEY");
    // The page calls core's hand-over once held-rule.ts says the admin has the key.
    await handedOver(deps, added.handOver);
    expect(pendingIds(app()?.tags).size).toBe(0);
    expect(app()?.keyCredentials).toHaveLength(1);
  });
});
