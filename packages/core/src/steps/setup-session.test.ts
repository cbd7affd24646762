import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import type { GraphRequest } from "../graph/port.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import { answersUpFront, driveSteps } from "./drive.js";
import { initialState } from "./machine.js";
import { createSetupSession } from "./setup-session.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);
const made = {
  derBase64: "MIIB",
  thumbprint: "C".repeat(40),
  notAfter: "2027-11-27T12:00:00.000Z",
  certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
  privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
};

/** A tenant whose Graph fails for good once the new credential was handed to the port (files written). */
function failingAfterHandOver() {
  const tenant = fakeTenant();
  let broken = false;
  const ports = {
    ...fakeTime(),
    graph: {
      batch: async (requests: readonly GraphRequest[]) => {
        if (broken) throw new CoreError("graph_request_failed", "Microsoft Graph answered 503 (outage).");
        return tenant.batch(requests);
      },
    },
    proof: { appToken: fakeAppTokens(() => allRoles), cloud: sandboxEndpoints("https://localhost:8443") },
    certificates: { make: async () => made },
    handOver: async () => {
      broken = true;
    },
  };
  return {
    signIn: async () => ({ username: "admin@contoso.onmicrosoft.com", tenantId: "t", ports }),
    checkRole: async () => ({ roles: ["Global Administrator"] }),
  };
}

async function run(boxafe: "1.4" | "1.5") {
  const session = createSetupSession(failingAfterHandOver(), parseRequest(setupRequestSchema, { boxafe }));
  const end = await driveSteps(
    { handlers: session.handlers, answer: answersUpFront({ displayName: "QNAP Boxafe" }) },
    [initialState(), []],
  );
  return { session, end };
}

describe("unheld: what a failed run still owes the admin", () => {
  it("Boxafe 1.5: the key pair written before the failure is owed, with no proof report", async () => {
    const { session, end } = await run("1.5");
    expect(end.phase).toBe("error");
    expect(session.report()).toBeUndefined();
    const owed = session.unheld();
    expect(owed?.certificate?.thumbprint).toBe(made.thumbprint);
    expect(owed?.secret).toBeUndefined();
  });

  it("Boxafe 1.4: the new secret is owed; nothing once it was handed over", async () => {
    const { session, end } = await run("1.4");
    expect(end.phase).toBe("error");
    expect(session.unheld()?.secret?.secretText).toMatch(/Q~/);
    expect(session.unheld()?.certificate).toBeUndefined();
    // The mark-clearing write fails too (the outage): the admin still has the values.
    await session.handedOver().catch(() => {});
    expect(session.unheld()).toBeUndefined();
  });
});
