/**
 * A fleet rotate stopped after addKey answered but before the proof (here: the proof's token request
 * dies) leaves the new certificate named (keyId) and marked unproven in the state at once. fleet retire
 * and fleet check keep acting with the certificate the app is known to accept, and the next rotate
 * finishes the same certificate: no second key pair, no second addKey, nothing removed.
 */
import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import type { GraphRequest } from "../graph/port.js";
import { fakeTime, scriptedGraph } from "../testing/index.js";
import type { MadeCertificate } from "../usecases/ports.js";
import type { ClientCredential } from "../verify/port.js";
import { tokenError } from "../verify/token-response.js";
import type { CredentialStore } from "./credential-store.js";
import type { FleetEntry } from "./fleet-file.js";
import { fleetRetire } from "./fleet-retire.js";
import { fleetRotate } from "./fleet-rotate.js";
import type { FleetState } from "./fleet-state.js";
import { heldCertificates } from "./held-certificate.js";

const TENANT = "11111111-1111-4111-8111-111111111111";
const APP = "22222222-2222-4222-8222-222222222222";
const OBJECT = "33333333-3333-4333-8333-333333333333";
const NEW_KEY_ID = "44444444-4444-4444-8444-444444444444";

function cert(letter: string, notAfter: string): MadeCertificate {
  return {
    derBase64: `DER${letter}`,
    thumbprint: letter.repeat(40),
    notAfter,
    certificatePem: `CERT-${letter}`,
    privateKeyPem: `KEY-${letter}`,
  };
}

function memoryStore(): CredentialStore & { readonly saved: string[] } {
  const byKey = new Map<string, MadeCertificate[]>();
  const saved: string[] = [];
  const all = async (key: string) =>
    [...(byKey.get(key) ?? [])].sort((a, b) => Date.parse(b.notAfter) - Date.parse(a.notAfter));
  return {
    saved,
    all,
    current: async (key) => (await all(key))[0],
    async save(key, c) {
      saved.push(c.thumbprint);
      byKey.set(key, [...(byKey.get(key) ?? []).filter((x) => x.thumbprint !== c.thumbprint), c]);
    },
    async saveSecret() {},
    async drop(key, thumbprint) {
      byKey.set(
        key,
        (byKey.get(key) ?? []).filter((x) => x.thumbprint !== thumbprint),
      );
    },
  };
}

