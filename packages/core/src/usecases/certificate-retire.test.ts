import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { certificateKeyId } from "../credentials/certificate-key-id.js";
import type { ProofClaims } from "../engine/key-rollover.js";
import type { GraphPort, GraphRequest } from "../graph/port.js";
import { certificateRetireRequestSchema } from "../requests/certificate-request.js";
import { parseRequest } from "../requests/parse-request.js";
import { fakeAppTokens, fakeTime } from "../testing/index.js";
import { retireCertificatesSelf } from "./certificate-retire.js";

const APP = "11111111-1111-4111-8111-111111111111";
const OBJECT = "22222222-2222-4222-8222-222222222222";
const entry = (letter: string, day: number, keyId = certificateKeyId(letter.repeat(40))) => ({
  keyId,
  thumbprint: letter.repeat(40),
  startDateTime: new Date(Date.UTC(2026, 10, day)).toISOString(),
  endDateTime: new Date(Date.UTC(2027, 10, day)).toISOString(),
});

function setup(works: boolean) {
  const sent: GraphRequest[] = [];
  const signed: ProofClaims[] = [];
  const graph: GraphPort = {
    async batch(requests) {
      sent.push(...requests);
      return requests.map((r) => ({ id: r.id, status: 204, headers: {}, body: undefined }));
    },
  };
  const appToken = fakeAppTokens(() => (works ? [] : "invalid_client"));
  const ports = {
    ...fakeTime(),
    graph,
    appToken,
    cloud: sandboxEndpoints("https://localhost:8443"),
    newest: { certificatePem: "C", privateKeyPem: "K" },
    newestSigner: {
      sign: async (claims: ProofClaims) => {
        signed.push(claims);
        return "proof.jwt.signed";
      },
    },
  };
  return { sent, signed, appToken, ports };
}

const request = (newest: ReturnType<typeof entry>, keys: readonly ReturnType<typeof entry>[], keep = 1) =>
  parseRequest(certificateRetireRequestSchema, {
    tenantId: "contoso.onmicrosoft.com",
    appId: APP,
    applicationObjectId: OBJECT,
    newestThumbprint: newest.thumbprint,
    newestStart: newest.startDateTime,
    keep,
    keys,
  });

describe("retireCertificatesSelf", () => {
  const old = entry("A", 1);
  const middle = entry("B", 10, "33333333-3333-4333-8333-333333333333");
  const newest = entry("C", 20, "44444444-4444-4444-8444-444444444444");

  it("proves the newest first, then removeKey of the older ones with proofs signed by the newest", async () => {
    const t = setup(true);
    const result = await retireCertificatesSelf(t.ports, request(newest, [old, middle, newest]));
    expect(t.appToken.requests.map((r) => r.credential.kind)).toEqual(["certificate"]);
    expect(result).toMatchObject({ keptKeyIds: [newest.keyId], removedKeyIds: [old.keyId, middle.keyId] });
    expect(t.sent.map((r) => [r.url, (r.body as { keyId: string }).keyId])).toEqual([
      [`/applications/${OBJECT}/removeKey`, old.keyId],
      [`/applications/${OBJECT}/removeKey`, middle.keyId],
    ]);
    expect(t.signed.every((c) => c.iss === OBJECT && c.aud === "00000002-0000-0000-c000-000000000000")).toBe(
      true,
    );
    const kept = setup(true);
    const two = await retireCertificatesSelf(kept.ports, request(newest, [old, middle, newest], 2));
    expect(two.removedKeyIds).toEqual([old.keyId]);
  });

  it("removes nothing when a newer one is recorded or the newest does not get a token", async () => {
    const t = setup(true);
    await expect(
      retireCertificatesSelf(t.ports, request(middle, [old, middle, newest])),
    ).rejects.toMatchObject({
      code: "unsafe_operation",
    });
    expect(t.sent).toEqual([]);
    expect(t.appToken.requests).toEqual([]);
    const failing = setup(false);
    await expect(
      retireCertificatesSelf({ ...failing.ports }, request(newest, [old, newest])),
    ).rejects.toMatchObject({ code: "unsafe_operation" });
    expect(failing.sent).toEqual([]);
  });
});
