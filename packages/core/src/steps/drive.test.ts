import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import { answersUpFront, driveSteps } from "./drive.js";
import { initialState } from "./machine.js";
import type { WizardState } from "./schema.js";
import { createSetupSession } from "./setup-session.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);
const made = {
  derBase64: "MIIB",
  thumbprint: "B".repeat(40),
  notAfter: "2027-11-27T12:00:00.000Z",
  certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
  privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
};

function host(roles: readonly string[] = ["Global Administrator"]) {
  const tenant = fakeTenant();
  const ports = {
    ...fakeTime(),
    graph: tenant,
    proof: { appToken: fakeAppTokens(() => allRoles), cloud: sandboxEndpoints("https://localhost:8443") },
    certificates: { make: async () => made },
  };
  return {
    tenant,
    host: {
      signIn: async () => ({ username: "admin@contoso.onmicrosoft.com", tenantId: "t", ports }),
      checkRole: async () => {
        if (roles.length === 0) throw new CoreError("insufficient_role", "No role that can consent.");
        return { roles };
      },
    },
  };
}

describe("driveSteps with answers given up front (setup --yes)", () => {
  it("Boxafe 1.5: the certificate is made before the plan, no secret, the proof and SharePoint reuse it", async () => {
    const { tenant, host: h } = host();
    const session = createSetupSession(h, parseRequest(setupRequestSchema, { boxafe: "1.5" }));
    const end = await driveSteps(
      {
        handlers: session.handlers,
        answer: answersUpFront({ displayName: "QNAP Boxafe", sharepoint: "certificate" }),
      },
      [initialState({ sharepoint: true }), []],
    );
    expect(end.phase).toBe("done");
    expect(session.newSecret()).toBeUndefined();
    expect(session.boxafeCertificate()?.thumbprint).toBe(made.thumbprint);
    expect(session.report()?.complete).toBe(true);
    expect(tenant.apps[0]?.passwordCredentials).toHaveLength(0);
    // One certificate: SharePoint reuses Boxafe 1.5's instead of adding a second.
    expect(tenant.apps[0]?.keyCredentials).toHaveLength(1);
    expect(end.sharepoint?.certificate?.thumbprint).toBe(made.thumbprint);
  });

  it("walks the whole machine, adds the certificate at the SharePoint step, and keeps secrets out of state", async () => {
    const { tenant, host: h } = host();
    const session = createSetupSession(h, parseRequest(setupRequestSchema, { certificate: true }));
    const seen: WizardState[] = [];
    const end = await driveSteps(
      {
        handlers: session.handlers,
        answer: answersUpFront({ displayName: "QNAP Boxafe", sharepoint: "certificate" }),
        onState: (state) => {
          seen.push(state);
        },
      },
      [initialState(), []],
    );
    expect(end.phase).toBe("done");
    expect([...new Set(seen.map((s) => s.phase))]).toEqual([
      "start",
      "signing-in",
      "checking-role",
      "choose-app",
      "observing",
      "review",
      "applying",
      "verifying",
      "hand-over",
      "preparing-sharepoint",
      "sharepoint",
      "done",
    ]);
    const secret = session.newSecret()?.secretText ?? "";
    expect(secret).toMatch(/Q~/);
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect(session.report()?.complete).toBe(true);
    expect(session.certificate()?.made.thumbprint).toBe(made.thumbprint);
    expect(end.sharepoint?.certificate?.thumbprint).toBe(made.thumbprint);
    expect(tenant.apps[0]?.keyCredentials).toHaveLength(1);
  });

  it("ends in the error phase for a non-admin, before any write", async () => {
    const { tenant, host: h } = host([]);
    const session = createSetupSession(h, parseRequest(setupRequestSchema, {}));
    const end = await driveSteps(
      { handlers: session.handlers, answer: answersUpFront({ displayName: "QNAP Boxafe" }) },
      [initialState(), []],
    );
    expect(end.phase).toBe("error");
    expect(end.error?.code).toBe("insufficient_role");
    expect(tenant.writes()).toBe(0);
  });

  it("stops on a refused app name instead of asking forever", async () => {
    const { host: h } = host();
    const session = createSetupSession(h, parseRequest(setupRequestSchema, {}));
    await expect(
      driveSteps({ handlers: session.handlers, answer: answersUpFront({ displayName: " " }) }, [
        initialState(),
        [],
      ]),
    ).rejects.toMatchObject({ code: "invalid_input", field: "displayName" });
  });
});
