/**
 * The honest end of a setup: what Boxafe can back up now, what is still blocked (with the fix) and
 * what is pending. "Boxafe can now back up this tenant" only when every workload answered its real call.
 */
import type { WorkloadKey, WorkloadReport } from "./prove-workloads.js";

export const WORKLOAD_NAMES: Readonly<Record<WorkloadKey, string>> = {
  graph: "Microsoft Graph (users, groups, OneDrive files)",
  exchange: "Exchange mail, calendars and contacts (EWS)",
  sharepoint: "SharePoint sites (SharePoint REST)",
};

const ORDER: readonly WorkloadKey[] = ["graph", "exchange", "sharepoint"];

export interface Readiness {
  readonly allWork: boolean;
  readonly headline: string;
  /** One line per workload: "works", "BLOCKED: why. Fix: ...", "pending: why". */
  readonly lines: readonly {
    readonly workload: WorkloadKey;
    readonly state: string;
    readonly text: string;
  }[];
}

export function readiness(report: WorkloadReport): Readiness {
  const lines = ORDER.map((workload) => {
    const proof = report[workload];
    const name = WORKLOAD_NAMES[workload];
    if (proof.state === "works") return { workload, state: "works", text: `${name}: works (${proof.call})` };
    const fix = proof.fix ? ` Fix: ${proof.fix}` : "";
    return {
      workload,
      state: proof.state,
      text: `${name}: ${proof.state === "pending" ? (workload === "exchange" ? "pending (up to 24 h)" : "pending") : "BLOCKED"}. ${proof.why ?? ""}${fix}`,
    };
  });
  const working = ORDER.filter((w) => report[w].state === "works");
  const allWork = working.length === ORDER.length;
  const headline = allWork
    ? "Boxafe can now back up this tenant: Graph, Exchange (EWS) and SharePoint each answered a real call as the app."
    : working.length === 0
      ? "Boxafe cannot back up anything yet: no workload answered its real call."
      : `Boxafe can back up ${working.map((w) => WORKLOAD_NAMES[w]).join(" and ")} now; the rest is not ready yet.`;
  return { allWork, headline, lines };
}
