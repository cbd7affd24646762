import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import type { WizardEvent } from "./events.js";
import { transition } from "./machine.js";
import { type EffectHandlers, runEffect } from "./run-effect.js";
import type { Effect, WizardState } from "./schema.js";
import { serializeState } from "./serialize.js";
import { CLIENT, FRESH_PLAN, initial, STATES, TENANT } from "./test-fixtures.js";

const SECRET = "Zx8Q~s3cr3t.VALUE-that_must-never~leak0123";

function handlers(overrides: Partial<EffectHandlers> = {}): EffectHandlers {
  return {
    signIn: async () => ({ username: "admin@contoso.onmicrosoft.com", tenantId: TENANT }),
    checkRole: async () => ({ roles: ["Global Administrator"] }),
    observe: async () => ({ plan: FRESH_PLAN }),
    apply: async (progress) => {
      progress("register-app");
      progress("add-permissions");
      progress("create-secret");
      progress("grant-consent");
      return {
        clientId: CLIENT,
        secret: { secretText: SECRET, keyId: "k1", endDateTime: "2027-05-26T12:00:00.000Z" },
      };
    },
    verify: async (progress) => {
      progress(3, 26);
      return {
        complete: false,
        items: [
          { status: "granted" },
          { status: "pending" },
          { status: "missing" },
          { status: "unverifiable" },
        ],
      };
    },
    sharepoint: async () => ({ url: "https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx" }),
    ...overrides,
  };
}

/** The adapter loop: run effects and feed every event (progress ones too) back in. */
async function loop(state: WizardState, effects: Effect[], h: EffectHandlers): Promise<WizardState> {
  let current = state;
  let queue = effects;
  while (queue.length > 0) {
    const [effect, ...rest] = queue;
    if (effect === undefined) break;
    const emitted: WizardEvent[] = [];
    const result = await runEffect(h, effect, (event) => emitted.push(event));
    let more: Effect[] = [];
    for (const event of [...emitted, result]) {
      const [next, fx] = transition(current, event);
      current = next;
      more = [...more, ...fx];
    }
    queue = [...rest, ...more];
  }
  return current;
}

describe("runEffect", () => {
  it("turns each handler result into its event", async () => {
    const h = handlers();
    expect(await runEffect(h, { type: "sign-in" })).toEqual({
      type: "sign-in.done",
      username: "admin@contoso.onmicrosoft.com",
      tenantId: TENANT,
    });
    expect(await runEffect(h, { type: "check-role" })).toEqual({
      type: "role.done",
      roles: ["Global Administrator"],
    });
    expect(await runEffect(h, { type: "observe", appKey: { appId: CLIENT } })).toEqual({
      type: "observe.done",
      plan: FRESH_PLAN,
    });
    expect(await runEffect(h, { type: "verify" })).toEqual({
      type: "verify.done",
      complete: false,
      granted: 1,
      pending: 1,
      missing: 1,
      unverifiable: 1,
      total: 4,
    });
    expect(await runEffect(h, { type: "sharepoint" })).toEqual({
      type: "sharepoint.ready",
      url: "https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx",
    });
  });

  it("passes the effect's app key to observe and emits progress while applying", async () => {
    const seen: unknown[] = [];
    const h = handlers({
      observe: async (appKey, displayName) => {
        seen.push(appKey, displayName);
        return { plan: FRESH_PLAN, appId: CLIENT };
      },
    });
    await runEffect(h, { type: "observe", appKey: { uniqueName: "boxafe-connect-x" }, displayName: "X" });
    expect(seen).toEqual([{ uniqueName: "boxafe-connect-x" }, "X"]);
    const emitted: WizardEvent[] = [];
    const done = await runEffect(h, { type: "apply" }, (event) => emitted.push(event));
    expect(emitted.map((event) => event.type === "apply.progress" && event.step)).toEqual([
      "register-app",
      "add-permissions",
      "create-secret",
      "grant-consent",
    ]);
    expect(done).toEqual({
      type: "apply.done",
      clientId: CLIENT,
      secret: "new",
      secretExpiresOn: "2027-05-26T12:00:00.000Z",
    });
  });

  it("reports an existing secret when apply added none", async () => {
    const h = handlers({ apply: async () => ({ clientId: CLIENT, existingSecret: true }) });
    expect(await runEffect(h, { type: "apply" })).toEqual({
      type: "apply.done",
      clientId: CLIENT,
      secret: "existing",
    });
  });

  it("converts a thrown CoreError into the matching failure event with code, message and field", async () => {
    const h = handlers({
      checkRole: async () => {
        throw new CoreError(
          "insufficient_role",
          "Sign in as a Global Administrator or Privileged Role Administrator.",
        );
      },
      observe: async () => {
        throw new CoreError("invalid_input", "Bad app id.", { field: "appId", status: 400 });
      },
    });
    expect(await runEffect(h, { type: "check-role" })).toEqual({
      type: "role.failed",
      error: {
        code: "insufficient_role",
        message: "Sign in as a Global Administrator or Privileged Role Administrator.",
      },
    });
    expect(await runEffect(h, { type: "observe", appKey: { appId: CLIENT } })).toEqual({
      type: "observe.failed",
      error: { code: "invalid_input", message: "Bad app id.", field: "appId" },
    });
  });

  it("hides the text of unexpected errors (it may echo a credential)", async () => {
    const h = handlers({
      apply: async () => {
        throw new Error(`request body had ${SECRET}`);
      },
    });
    const event = await runEffect(h, { type: "apply" });
    expect(event).toMatchObject({ type: "apply.failed", error: { code: "internal_error" } });
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });
});

describe("no secret ever reaches the state", () => {
  it("a whole run with a handler returning a secret leaves no trace of it in any state", async () => {
    const [signingIn, fx] = transition(initial(), { type: "sign-in.start" });
    const states: string[] = [];
    const h = handlers();
    let s = await loop(signingIn, fx, h);
    states.push(serializeState(s));
    const [chosen, fx2] = transition(s, { type: "app.choose-new", displayName: "QNAP Boxafe" });
    s = await loop(chosen, fx2, h);
    states.push(serializeState(s));
    const [applying, fx3] = transition(s, { type: "plan.confirm" });
    s = await loop(applying, fx3, h);
    states.push(serializeState(s));
    expect(s.phase).toBe("verify-incomplete");
    expect(s.handOver).toEqual({
      clientId: CLIENT,
      tenantId: TENANT,
      secret: "new",
      secretExpiresOn: "2027-05-26T12:00:00.000Z",
      secretShown: false,
    });
    for (const json of states) {
      expect(json).not.toContain(SECRET);
      expect(json).not.toContain("Zx8Q~");
    }
  });

  it("no fixture state carries a secret-shaped key", () => {
    for (const state of Object.values(STATES)) {
      expect(serializeState(state)).not.toMatch(
        /"(secretText|secret_text|accessToken|access_token|refreshToken|refresh_token|password|clientSecret)"\s*:/i,
      );
    }
  });
});
