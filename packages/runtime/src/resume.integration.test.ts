/**
 * Resume anywhere, against the sandbox over HTTPS: the wizard's step machine (core's driveSteps
 * over core's setup session, what the CLI wizard, `setup --yes` and the web page run) is killed at
 * EVERY step id, its last saved state goes through JSON (what `setup --resume` reads), and a new
 * session (nothing in memory: a new process) resumes it to the end. Each walk must end done, with
 * one app, exactly one secret (the one the admin confirmed holding, handed over once), the
 * SharePoint certificate the admin holds, and no pending mark: an unheld secret or key from the
 * killed run is replaced, never kept and never lost.
 */
import { type CreatedCertificate, makeCertificate } from "@boxafe-connect/certs";
import {
  answersUpFront,
  createSetupSession,
  DEFAULT_APP_NAME,
  type Driver,
  driveSteps,
  type Effect,
  initialState,
  PENDING_TAG_PREFIX,
  parseRequest,
  parseState,
  resumeState,
  runEffect,
  STEP_IDS,
  type StepId,
  serializeState,
  setupRequestSchema,
  type WizardEvent,
  type WizardState,
} from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, UNIQUE_NAME } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";

class Killed extends Error {}

/** What the admin holds across the two processes: secrets confirmed copied (keyIds), certificate files. */
interface Admin {
  readonly secrets: string[];
  readonly files: CreatedCertificate[];
}

/** Where a kill at each step lands: before its effect, at its prompt, or after its apply wave. */
const KILL: Readonly<
  Record<StepId, { readonly effect?: Effect["type"]; readonly prompt?: string; readonly wave?: StepId }>
> = {
  "sign-in": { effect: "sign-in" },
  "check-role": { effect: "check-role" },
  "choose-app": { prompt: "choose-app" },
  "register-app": { wave: "register-app" },
  "add-permissions": { wave: "add-permissions" },
  // The secret exists and is marked pending; nobody has seen it.
  "create-secret": { wave: "create-secret" },
  "grant-consent": { wave: "grant-consent" },
  verify: { effect: "verify" },
  // The secret was shown, but the admin never confirmed holding it.
  "hand-over": { prompt: "hand-over" },
  // The SharePoint certificate is on the app; its key never reached the admin.
  sharepoint: { prompt: "sharepoint" },
};

