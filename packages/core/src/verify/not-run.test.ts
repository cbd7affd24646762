/**
 * A re-run that keeps the app's secret (held elsewhere, none given) has nothing to prove with: the
 * proof did not run, and the report says so with why, never "complete" with zero items.
 */
import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { answersUpFront, driveSteps } from "../steps/drive.js";
import { initialState } from "../steps/machine.js";
import { createSetupSession } from "../steps/setup-session.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import { setup } from "../usecases/setup.js";
import { notRunReport, proofNotRun } from "./not-run.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);

function tenantPorts() {
  const tenant = fakeTenant();
  const appToken = fakeAppTokens(() => allRoles);
  const ports = {
    ...fakeTime(),
    graph: tenant,
    proof: { appToken, cloud: sandboxEndpoints("https://localhost:8443") },
  };
  return { tenant, ports };
}

describe("a proof with no credential here", () => {
  it("is its own report: incomplete, no items, and why", () => {
    const report = notRunReport("secret-held-elsewhere", "2026-12-02T00:00:00.000Z");
    expect(report).toMatchObject({ complete: false, items: [], tokens: [] });
    expect(report.notRun).toEqual(proofNotRun("secret-held-elsewhere"));
    expect(report.notRun?.message).toMatch(/^not run: no secret here to prove with/);
    expect(proofNotRun("certificate-held-elsewhere").message).toBe(
      "not run: the certificate is held elsewhere",
    );
  });

  it("setup use case: a re-run that keeps the secret reports the proof not run, never complete", async () => {
    const { tenant, ports } = tenantPorts();
    const request = parseRequest(setupRequestSchema, { boxafe: "1.4" });
    const first = await setup(ports, request);
    expect(first.report?.complete).toBe(true);
    expect(first.report?.notRun).toBeUndefined();
    const writes = tenant.writes();
    const again = await setup(ports, request);
    expect(again.secret).toBeUndefined();
    expect(tenant.writes()).toBe(writes);
    expect(again.notRun).toBe("secret-held-elsewhere");
    expect(again.report).toMatchObject({
      complete: false,
      items: [],
      notRun: { reason: "secret-held-elsewhere" },
    });
    // A secret the caller holds is proved as before.
    const known = await setup(ports, request, undefined, { knownSecret: first.secret?.secretText ?? "" });
    expect(known.report?.complete).toBe(true);
    expect(known.notRun).toBeUndefined();
  });

  it("the wizard's session: verify.done says not run (incomplete), and the run still reaches the end", async () => {
    const { ports } = tenantPorts();
    const signIn = {
      signIn: async () => ({ username: "admin@contoso.onmicrosoft.com", tenantId: "t", ports }),
      checkRole: async () => ({ roles: ["Global Administrator"] }),
    };
    const request = parseRequest(setupRequestSchema, { boxafe: "1.4" });
    const drive = async () => {
      const session = createSetupSession(signIn, request);
      const end = await driveSteps(
        { handlers: session.handlers, answer: answersUpFront({ displayName: "QNAP Boxafe" }) },
        [initialState(), []],
      );
      return { session, end };
    };
    const first = await drive();
    expect(first.end.verification).toMatchObject({ complete: true });
    await first.session.handedOver();
    const again = await drive();
    expect(again.end.phase).toBe("done");
    expect(again.end.verification).toMatchObject({
      complete: false,
      total: 0,
      notRun: "secret-held-elsewhere",
    });
    expect(again.session.report()).toMatchObject({
      complete: false,
      notRun: { reason: "secret-held-elsewhere" },
    });
  });
});
