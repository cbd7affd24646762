import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import type { GraphPort } from "../graph/port.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeAppTokens, fakeTenant, fakeTime, testCertificate } from "../testing/index.js";
import { addCertificate } from "./certificate.js";
import { chooseCertificate, keptCertificateOf, sharePointCertificateOf } from "./choose-certificate.js";
import { handedOver } from "./hand-over.js";
import type { MadeCertificate, NewCredential } from "./ports.js";
import { setup } from "./setup.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);

const certificate = testCertificate;

/**
 * The fake tenant with one more of Graph's habits: a keyCredential added without a
 * customKeyIdentifier gets its certificate's SHA-1 thumbprint there (what observe compares). The
 * fake cannot hash DER, so a test certificate "MII<letter>" has the thumbprint <letter> x 40. Graph
 * also takes endDateTime from the certificate: every test certificate's notAfter.
 */
function thumbprinting(tenant: ReturnType<typeof fakeTenant>): GraphPort {
  return {
    async batch(requests) {
      const answers = await tenant.batch(requests);
      for (const app of tenant.apps) {
        for (const key of app.keyCredentials) {
          if (key.customKeyIdentifier === undefined && typeof key.key === "string")
            key.customKeyIdentifier = key.key.slice(3).repeat(40);
          if (key.endDateTime === undefined) key.endDateTime = certificate("A").notAfter;
        }
      }
      return answers;
    },
  };
}

function ports(held: MadeCertificate | undefined) {
  const tenant = fakeTenant();
  const appToken = fakeAppTokens(() => allRoles);
  const made: MadeCertificate[] = [];
  const handedOver: NewCredential[] = [];
  const asked: (string | undefined)[] = [];
  return {
    tenant,
    made,
    handedOver,
    asked,
    ports: {
      ...fakeTime(),
      graph: thumbprinting(tenant),
      proof: { appToken, cloud: sandboxEndpoints("https://localhost:8443") },
      certificates: {
        make: async () => {
          const fresh = certificate(String.fromCharCode(65 + made.length));
          made.push(fresh);
          return fresh;
        },
        held: async (appId: string | undefined) => {
          asked.push(appId);
          return held;
        },
      },
      handOver: async (credential: NewCredential) => {
        handedOver.push(credential);
      },
    },
  };
}

describe("chooseCertificate: reuse what the admin holds, make a key pair only when there is none", () => {
  it("uses the held certificate and never makes one; makes one when nothing is held", async () => {
    const held = ports(certificate("F"));
    const chosen = await chooseCertificate(held.ports, "QNAP Boxafe", 365, "app-1", () => {});
    expect(chosen).toMatchObject({ source: "held", certificate: { thumbprint: "F".repeat(40) } });
    expect(held.made).toHaveLength(0);
    expect(held.asked).toEqual(["app-1"]);
    const none = ports(undefined);
    const fresh = await chooseCertificate(none.ports, "QNAP Boxafe", 365, undefined, () => {});
    expect(fresh.source).toBe("made");
    expect(none.made).toHaveLength(1);
    await expect(chooseCertificate(none.ports, "QNAP Boxafe", 0, undefined, () => {})).rejects.toMatchObject({
      field: "certificateDays",
    });
  });

  it("Boxafe 1.5 setup with a held certificate adds it once, hands nothing over, and a re-run writes nothing", async () => {
    const h = ports(certificate("F"));
    const request = parseRequest(setupRequestSchema, { boxafe: "1.5" });
    const first = await setup(h.ports, request);
    expect(first.certificateSource).toBe("held");
    expect(h.tenant.apps[0]?.keyCredentials).toHaveLength(1);
    expect(h.made).toHaveLength(0);
    // The admin holds it already: no new credential to hand over (no files to write).
    expect(h.handedOver.filter((c) => c.certificate)).toHaveLength(0);
    expect(first.report?.complete).toBe(true);
    const writes = h.tenant.writes();
    const again = await setup(h.ports, request);
    expect(again.summary.total).toBe(0);
    expect(h.tenant.writes()).toBe(writes);
    expect(h.tenant.apps[0]?.keyCredentials).toHaveLength(1);
    expect(h.asked.at(-1)).toBe(h.tenant.apps[0]?.appId);
  });

  it("sharepoint: a made certificate is handed over; the next run finds it held and adds nothing", async () => {
    const h = ports(undefined);
    await setup(h.ports, parseRequest(setupRequestSchema, { boxafe: "1.4" }));
    const appId = String(h.tenant.apps[0]?.appId);
    const first = await addCertificate(h.ports, { appId, certificateDays: 365 });
    expect(first).toMatchObject({ source: "made", added: true });
    expect(h.handedOver.filter((c) => c.certificate)).toHaveLength(1);
    const kept = first.certificate;
    const again = ports(kept);
    const writes = h.tenant.writes();
    const second = await addCertificate(
      { ...h.ports, certificates: again.ports.certificates },
      { appId, certificateDays: 365 },
    );
    expect(second).toMatchObject({ source: "held", added: false });
    expect(second.summary.total).toBe(0);
    expect(h.tenant.writes()).toBe(writes);
    expect(h.tenant.apps[0]?.keyCredentials).toHaveLength(1);
  });
});

