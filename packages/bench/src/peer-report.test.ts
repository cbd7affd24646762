import { describe, expect, it } from "vitest";
import { markdownTable } from "./markdown.js";
import type { JobSample } from "./peer-jobs.js";
import { type PeerFigures, peerSection } from "./peer-report.js";

const sample = (tool: "m365" | "ours", wallMs: number, extra: Partial<JobSample> = {}): JobSample => ({
  tool,
  ok: true,
  wallMs,
  processes: tool === "m365" ? 2 : 1,
  graphRequests: tool === "m365" ? 27 : 6,
  subRequests: tool === "m365" ? 27 : 34,
  roundTrips: tool === "m365" ? 5 : 6,
  roundTripsBeforeVerify: tool === "m365" ? 5 : 5,
  graphWireMs: wallMs / 2,
  tokenRequests: tool === "m365" ? 2 : 5,
  writes: 25,
  load: 1.5,
  verifiedMs: wallMs + (tool === "m365" ? 400 : 0),
  ...extra,
});
const none = { apps: 0, servicePrincipals: 0, assignments: 0, grants: 0, secrets: 0 };

const figures: PeerFigures = {
  m365Version: "11.11.0",
  startup: { m365: [900, 1000, 1100], ours: [100, 120, 110] },
  fresh: [
    {
      latency: 0,
      samples: [sample("m365", 3000), sample("ours", 1500), sample("ours", 1700), sample("m365", 3400)],
    },
    { latency: 150, samples: [sample("m365", 5000), sample("ours", 5200)] },
  ],
  second: [
    {
      tool: "m365",
      sample: sample("m365", 2000),
      added: { apps: 1, servicePrincipals: 1, assignments: 20, grants: 3, secrets: 1 },
    },
    { tool: "ours", sample: sample("ours", 900, { writes: 0 }), added: none },
  ],
  faults: [
    {
      label: "replication lag 2 s (`lag=2000`)",
      runs: [
        {
          tool: "m365",
          sample: sample("m365", 2500, {
            ok: false,
            failure: "Error: The appId ... does not reference a valid application object.",
          }),
          left: { ...none, apps: 1 },
          complete: false,
        },
        {
          tool: "ours",
          sample: sample("ours", 4000),
          left: { apps: 1, servicePrincipals: 1, assignments: 20, grants: 3, secrets: 1 },
          complete: true,
        },
      ],
    },
  ],
};

describe("peerSection", () => {
  it("compares the tools target by target from the medians, and says what a failure left", () => {
    const section = peerSection(figures);
    const byTarget = Object.fromEntries(
      section.targets.map((t) => [t.target.split(" ").slice(0, 3).join(" "), t]),
    );
    expect(byTarget["fewer Graph requests"]).toMatchObject({
      figure: "6 vs 27 (ours includes its verification read)",
      pass: true,
    });
    expect(byTarget["fewer sequential Graph"]).toMatchObject({
      figure: "5 vs 5 before verifying (ours 6 with its verification reads)",
      pass: false,
    });
    expect(byTarget["less wall time"]).toMatchObject({ pass: false });
    expect(byTarget["0 duplicate objects"]).toMatchObject({
      figure: "ours 0, CLI for Microsoft 365 25",
      pass: true,
    });
    expect(byTarget["completes under replication"]).toMatchObject({
      figure: "ours 1/1, CLI for Microsoft 365 0/1",
      pass: true,
    });
    const tables = section.tables.map((t) => markdownTable(t)).join("\n");
    expect(tables).toContain(
      "| 0 ms | CLI for Microsoft 365 11.11.0 | 27 | 27 | 5 | 2 | 3,200 ms (3,000-3,400) | 1,600 ms (1,500-1,700) | 3,600 ms (3,400-3,800) | 2/2 | 1.5 |",
    );
    expect(tables).toContain("1 app, 0 SP, 0 role assignments, 0 grants, 0 secrets");
    expect(tables).toContain("does not reference a valid application object");
  });
});
