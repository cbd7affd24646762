/**
 * SessionHost.prove (setup-session.ts): an adapter that proves in its own way (the web page: consent
 * read back, a secret through its API) still gets the credential core chose, and none when the run
 * made none; core's own token proof then does not run.
 */
import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeTenant, fakeTime } from "../testing/index.js";
import type { AppTokenPort } from "../verify/port.js";
import type { VerificationReport } from "../verify/verify.js";
import { answersUpFront, driveSteps } from "./drive.js";
import { initialState } from "./machine.js";
import type { HostProofInput } from "./setup-session.js";
import { createSetupSession } from "./setup-session.js";

const never: AppTokenPort = {
  acquire: async () => {
    throw new Error("core's token proof ran although the host proves");
  },
};

async function walk(tenant: ReturnType<typeof fakeTenant>, proved: HostProofInput[]) {
  const session = createSetupSession(
    {
      signIn: async () => ({
        username: "admin@contoso.onmicrosoft.com",
        tenantId: "t",
        ports: {
          ...fakeTime(),
          graph: tenant,
          proof: { appToken: never, cloud: sandboxEndpoints("https://x") },
        },
      }),
      checkRole: async () => ({ roles: ["Global Administrator"] }),
      prove: async (input): Promise<VerificationReport> => {
        proved.push(input);
        return { complete: true, checkedAt: "2026-12-02T00:00:00Z", items: [], tokens: [] };
      },
    },
    parseRequest(setupRequestSchema, { boxafe: "1.4" }),
  );
  const end = await driveSteps(
    { handlers: session.handlers, answer: answersUpFront({ displayName: "QNAP Boxafe" }) },
    [initialState(), []],
  );
  return { session, end };
}

describe("a host's own proof", () => {
  it("gets the new secret core chose, then none on a walk that made none", async () => {
    const tenant = fakeTenant();
    const proved: HostProofInput[] = [];
    const first = await walk(tenant, proved);
    expect(first.end.phase).toBe("done");
    const secret = first.session.newSecret()?.secretText;
    expect(proved[0]?.credential).toEqual({ kind: "secret", secret });
    expect(proved[0]?.clientId).toBe(first.end.handOver?.clientId);
    expect(proved[0]?.permissions.length).toBeGreaterThan(0);
    expect(first.session.report()?.complete).toBe(true);
    await first.session.handedOver();

    const again = await walk(tenant, proved);
    expect(again.end.phase).toBe("done");
    expect(again.session.newSecret()).toBeUndefined();
    expect(proved).toHaveLength(2);
    expect(proved[1]?.credential).toBeUndefined();
  });
});
