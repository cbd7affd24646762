import type { Problem } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { expectedProblems, type Plant, plantFor, tallyFleet } from "./fleet-plants.js";

const problem = (kind: Problem["kind"], message: string): Problem => ({
  kind,
  severity: "red",
  message,
  fix: "",
});

/** What a correct `fleet check` reports for a plant (the messages core's tenant-health.ts writes). */
function reportFor(plant: Plant | undefined): Problem[] {
  return expectedProblems(plant).map((e) => problem(e.kind, `... ${e.names} ...`));
}

const ids = Array.from({ length: 1000 }, (_, i) => `tenant-${i}`);
const plants = new Map(
  ids.flatMap((id, i) => {
    const plant = plantFor(i);
    return plant ? [[id, plant] as const] : [];
  }),
);

describe("section 3b's planted problems", () => {
  it("plants every tenth of 1,000 tenants, all five kinds, about 120 problems", () => {
    expect(plants.size).toBe(100);
    const kinds = new Set(
      [...plants.values()].map((p) => (p.kind === "role" ? `role${p.roles.length}` : p.kind)),
    );
    expect([...kinds].sort()).toEqual(["certificate", "consent", "ews", "role1", "role2"]);
    const planted = [...plants.values()].reduce((n, p) => n + expectedProblems(p).length, 0);
    expect(planted).toBe(120);
  });

  it("never plants a role a workload call needs, and two roles of one plant differ", () => {
    for (const plant of plants.values()) {
      if (plant.kind !== "role") continue;
      for (const r of plant.roles) {
        expect(r.value).not.toMatch(
          /^(User\.ReadWrite\.All|Directory\.ReadWrite\.All|full_access_as_app|Sites\.)/,
        );
      }
      expect(new Set(plant.roles.map((r) => `${r.resource} ${r.value}`)).size).toBe(plant.roles.length);
    }
  });

  it("counts a correct report as exact on every tenant", () => {
    const rows = ids.map((id) => ({ tenant: id, problems: reportFor(plants.get(id)) }));
    expect(tallyFleet(ids, rows, plants)).toMatchObject({
      planted: 120,
      found: 120,
      falseFindings: 0,
      exact: 1000,
    });
  });

  it("fails a check that always says green: nothing planted is found", () => {
    const rows = ids.map((id) => ({ tenant: id, problems: [] }));
    const tally = tallyFleet(ids, rows, plants);
    expect(tally).toMatchObject({ found: 0, falseFindings: 0, exact: 900 });
    expect(tally.examples[0]).toMatch(/missed/);
  });

  it("fails a check that reports too much, the wrong permission, or leaves a tenant out", () => {
    const noisy = ids.map((id) => ({
      tenant: id,
      problems: [
        ...reportFor(plants.get(id)),
        ...(id === "tenant-0" ? [problem("workload-blocked", "SharePoint blocked")] : []),
      ],
    }));
    expect(tallyFleet(ids, noisy, plants)).toMatchObject({ found: 120, falseFindings: 1, exact: 999 });

    // tenant-3 lost microsoft-graph Mail.ReadWrite; a report naming another role is a miss and a false finding.
    expect(plants.get("tenant-3")).toEqual({
      kind: "role",
      roles: [{ resource: "microsoft-graph", value: "Mail.ReadWrite" }],
    });
    const wrong = ids.map((id) => ({
      tenant: id,
      problems:
        id === "tenant-3"
          ? [problem("missing-role", "Admin consent is missing for microsoft-graph Calendars.ReadWrite.")]
          : reportFor(plants.get(id)),
    }));
    expect(tallyFleet(ids, wrong, plants)).toMatchObject({ found: 119, falseFindings: 1, exact: 999 });

    // A tenant fleet setup could not onboard is judged by the check's not-onboarded, counted apart.
    const failed = new Map(plants).set("tenant-1", { kind: "not-onboarded" });
    const withFailed = (problems: (id: string) => Problem[]) =>
      tallyFleet(
        ids,
        ids.map((id) => ({ tenant: id, problems: problems(id) })),
        failed,
      );
    expect(
      withFailed((id) =>
        id === "tenant-1"
          ? [problem("not-onboarded", "No app of ours is recorded")]
          : reportFor(plants.get(id)),
      ),
    ).toMatchObject({ planted: 120, notOnboarded: 1, found: 120, falseFindings: 0, exact: 1000 });
    expect(withFailed((id) => reportFor(plants.get(id)))).toMatchObject({ notOnboarded: 1, exact: 999 });

    const short = ids.slice(1).map((id) => ({ tenant: id, problems: reportFor(plants.get(id)) }));
    expect(tallyFleet(ids, short, plants)).toMatchObject({ exact: 999, falseFindings: 1 });
  });
});