describe("fleet rotate interrupted between addKey and the proof", () => {
  const time = fakeTime(Date.UTC(2026, 11, 2));
  const current = cert("A", "2026-12-10T00:00:00.000Z");
  const made = cert("B", "2027-12-02T00:00:00.000Z");
  const entries: FleetEntry[] = [{ row: 1, tenant: TENANT, label: "Contoso", boxafe: "1.5" }];

  function world(options: { addKeyLost: boolean }) {
    const store = memoryStore();
    const onApp = new Set<string>([current.certificatePem]);
    /** The proof's token request for the new certificate dies (the run is stopped) while true. */
    let killed = true;
    let makes = 0;
    const graph = scriptedGraph((request: GraphRequest, call) => {
      if (request.url.endsWith("/addKey")) {
        if (options.addKeyLost && call === 1) return { status: 504, body: {} };
        onApp.add(made.certificatePem);
        return { status: 200, body: { keyId: NEW_KEY_ID } };
      }
      return { status: 404, body: {} };
    });
    const appToken = {
      async acquire(r: { readonly credential: ClientCredential }) {
        const pem = r.credential.kind === "certificate" ? r.credential.certificatePem : "";
        if (pem === made.certificatePem && killed) throw new Error("the run was stopped here");
        if (!onApp.has(pem))
          throw tokenError({ status: 401, error: "invalid_client", aadsts: 700027 }, "app");
        return "header.eyJyb2xlcyI6W119.sig";
      },
    };
    const saved: FleetState[] = [];
    const ports = {
      ...time,
      store,
      saveState: async (s: FleetState) => {
        saved.push(structuredClone(s));
      },
      rotatePorts: () => ({
        ...time,
        cloud: sandboxEndpoints("https://localhost:8443"),
        appToken,
        graph,
        currentSigner: { sign: async () => "proof" },
        signerFor: () => ({ sign: async () => "proof" }),
        certificates: {
          make: async () => {
            makes++;
            return made;
          },
        },
      }),
    };
    const state: FleetState = {
      version: 1,
      tenants: {
        [TENANT]: {
          stage: "done",
          tenantId: TENANT,
          clientId: APP,
          applicationObjectId: OBJECT,
          thumbprint: current.thumbprint,
          notAfter: current.notAfter,
          updatedAt: "2026-12-01T00:00:00.000Z",
        },
      },
    };
    return {
      store,
      ports,
      state,
      saved,
      graph,
      makes: () => makes,
      addKeys: () => graph.batches.flat().filter((r) => r.url.endsWith("/addKey")).length,
      resume: () => {
        killed = false;
      },
      lastSaved: () => saved.at(-1)?.tenants[TENANT],
    };
  }

  const rotate = (w: ReturnType<typeof world>) =>
    fleetRotate(w.ports, entries, w.state, { withinDays: 30, concurrency: 1 }, () => {});

  it("records the keyId before the proof, marks it unproven; retire and check keep the current; a re-run finishes it", async () => {
    const w = world({ addKeyLost: false });
    await w.store.save(TENANT, current);
    const first = await rotate(w);
    expect(first.failed).toBe(1);
    // On disk before the proof ran: the new certificate is named and unproven.
    expect(w.lastSaved()).toMatchObject({
      thumbprint: current.thumbprint,
      keyIds: { [made.thumbprint]: NEW_KEY_ID },
      unproven: [made.thumbprint],
    });
    // check and retire act with the certificate the app is known to accept.
    const held = await heldCertificates(w.store, TENANT, w.state.tenants[TENANT]);
    expect(held.current?.thumbprint).toBe(current.thumbprint);
    expect(held.unproven.map((c) => c.thumbprint)).toEqual([made.thumbprint]);
    const rows: { status: string; detail?: string }[] = [];
    await fleetRetire(
      {
        ...time,
        store: w.store,
        saveState: async () => {},
        validFrom: () => "2026-01-01T00:00:00.000Z",
        retirePorts: () => {
          throw new CoreError("internal_error", "retire must not act while the new certificate is unproven");
        },
      },
      entries,
      w.state,
      { concurrency: 1 },
      (row) => {
        rows.push(row);
      },
    );
    expect(rows[0]).toMatchObject({ status: "nothing-to-retire", thumbprint: current.thumbprint });
    expect(rows[0]?.detail).toContain("1 newer one not proven yet");
    expect((await w.store.all(TENANT)).map((c) => c.thumbprint)).toEqual([
      made.thumbprint,
      current.thumbprint,
    ]);

    w.resume();
    const again = await rotate(w);
    expect(again.rotated).toBe(1);
    expect(w.makes()).toBe(1);
    expect(w.addKeys()).toBe(1);
    const record = w.lastSaved();
    expect(record).toMatchObject({ thumbprint: made.thumbprint, keyIds: { [made.thumbprint]: NEW_KEY_ID } });
    expect(record?.unproven).toBeUndefined();
    // Converged: nothing due, nothing unproven.
    const third = await rotate(w);
    expect(third["not-due"]).toBe(1);
    expect(w.addKeys()).toBe(1);
  });

  it("addKey's answer lost and the key never on the app: the re-run adds the same key pair again", async () => {
    const w = world({ addKeyLost: true });
    await w.store.save(TENANT, current);
    w.resume();
    // 504 to addKey (not committed here), then the proof never signs in: the run stops.
    const first = await rotate(w);
    expect(first.failed).toBe(1);
    expect(w.lastSaved()).toMatchObject({ keyIds: { [made.thumbprint]: null }, unproven: [made.thumbprint] });
    const again = await rotate(w);
    expect(again.rotated).toBe(1);
    expect(w.makes()).toBe(1);
    expect(w.addKeys()).toBe(2);
    expect(w.lastSaved()).toMatchObject({
      thumbprint: made.thumbprint,
      keyIds: { [made.thumbprint]: NEW_KEY_ID },
    });
    expect(w.lastSaved()?.unproven).toBeUndefined();
  });
});