describe("chooseCertificate: keep the app's handed-over certificate when no files are here", () => {
  const request = (extra: Record<string, unknown> = {}) =>
    parseRequest(setupRequestSchema, { boxafe: "1.5", ...extra });

  it("a run from a new folder keeps it: no key made or added, no hand-over, proof not run", async () => {
    const h = ports(undefined);
    const first = await setup(h.ports, request());
    expect(first.certificateSource).toBe("made");
    // The files were written (the adapter's hand-over): the pending mark goes.
    await handedOver(h.ports, first.handOver, () => {});
    const writes = h.tenant.writes();
    const second = await setup(h.ports, request());
    expect(second.certificateSource).toBe("kept");
    expect(second.keptCertificate).toMatchObject({
      thumbprint: "A".repeat(40),
      notAfter: "2027-11-27T12:00:00.000Z",
    });
    expect(second.keptCertificate?.daysLeft).toBeGreaterThan(300);
    expect(second.summary.counts["add-certificate"]).toBe(0);
    expect(second.summary.total).toBe(0);
    expect(second.notRun).toBe("certificate-held-elsewhere");
    expect(second.report).toMatchObject({
      complete: false,
      items: [],
      notRun: { reason: "certificate-held-elsewhere" },
    });
    expect(second.certificate).toBeUndefined();
    expect(h.made).toHaveLength(1);
    expect(h.handedOver.filter((c) => c.certificate)).toHaveLength(1);
    expect(h.tenant.writes()).toBe(writes);
    expect(h.tenant.apps[0]?.keyCredentials).toHaveLength(1);
  });

  it("--new-certificate makes and adds a second one", async () => {
    const h = ports(undefined);
    const first = await setup(h.ports, request());
    await handedOver(h.ports, first.handOver, () => {});
    const second = await setup(h.ports, request({ newCertificate: true }));
    expect(second.certificateSource).toBe("made");
    expect(h.made).toHaveLength(2);
    expect(h.tenant.apps[0]?.keyCredentials).toHaveLength(2);
  });

  it("never keeps a pending, foreign, thumbprint-less or soon-ending certificate", () => {
    const now = Date.parse("2026-12-01T00:00:00Z");
    const key = (over: Record<string, unknown>) => ({
      keyId: "k1",
      type: "AsymmetricX509Cert",
      usage: "Verify",
      displayName: "CN=QNAP Boxafe",
      customKeyIdentifier: "F".repeat(40),
      startDateTime: "2026-01-01T00:00:00Z",
      endDateTime: "2027-06-01T00:00:00Z",
      ...over,
    });
    const app = (k: Record<string, unknown>, tags: string[] = []) => ({
      displayName: "QNAP Boxafe",
      keyCredentials: [key(k)] as never,
      tags,
    });
    expect(keptCertificateOf(app({}), now)).toMatchObject({ keyId: "k1", daysLeft: 182 });
    expect(keptCertificateOf(app({}, ["boxafe-connect:pending:k1"]), now)).toBeUndefined();
    expect(keptCertificateOf(app({ displayName: "CN=someone else" }), now)).toBeUndefined();
    expect(keptCertificateOf(app({ customKeyIdentifier: null }), now)).toBeUndefined();
    // Inside core's 30-day renewal window: a new one is due, not kept.
    expect(keptCertificateOf(app({ endDateTime: "2026-12-20T00:00:00Z" }), now)).toBeUndefined();
    expect(keptCertificateOf(undefined, now)).toBeUndefined();
  });
});

describe("sharePointCertificateOf: Boxafe 1.5's handed-over certificate serves SharePoint", () => {
  const now = Date.parse("2026-12-01T00:00:00Z");
  const app = {
    displayName: "QNAP Boxafe",
    tags: [],
    keyCredentials: [
      {
        keyId: "k1",
        displayName: "CN=QNAP Boxafe",
        type: "AsymmetricX509Cert",
        usage: "Verify",
        startDateTime: "2026-11-01T00:00:00Z",
        endDateTime: "2027-11-01T00:00:00Z",
        customKeyIdentifier: "A".repeat(40),
      },
    ],
  };

  it("is the kept certificate on 1.5, none on 1.4 or without a version", () => {
    expect(sharePointCertificateOf(app, "1.5", now)).toEqual(keptCertificateOf(app, now));
    expect(sharePointCertificateOf(app, "1.5", now)?.thumbprint).toBe("A".repeat(40));
    expect(sharePointCertificateOf(app, "1.4", now)).toBeUndefined();
    expect(sharePointCertificateOf(app, undefined, now)).toBeUndefined();
  });
});
