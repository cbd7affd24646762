import { describe, expect, it } from "vitest";
import { transition } from "./machine.js";
import { resumeState } from "./resume.js";
import { parseState, serializeState } from "./serialize.js";
import { SAMPLE_EVENTS as e, STATES, TENANT } from "./test-fixtures.js";

describe("serializeState / parseState", () => {
  it("round-trips every fixture state (and a rejected one) through JSON unchanged", () => {
    const withRejected = transition(STATES.review, e.finish)[0];
    for (const state of [...Object.values(STATES), withRejected]) {
      const parsed = parseState(serializeState(state));
      expect(parsed).toEqual({ ok: true, state });
    }
  });

  it("refuses broken JSON, unknown keys (e.g. a smuggled secret) and bad values, naming the field", () => {
    expect(parseState("{not json")).toMatchObject({ ok: false, issues: [{ field: "state" }] });
    const smuggled = { ...STATES.handOver, handOver: { ...STATES.handOver.handOver, secretText: "abc" } };
    const result = parseState(JSON.stringify(smuggled));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.message).toContain("holds a credential field");
    const unknownKey = parseState({
      ...STATES.handOver,
      handOver: { ...STATES.handOver.handOver, note: "x" },
    });
    expect(!unknownKey.ok && unknownKey.issues[0]?.field).toBe("handOver");
    const badPhase = parseState({ ...STATES.start, phase: "flying" });
    expect(!badPhase.ok && badPhase.issues[0]?.field).toBe("phase");
    expect(parseState({ ...STATES.start, version: 2 }).ok).toBe(false);
  });
});

describe("resume", () => {
  const observeApp = {
    type: "observe",
    appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
    displayName: "QNAP Boxafe",
  } as const;

  it("always signs in again, then reads the tenant again (or asks for the app) before going on", () => {
    const cases = [
      [STATES.chooseApp, "choose-app", [], undefined],
      [STATES.review, "observing", [observeApp], undefined],
      [STATES.applying, "observing", [observeApp], undefined],
      [STATES.verifyIncomplete, "observing", [observeApp], "verify"],
      [STATES.handOver, "observing", [observeApp], "hand-over"],
      [STATES.sharepoint, "observing", [observeApp], "sharepoint"],
      [STATES.errorSharepoint, "observing", [observeApp], "sharepoint"],
    ] as const;
    for (const [saved, phase, effects, resumeTo] of cases) {
      const loaded = parseState(serializeState(saved));
      if (!loaded.ok) throw new Error("fixture");
      const [s, fx] = resumeState(loaded.state);
      expect([s.phase, fx]).toEqual(["signing-in", [{ type: "sign-in" }]]);
      const [afterSignIn] = transition(s, e["sign-in.done"]);
      const [afterRole, fx2] = transition(afterSignIn, e["role.done"]);
      expect([afterRole.phase, fx2, afterRole.resumeTo]).toEqual([phase, effects, resumeTo]);
    }
  });

  it("leaves finished and unstarted states alone", () => {
    expect(resumeState(STATES.done)).toEqual([STATES.done, []]);
    expect(resumeState(STATES.start)).toEqual([STATES.start, []]);
  });

  it("refuses a sign-in to a different tenant on resume", () => {
    const [s] = resumeState(STATES.review);
    const [next] = transition(s, {
      type: "sign-in.done",
      username: "x@fabrikam.com",
      tenantId: "fabrikam.onmicrosoft.com",
    });
    expect([next.phase, next.error?.field, next.account?.tenantId]).toEqual(["error", "tenantId", TENANT]);
  });
});

describe("a state that holds a credential", () => {
  it.each([
    ["a secretText field", { handOver: { secretText: "anything" } }, "a credential field"],
    [
      "a PEM private key",
      { options: { defaultDisplayName: "-----BEGIN PRIVATE KEY-----\nMIIE" } },
      "a private key",
    ],
    [
      "a JWT",
      { account: { username: "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2ln", tenantId: "t" } },
      "a token",
    ],
  ])("is refused when it holds %s, without echoing it", (_name, extra, what) => {
    const result = parseState(JSON.stringify({ ...STATES.handOver, ...extra }));
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : (result.issues[0]?.message ?? "");
    expect(message).toContain(`holds ${what}`);
    expect(message).not.toMatch(/MIIE|eyJ|anything/);
  });
});