describe("resume after every step of the wizard", () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.signIn(h.sandbox.admin.upn);
  }, 60_000);
  afterAll(async () => h?.stop());

  /** One process: a fresh session (nothing in memory) driven from `start`; returns the last saved state. */
  async function runProcess(
    boxafe: "1.4" | "1.5",
    start: [WizardState, Effect[]],
    admin: Admin,
    kill?: (typeof KILL)[StepId],
  ): Promise<{ saved: string; killed: boolean; end?: WizardState }> {
    const handed = admin.secrets;
    const ports = {
      ...h.deps(h.graph(token)),
      proof: { appToken: createMsalAppTokenPort({ authorityHost: h.sandbox.url }), cloud: h.cloud },
      certificates: {
        make: (r: { subject: string; days: number }) =>
          makeCertificate(globalThis.crypto, { ...r, pfxPassword: "pfx-password-for-the-test" }),
        // What the CLI finds in its folder: the key files an earlier run wrote at the hand-over.
        held: async () => admin.files.at(-1),
      },
      // The CLI writes a new certificate's key files here, before anything else can fail.
      handOver: async (credential: { certificate?: CreatedCertificate }) => {
        if (credential.certificate) admin.files.push(credential.certificate);
      },
    };
    const session = createSetupSession(
      {
        signIn: async () => ({ username: h.sandbox.admin.upn, tenantId: h.sandbox.tenantId, ports }),
        checkRole: async () => ({ roles: ["Global Administrator"] }),
      },
      parseRequest(setupRequestSchema, { boxafe, displayName: DEFAULT_APP_NAME }),
    );
    const upFront = answersUpFront({ displayName: DEFAULT_APP_NAME, sharepoint: "certificate" });
    let saved = serializeState(start[0]);
    const driver: Driver = {
      handlers: session.handlers,
      onState: (state) => {
        saved = serializeState(state);
      },
      run: async (effect, _state, feed) => {
        if (kill?.effect === effect.type) throw new Killed();
        let dead = false;
        const event = await runEffect(session.handlers, effect, (progress: WizardEvent) => {
          feed(progress);
          if (progress.type === "apply.progress" && progress.step === kill?.wave) {
            dead = true;
            // The process is gone after this wave committed: nothing after it runs.
            throw new Killed();
          }
        });
        if (dead) throw new Killed();
        return event;
      },
      answer: async (state) => {
        if (kill?.prompt === state.phase) throw new Killed();
        // What the wizard does: the admin confirms holding the new secret (or the key files are written).
        if (state.phase === "hand-over" || state.phase === "sharepoint") {
          const secret = session.newSecret();
          if (state.phase === "hand-over" && secret?.keyId && !handed.includes(secret.keyId))
            handed.push(secret.keyId);
          await session.handedOver();
        }
        return upFront(state);
      },
    };
    try {
      const end = await driveSteps(driver, start);
      return { saved, killed: false, end };
    } catch (error) {
      if (error instanceof Killed) return { saved, killed: true };
      throw error;
    }
  }

  const cases = (["1.4", "1.5"] as const).flatMap((boxafe) =>
    STEP_IDS.map((step) => [boxafe, step] as const),
  );

  it.each(cases)(
    "Boxafe %s, killed at %s: the resume reaches done with the credential handed over exactly once",
    async (boxafe, step) => {
      await h.reset();
      const admin: Admin = { secrets: [], files: [] };
      const fresh = initialState({ defaultDisplayName: DEFAULT_APP_NAME });
      const first = await runProcess(boxafe, [fresh, []], admin, KILL[step]);
      expect(first.killed).toBe(true);
      // A restart takes longer than Entra's replication: the resume's read sees what the run wrote.
      await h.replicated();

      const loaded = parseState(first.saved);
      if (!loaded.ok) throw new Error(`the saved state does not load: ${JSON.stringify(loaded.issues)}`);
      const second = await runProcess(boxafe, resumeState(loaded.state), admin);
      expect(second.end?.phase).toBe("done");

      const state = await h.state();
      const apps = state.applications.filter((a) => a.uniqueName === UNIQUE_NAME);
      expect(apps).toHaveLength(1);
      const app = apps[0];
      const secrets = app?.passwordCredentials.map((p) => p.keyId) ?? [];
      if (boxafe === "1.4") {
        // Exactly one secret, the one the admin confirmed holding, handed over once.
        expect(secrets).toHaveLength(1);
        expect(admin.secrets.filter((keyId) => keyId === secrets[0])).toHaveLength(1);
      } else {
        // Boxafe 1.5 signs in with a certificate: no secret at all.
        expect(secrets).toEqual([]);
      }
      // One certificate (1.4: SharePoint's; 1.5: Boxafe's, which SharePoint reuses), and its key is in
      // the admin's files: a killed run's unheld one is removed once its replacement is held.
      expect(app?.keyCredentials).toHaveLength(1);
      const thumbprints = admin.files.map((f) => f.thumbprint);
      expect(thumbprints).toContain(second.end?.sharepoint?.certificate?.thumbprint);
      expect((app?.tags ?? []).filter((t) => t.startsWith(PENDING_TAG_PREFIX))).toEqual([]);
      expect(state.servicePrincipals.filter((sp) => sp.appId === app?.appId)).toHaveLength(1);
      // The saved state never held a secret or a key.
      expect(first.saved).not.toMatch(/Q~|PRIVATE KEY|eyJ/);
    },
    120_000,
  );
});
