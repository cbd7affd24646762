/**
 * Certificate self-rotation, the way a NAS keeps its own credential alive: after an admin's setup,
 * everything below runs with the app's own token (client credentials with its current
 * certificate) and no admin token at all. addKey with a proof signed by the current certificate adds
 * the new one (both sign in), removeKey with a proof by the new one retires the old. The sandbox
 * refuses proofs signed by an unknown or removed key, with a wrong audience, or stale.
 */
import { makeCertificate } from "@boxafe-connect/certs";
import {
  certificateRotateRequestSchema,
  type GraphPort,
  isCoreError,
  PROOF_AUDIENCE,
  parseRequest,
  proofClaims,
  retireCertificateSelf,
  rotateCertificate,
} from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphPort } from "./graph-port.js";
import { type Harness, runSetup, startHarness } from "./integration/harness.js";
import { untilSignsIn } from "./integration/signs-in.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";
import { createProofSigner } from "./proof-signer.js";

type Made = Awaited<ReturnType<typeof makeCertificate>>;
const make = (subject: string) =>
  makeCertificate(globalThis.crypto, { subject, days: 365, pfxPassword: "pfx" });

describe("certificate self-rotation with addKey / removeKey (no admin)", () => {
  let h: Harness;
  let appId: string;
  let objectId: string;
  let current: Made;
  const appToken = () => createMsalAppTokenPort({ authorityHost: h.sandbox.url });
  const tokenWith = (cert: Made) =>
    appToken().acquire({
      tenantId: h.sandbox.tenantId,
      clientId: appId,
      credential: {
        kind: "certificate",
        certificatePem: cert.certificatePem,
        privateKeyPem: cert.privateKeyPem,
      },
      resource: "https://graph.microsoft.com",
    });
  /** Graph as the app itself: its token comes from the certificate, never from an admin. */
  const appGraph = (cert: Made): GraphPort =>
    createGraphPort({ baseUrl: h.sandbox.url, getAccessToken: () => tokenWith(cert) });
  const keyIds = async () => ((await h.state()).applications[0]?.keyCredentials ?? []).map((k) => k.keyId);

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.signIn(h.sandbox.admin.upn);
    await h.reset();
    current = await make("QNAP Boxafe");
    const run = await runSetup(h.deps(h.graph(admin)), {
      certificate: {
        displayName: "boxafe-connect CN=QNAP Boxafe",
        derBase64: current.derBase64,
        thumbprint: current.thumbprint,
        endDateTime: current.notAfter,
      },
    });
    appId = run.result.application.appId;
    objectId = run.result.application.id;
    // A NAS rotates long after setup: by then the current certificate signs in.
    await untilSignsIn(h, appId, {
      kind: "certificate",
      certificatePem: current.certificatePem,
      privateKeyPem: current.privateKeyPem,
    });
  });
  afterAll(async () => h?.stop());

  it("rotates: the new key pair is kept first, added with a proof, proven; the old one keeps working", async () => {
    const kept: Made[] = [];
    const before = await keyIds();
    const request = parseRequest(certificateRotateRequestSchema, {
      tenantId: h.sandbox.tenantId,
      appId,
      applicationObjectId: objectId,
      certificateDays: 365,
    });
    const result = await rotateCertificate<Made>(
      {
        ...nodePorts(),
        graph: appGraph(current),
        appToken: appToken(),
        cloud: h.cloud,
        currentSigner: createProofSigner(current),
        signerFor: (made) => createProofSigner(made),
        certificates: { make: (r) => make(r.subject) },
        keep: async (made) => {
          // Handed over before the tenant changes: the tenant does not have it yet.
          expect(await keyIds()).toEqual(before);
          kept.push(made);
        },
      },
      request,
    );
    expect(kept.map((k) => k.thumbprint)).toEqual([result.certificate.thumbprint]);
    expect(result.keyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await keyIds()).toEqual([...before, result.keyId]);
    // Two-phase: both certificates sign in until the old one is retired.
    await expect(tokenWith(current)).resolves.toMatch(/^eyJ/);
    await expect(tokenWith(result.certificate)).resolves.toMatch(/^eyJ/);

    // Phase two, still no admin: removeKey of the old key, proven by the new certificate.
    const oldKeyId = before[0] ?? "";
    await retireCertificateSelf(
      { ...nodePorts(), graph: appGraph(result.certificate) },
      { applicationObjectId: objectId, keyId: oldKeyId },
      createProofSigner(result.certificate),
    );
    expect(await keyIds()).toEqual([result.keyId]);
    await expect(tokenWith(current)).rejects.toSatisfy(isCoreError);
    await expect(tokenWith(result.certificate)).resolves.toMatch(/^eyJ/);
    // The removed certificate can no longer sign a proof.
    const graph = appGraph(result.certificate);
    const stranger = await make("Somebody else");
    const addWith = async (proof: string) => {
      const [answer] = await graph.batch([
        {
          id: "1",
          method: "POST",
          url: `/applications/${objectId}/addKey`,
          body: {
            keyCredential: { type: "AsymmetricX509Cert", usage: "Verify", key: stranger.derBase64 },
            passwordCredential: null,
            proof,
          },
        },
      ]);
      return answer;
    };
    const now = Date.now();
    const refused = [
      ["signed by the removed key", await createProofSigner(current).sign(proofClaims(objectId, now))],
      ["signed by an unknown key", await createProofSigner(stranger).sign(proofClaims(objectId, now))],
      [
        "a wrong audience",
        await createProofSigner(result.certificate).sign({
          ...proofClaims(objectId, now),
          aud: "https://graph.microsoft.com",
        }),
      ],
      [
        "stale (expired 10 minutes ago)",
        await createProofSigner(result.certificate).sign(proofClaims(objectId, now - 15 * 60_000)),
      ],
      [
        "valid for longer than 10 minutes",
        await createProofSigner(result.certificate).sign({
          ...proofClaims(objectId, now),
          exp: Math.floor(now / 1000) + 3600,
        }),
      ],
      [
        "issued for another object",
        await createProofSigner(result.certificate).sign(
          proofClaims("00000000-0000-4000-8000-000000000000", now),
        ),
      ],
    ] as const;
    for (const [why, proof] of refused) {
      const answer = await addWith(proof);
      expect(answer?.status, why).toBe(400);
      expect(JSON.stringify(answer?.body), why).toContain("proof");
    }
    expect(await keyIds()).toEqual([result.keyId]);
    expect(PROOF_AUDIENCE).toBe("00000002-0000-0000-c000-000000000000");
  });
});
