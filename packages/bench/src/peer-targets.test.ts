import { describe, expect, it } from "vitest";
import type { JobSample } from "./peer-jobs.js";
import { type PeerFigures, REALISTIC_LABEL } from "./peer-report.js";
import { peerTargets } from "./peer-targets.js";

const none = { apps: 0, servicePrincipals: 0, assignments: 0, grants: 0, secrets: 0 };
const whole = { apps: 1, servicePrincipals: 1, assignments: 20, grants: 3, secrets: 1 };
const sample = (tool: "m365" | "ours", ok: boolean): JobSample => ({
  tool,
  ok,
  wallMs: 9000,
  processes: 1,
  graphRequests: 9,
  subRequests: 40,
  roundTrips: 8,
  roundTripsBeforeVerify: 5,
  graphWireMs: 2000,
  tokenRequests: 5,
  writes: 25,
  load: 1,
  ...(ok ? { verifiedMs: 12_000 } : { failure: "Error: AADSTS7000215" }),
});
const base: PeerFigures = {
  m365Version: "11.11.0",
  startup: { m365: [], ours: [] },
  fresh: [],
  second: [],
  faults: [],
};

describe("peerTargets", () => {
  it("judges completion under Entra's realistic timing from its row, every run of ours", () => {
    const realistic = {
      label: `${REALISTIC_LABEL}: 150 ms per request, ...`,
      runs: [
        { tool: "ours" as const, sample: sample("ours", true), left: whole, complete: true },
        { tool: "m365" as const, sample: sample("m365", false), left: { ...none, apps: 1 }, complete: false },
        { tool: "ours" as const, sample: sample("ours", true), left: whole, complete: true },
      ],
    };
    const target = peerTargets({ ...base, faults: [realistic] }).find((t) => t.target.includes("realistic"));
    expect(target).toMatchObject({ figure: "ours 2/2, CLI for Microsoft 365 0/1", pass: true });
    const failed = { ...realistic, runs: [{ ...realistic.runs[0], sample: sample("ours", false) }] };
    const missed = peerTargets({ ...base, faults: [failed as typeof realistic] }).find((t) =>
      t.target.includes("realistic"),
    );
    expect(missed?.pass).toBe(false);
  });

  it("says the realistic runs did not run instead of passing them", () => {
    const target = peerTargets(base).find((t) => t.target.includes("realistic"));
    expect(target).toMatchObject({ figure: "not run", pass: undefined });
    expect(target?.why).toMatch(/did not run/);
  });
});
