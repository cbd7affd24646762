/**
 * The fault matrix for the self-rotation writes (addKey, removeKey), with the app's own token only:
 * each answer lost or 504 after the sandbox committed it (the sub-response, or the whole $batch).
 * addKey is not safe to repeat: the new key pair is handed over (kept) before addKey, a spoiled
 * answer is "maybe committed" and the new certificate is proven instead of being sent again, so the
 * run ends with the new key in the admin's hands (or nothing changed) and no certificate nobody
 * holds. removeKey is safe to repeat (a key already gone is success): the retire converges, and a
 * re-run converges too. Setup's own certificate write (PATCH keyCredentials, the first certificate
 * cannot use addKey) is resent safely: its keyId follows from the thumbprint.
 */
import { makeCertificate } from "@boxafe-connect/certs";
import {
  certificateKeyId,
  certificateRetireRequestSchema,
  certificateRotateRequestSchema,
  type GraphPort,
  parseRequest,
  retireCertificatesSelf,
  rotateCertificate,
} from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphPort } from "./graph-port.js";
import { type Harness, runSetup, startHarness } from "./integration/harness.js";
import { type LoseMode, losingPort } from "./integration/losing-port.js";
import { untilSignsIn } from "./integration/signs-in.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";
import { createProofSigner } from "./proof-signer.js";

type Made = Awaited<ReturnType<typeof makeCertificate>>;
const make = (subject: string) =>
  makeCertificate(globalThis.crypto, { subject, days: 365, pfxPassword: "pfx" });
const MODES: readonly LoseMode[] = ["batch", "item", "gateway-batch", "gateway-item"];

