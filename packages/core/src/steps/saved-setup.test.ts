import { describe, expect, it } from "vitest";
import { parseSavedSetup, serializeSavedSetup } from "./saved-setup.js";
import { STATES } from "./test-fixtures.js";

const saved = {
  savedAt: "2026-12-01T12:00:00.000Z",
  flags: { boxafe: "1.4", yes: false },
  state: STATES.handOver,
};

describe("parseSavedSetup", () => {
  it("round-trips a saved run", () => {
    expect(parseSavedSetup(serializeSavedSetup(saved))).toEqual({ ok: true, saved });
  });

  it.each([
    ["not JSON", "{ half a file", "it is not valid JSON"],
    ["no state", JSON.stringify({ savedAt: "x", flags: {} }), "state: "],
    ["an unknown key", JSON.stringify({ ...saved, extra: 1 }), "the document: "],
    ["a flag of another type", JSON.stringify({ ...saved, flags: { tenant: 3 } }), "flags.tenant: "],
    [
      "a state of another shape",
      JSON.stringify({ ...saved, state: { ...STATES.review, phase: "flying" } }),
      "state.phase: ",
    ],
    [
      "an old version",
      JSON.stringify({ ...saved, state: { ...STATES.review, version: 2 } }),
      "state.version: ",
    ],
    ["a secretText", JSON.stringify({ ...saved, secretText: "abc" }), "it holds a credential field"],
    [
      "a private key in a flag",
      JSON.stringify({ ...saved, flags: { x: "-----BEGIN PRIVATE KEY-----\nMIIE" } }),
      "it holds a private key (PEM)",
    ],
    [
      "a JWT in a name",
      JSON.stringify({ ...saved, flags: { "app-name": "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2ln" } }),
      "it holds a token (JWT)",
    ],
  ])("refuses %s, with the reason", (_name, text, reason) => {
    const parsed = parseSavedSetup(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toContain(reason);
    expect(parsed.ok ? "" : parsed.reason).not.toMatch(/MIIE|eyJ|abc/);
  });
});
