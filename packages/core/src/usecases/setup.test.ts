import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { pendingIds } from "../credentials/hand-over-marker.js";
import { DEFAULT_SECRET_DAYS, DEFAULT_SECRET_NAME } from "../defaults.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import { check } from "./check.js";
import type { UseCaseEvent } from "./events.js";
import { prepare } from "./prepare.js";
import { remove } from "./remove.js";
import { setup } from "./setup.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);

function ports() {
  const tenant = fakeTenant();
  const time = fakeTime();
  const appToken = fakeAppTokens(() => allRoles);
  return {
    tenant,
    appToken,
    ports: {
      ...time,
      graph: tenant,
      proof: { appToken, cloud: sandboxEndpoints("https://localhost:8443") },
    },
  };
}

describe("setup use case", () => {
  it("registers, hands the secret over before the proof, proves it, and a re-run writes nothing", async () => {
    const { tenant, ports: p } = ports();
    const events: UseCaseEvent[] = [];
    const request = parseRequest(setupRequestSchema, {});
    const first = await setup(p, request, (e) => events.push(e));
    expect(first.secret?.secretText).toMatch(/Q~/);
    expect(first.report?.complete).toBe(true);
    expect(first.stats.roundTrips).toBe(3);
    expect(tenant.apps).toHaveLength(1);
    // The pending mark was cleared beside the proof (awaited): the secret counts as held.
    expect(pendingIds(tenant.apps[0]?.tags).size).toBe(0);
    expect(first.handOver).toBeUndefined();
    expect(tenant.apps[0]?.passwordCredentials[0]?.displayName).toContain(DEFAULT_SECRET_NAME);
    const types = events
      .filter((e) => e.type !== "progress" && e.type !== "verify-progress")
      .map((e) => e.type);
    expect(types.indexOf("credential")).toBeLessThan(types.indexOf("verified"));
    expect(types.slice(0, 3)).toEqual(["start", "observed", "planned"]);

    const writes = tenant.writes();
    const again = await setup(p, request);
    expect(again.summary.total).toBe(0);
    expect(again.secret).toBeUndefined();
    expect(tenant.writes()).toBe(writes);
  });

  it("plans a secret of the default lifetime, and checks the end date against the clock before reading", async () => {
    const { tenant, ports: p } = ports();
    const prepared = await prepare(p, parseRequest(setupRequestSchema, {}));
    const add = prepared.plan.actions.find((a) => a.type === "add-password");
    expect(add && "endDateTime" in add ? add.endDateTime : "").toBe(
      new Date(p.clock.now() + DEFAULT_SECRET_DAYS * 86_400_000).toISOString(),
    );
    await expect(
      prepare(p, parseRequest(setupRequestSchema, { secretEndDate: "2026-11-27" })),
    ).rejects.toMatchObject({ code: "invalid_input", field: "secretEndDate" });
    expect(tenant.batches).toHaveLength(1);
  });

  it("refuses bad fields by name, before anything is contacted", () => {
    expect(() => parseRequest(setupRequestSchema, { appId: "abc" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "appId" }),
    );
    expect(() => parseRequest(setupRequestSchema, { secretLifetimeDays: 100 })).toThrow(
      expect.objectContaining({ field: "secretLifetimeDays", message: expect.stringContaining("100 days") }),
    );
    expect(() =>
      parseRequest(setupRequestSchema, { secretLifetimeDays: 90, secretEndDate: "2027-01-01" }),
    ).toThrow(expect.objectContaining({ field: "secretLifetimeDays" }));
    expect(() => parseRequest(setupRequestSchema, { displayName: "x".repeat(121) })).toThrow(
      "The app name has 121 characters; use at most 120.",
    );
  });

  it("check reports drift after a grant is lost, and remove deletes the app once", async () => {
    const { tenant, ports: p } = ports();
    const request = parseRequest(setupRequestSchema, {});
    await setup(p, request);
    expect((await check(p, request)).drift).toBe(false);
    tenant.assignments.splice(0, 1);
    const drifted = await check(p, request);
    expect(drifted.drift).toBe(true);
    expect(drifted.summary.counts["assign-app-role"]).toBe(1);
    expect((await remove(p, {})).removed).toBe(true);
    expect((await remove(p, {})).removed).toBe(false);
    await expect(check(p, request)).rejects.toMatchObject({ code: "not_found" });
  });

  it("adds a certificate in the same plan when asked, through the maker port", async () => {
    const { tenant, ports: p } = ports();
    const made = {
      derBase64: "MIIB",
      thumbprint: "A".repeat(40),
      notAfter: "2027-11-27T12:00:00.000Z",
      certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
      privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
    };
    const subjects: string[] = [];
    const result = await setup(
      {
        ...p,
        certificates: {
          make: async (r) => {
            subjects.push(r.subject);
            return made;
          },
        },
      },
      parseRequest(setupRequestSchema, { certificate: true }),
    );
    expect(subjects).toEqual(["QNAP Boxafe"]);
    expect(result.certificate?.thumbprint).toBe(made.thumbprint);
    expect(tenant.apps[0]?.keyCredentials).toHaveLength(1);
    await expect(setup(p, parseRequest(setupRequestSchema, { certificate: true }))).rejects.toMatchObject({
      field: "certificate",
    });
  });

  it("Boxafe 1.5 gets a certificate and no secret, and the proof uses the certificate; 1.4 a secret only", async () => {
    const { tenant, appToken, ports: p } = ports();
    const made = {
      derBase64: "MIIB",
      thumbprint: "B".repeat(40),
      notAfter: "2027-11-27T12:00:00.000Z",
      certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
      privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
    };
    const result = await setup(
      { ...p, certificates: { make: async () => made } },
      parseRequest(setupRequestSchema, { boxafe: "1.5" }),
    );
    expect(result.secret).toBeUndefined();
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(0);
    expect(tenant.apps[0]?.keyCredentials).toHaveLength(1);
    expect(result.report?.complete).toBe(true);
    expect(appToken.requests.every((r) => r.credential.kind === "certificate")).toBe(true);

    const old = ports();
    const legacy = await setup(old.ports, parseRequest(setupRequestSchema, { boxafe: "1.4" }));
    expect(legacy.secret?.secretText).toMatch(/Q~/);
    expect(legacy.certificate).toBeUndefined();
    expect(old.appToken.requests.every((r) => r.credential.kind === "secret")).toBe(true);
    expect(() => parseRequest(setupRequestSchema, { boxafe: "2" })).toThrow(/1.4 or 1.5/);
  });
});