describe("fault matrix for the certificate writes: lost or 504 after commit", () => {
  let h: Harness;
  const appToken = () => createMsalAppTokenPort({ authorityHost: h.sandbox.url });
  const credentialOf = (cert: Made) => ({
    kind: "certificate" as const,
    certificatePem: cert.certificatePem,
    privateKeyPem: cert.privateKeyPem,
  });
  /** Graph as the app itself: its token comes from the certificate, never from an admin. */
  const appGraph = (cert: Made): GraphPort =>
    createGraphPort({
      baseUrl: h.sandbox.url,
      getAccessToken: () =>
        appToken().acquire({
          tenantId: h.sandbox.tenantId,
          clientId: appId,
          credential: credentialOf(cert),
          resource: "https://graph.microsoft.com",
        }),
    });
  const keys = async () =>
    ((await h.state()).applications[0]?.keyCredentials ?? []) as {
      keyId: string;
      customKeyIdentifier?: string;
    }[];
  let appId = "";
  let objectId = "";

  /** A fresh app whose only credential is `current` (added by setup, as Boxafe 1.5 gets it). */
  async function freshApp(current: Made) {
    await h.reset();
    const admin = await h.signIn(h.sandbox.admin.upn);
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
    await untilSignsIn(h, appId, credentialOf(current));
  }

  const rotateRequest = () =>
    parseRequest(certificateRotateRequestSchema, {
      tenantId: h.sandbox.tenantId,
      appId,
      applicationObjectId: objectId,
      certificateDays: 365,
    });

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  for (const mode of MODES) {
    it(`addKey answered ${mode}: the new key is in the admin's hands, no certificate nobody holds`, async () => {
      const current = await make("QNAP Boxafe");
      await freshApp(current);
      const kept: Made[] = [];
      const { port, lost } = losingPort(appGraph(current), (r) => r.url.endsWith("/addKey"), mode);
      const outcome = await rotateCertificate<Made>(
        {
          ...nodePorts(),
          graph: port,
          appToken: appToken(),
          cloud: h.cloud,
          currentSigner: createProofSigner(current),
          signerFor: (made) => createProofSigner(made),
          certificates: { make: (r) => make(r.subject) },
          keep: async (made) => {
            kept.push(made);
          },
        },
        rotateRequest(),
      ).then(
        (result) => result,
        (error: unknown) => error as Error,
      );
      expect(lost).toHaveLength(1);
      // Never sent twice: one addKey reached the tenant, and its certificate was proven instead.
      expect(outcome).not.toBeInstanceOf(Error);
      if (outcome instanceof Error) return;
      expect(outcome.keyId).toBeUndefined();
      expect(kept.map((k) => k.thumbprint)).toEqual([outcome.certificate.thumbprint]);
      const held = new Set([current.thumbprint, ...kept.map((k) => k.thumbprint)]);
      const onApp = await keys();
      expect(onApp).toHaveLength(2);
      // 0 orphans: every certificate on the app is one someone holds.
      expect(onApp.filter((k) => !held.has(String(k.customKeyIdentifier)))).toEqual([]);
    });
  }

  for (const mode of MODES) {
    it(`removeKey answered ${mode}: the retire converges, the newest stays, a re-run converges too`, async () => {
      const current = await make("QNAP Boxafe");
      await freshApp(current);
      let fresh: Made | undefined;
      const rotated = await rotateCertificate<Made>(
        {
          ...nodePorts(),
          graph: appGraph(current),
          appToken: appToken(),
          cloud: h.cloud,
          currentSigner: createProofSigner(current),
          signerFor: (made) => createProofSigner(made),
          certificates: { make: (r) => make(r.subject) },
          keep: async (made) => {
            fresh = made;
          },
        },
        rotateRequest(),
      );
      const newest = fresh ?? rotated.certificate;
      const request = parseRequest(certificateRetireRequestSchema, {
        tenantId: h.sandbox.tenantId,
        appId,
        applicationObjectId: objectId,
        newestThumbprint: newest.thumbprint,
        newestStart: newest.notBefore,
        keys: [
          {
            keyId: certificateKeyId(current.thumbprint),
            thumbprint: current.thumbprint,
            startDateTime: current.notBefore,
            endDateTime: current.notAfter,
          },
          {
            keyId: rotated.keyId,
            thumbprint: newest.thumbprint,
            startDateTime: newest.notBefore,
            endDateTime: newest.notAfter,
          },
        ],
      });
      const retirePorts = (graph: GraphPort) => ({
        ...nodePorts(),
        graph,
        appToken: appToken(),
        cloud: h.cloud,
        newest: credentialOf(newest),
        newestSigner: createProofSigner(newest),
      });
      const { port, lost } = losingPort(appGraph(newest), (r) => r.url.endsWith("/removeKey"), mode);
      const first = await retireCertificatesSelf(retirePorts(port), request);
      expect(lost).toHaveLength(1);
      expect(first.removedKeyIds).toEqual([certificateKeyId(current.thumbprint)]);
      expect((await keys()).map((k) => k.keyId)).toEqual([rotated.keyId]);
      // The re-run (the same record) converges: the key is gone already, the newest stays.
      const again = await retireCertificatesSelf(retirePorts(appGraph(newest)), request);
      expect(again.keptKeyIds).toEqual([rotated.keyId]);
      expect((await keys()).map((k) => k.keyId)).toEqual([rotated.keyId]);
    });
  }

  for (const mode of MODES) {
    it(`setup's certificate PATCH answered ${mode}: one certificate, held, and a re-run adds nothing`, async () => {
      await h.reset();
      const admin = await h.signIn(h.sandbox.admin.upn);
      const mine = await make("QNAP Boxafe");
      const certificate = {
        displayName: "boxafe-connect CN=QNAP Boxafe",
        derBase64: mine.derBase64,
        thumbprint: mine.thumbprint,
        endDateTime: mine.notAfter,
      };
      const isCertificatePatch = (r: { method: string; url: string; body?: unknown }) =>
        r.method === "PATCH" &&
        r.url.startsWith("/applications/") &&
        Array.isArray((r.body as { keyCredentials?: unknown } | undefined)?.keyCredentials);
      const { port, lost } = losingPort(h.graph(admin), isCertificatePatch, mode);
      await runSetup(h.deps(port), { certificate }).catch(() => undefined);
      expect(lost).toHaveLength(1);
      const again = await runSetup(h.deps(h.graph(admin)), { certificate });
      expect(again.plan.actions.filter((a) => a.type === "add-certificate")).toEqual([]);
      const state = await h.state();
      const onApp = (state.applications[0]?.keyCredentials ?? []) as {
        keyId: string;
        customKeyIdentifier?: string;
      }[];
      // The PATCH names the key by its thumbprint's keyId: resent, it converges on one key.
      expect(onApp.map((k) => [k.keyId, k.customKeyIdentifier])).toEqual([
        [certificateKeyId(mine.thumbprint), mine.thumbprint],
      ]);
      expect(
        (state.applications[0]?.tags ?? []).filter((t) => t.startsWith("boxafe-connect:pending:")),
      ).toEqual([]);
    });
  }
});
