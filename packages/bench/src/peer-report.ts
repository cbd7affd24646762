/**
 * Section 1's report: the figures of the runs (bench-peer.ts measures them) as tables (fresh setup per
 * latency and tool, start-up apart, a second run, outcomes under faults), notes and targets (peer-targets.ts).
 */
import os from "node:os";
import { M365_VERSION } from "@boxafe-connect/conformance";
import { formatMs } from "./markdown.js";
import type { JobSample, Tool } from "./peer-jobs.js";
import { peerTargets } from "./peer-targets.js";
import { describeLeftover, type Leftover } from "./peer-tenant.js";
import type { SectionResult } from "./section.js";
import { median } from "./stats.js";

export const PEER_TITLE = "1. Fresh setup against the real peer (CLI for Microsoft 365)";
/** How the realistic-timing fault row's label starts (its target finds it by this). */
export const REALISTIC_LABEL = "realistic timing";
/** Runs per tool and latency (after one discarded warm-up each). */
export const PEER_REPS = 3;
const REPS = PEER_REPS;

export interface FaultRun {
  readonly tool: Tool;
  readonly sample: JobSample;
  readonly left: Leftover;
  readonly complete: boolean;
}

export interface PeerFigures {
  readonly m365Version: string;
  readonly startup: Readonly<Record<Tool, readonly number[]>>;
  readonly fresh: readonly { readonly latency: number; readonly samples: readonly JobSample[] }[];
  readonly second: readonly { readonly tool: Tool; readonly sample: JobSample; readonly added: Leftover }[];
  readonly faults: readonly { readonly label: string; readonly runs: readonly FaultRun[] }[];
  /** Faulted runs left out because the section's time ran short (a loaded machine). */
  readonly skipped?: readonly string[];
}

export const TOOLS: Readonly<Record<Tool, string>> = {
  m365: `CLI for Microsoft 365 ${M365_VERSION}`,
  ours: "boxafe-connect",
};

function spread(values: readonly number[], format: (n: number) => string = String): string {
  if (values.length === 0) return "n/a";
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const bare = (n: number) => format(n).replace(/ ms$/, "");
  return lo === hi ? format(median(values)) : `${format(median(values))} (${bare(lo)}-${bare(hi)})`;
}

function verifiedSpread(samples: readonly JobSample[]): string {
  const times = samples.flatMap((s) => (s.verifiedMs === undefined ? [] : [s.verifiedMs]));
  const missing = samples.length - times.length;
  return `${spread(times, formatMs)}${missing > 0 ? ` (${missing} never verified)` : ""}`;
}

function of(samples: readonly JobSample[], tool: Tool): JobSample[] {
  return samples.filter((s) => s.tool === tool);
}

export function peerSection(f: PeerFigures): Omit<SectionResult, "seconds"> {
  const jobRows = f.fresh.flatMap((row) =>
    (["m365", "ours"] as const).map((tool) => {
      const s = of(row.samples, tool);
      return [
        `${row.latency} ms`,
        TOOLS[tool],
        spread(s.map((x) => x.graphRequests)),
        spread(s.map((x) => x.subRequests)),
        tool === "ours"
          ? `${spread(s.map((x) => x.roundTrips))}, ${spread(s.map((x) => x.roundTripsBeforeVerify))} before verifying`
          : spread(s.map((x) => x.roundTrips)),
        spread(s.map((x) => x.tokenRequests)),
        spread(
          s.map((x) => x.wallMs),
          formatMs,
        ),
        spread(
          s.map((x) => x.graphWireMs),
          formatMs,
        ),
        verifiedSpread(s),
        `${s.filter((x) => x.ok).length}/${s.length}`,
        spread(s.map((x) => Math.round(x.load * 10) / 10)),
      ];
    }),
  );
  const targets = peerTargets(f);
  return {
    id: "peer",
    title: PEER_TITLE,
    method:
      `The job an admin runs, by both tools on the same sandbox in the same run. CLI for Microsoft 365 ${f.m365Version} ` +
      "(`@pnp/cli-microsoft365`, pinned, unmodified): `m365 login` (device code) + `m365 entra app add` with all 26 " +
      "Table 1 permissions, `--grantAdminConsent --withSecret`; its own sign-in app is registered in each fresh tenant " +
      "first, as its docs ask. It reaches the sandbox as login.microsoftonline.com / graph.microsoft.com through the " +
      "conformance test's loopback mapping (a `--require` preload and a TLS front; packages/conformance). Ours: " +
      "`boxafe-connect setup --yes --json` (the built CLI), which also signs in and verifies with real tokens, through " +
      `the same front. Each run on a fresh tenant; ${REPS} runs per tool and latency after one discarded warm-up each, ` +
      "tools alternating. Graph and token requests are counted by the sandbox; sequential round trips are measured on " +
      "the front's wire log for both (the longest chain of Graph requests each sent after the previous one was " +
      "answered). Figures are median (min-max); load is the 1-minute load average when each run ended.",
    tables: [
      {
        headers: [
          "Latency",
          "Tool",
          "Graph requests",
          "Graph operations",
          "Sequential round trips",
          "Token requests",
          "Wall time",
          "Graph phase on the wire",
          "To a verified result",
          "Completed",
          "Load",
        ],
        rows: jobRows,
        align: ["l", "l", "r", "r", "r", "r", "r", "r", "r", "l", "r"],
      },
      {
        caption: "Start-up alone, reported apart from the job (m365's job starts two processes, ours one):",
        headers: ["Tool", "Command", "Wall time"],
        rows: [
          [TOOLS.m365, "`m365 version`", spread(f.startup.m365, formatMs)],
          [TOOLS.ours, "`boxafe-connect --version`", spread(f.startup.ours, formatMs)],
        ],
      },
      {
        caption: "A second run on the same tenant (the first run completed; same session / config):",
        headers: [
          "Tool",
          "Exit",
          "New apps",
          "New SPs",
          "New role assignments",
          "New grants",
          "New secrets",
          "Writes",
        ],
        rows: f.second.map((s) => [
          TOOLS[s.tool],
          s.sample.ok ? "ok" : `failed: ${s.sample.failure ?? ""}`,
          s.added.apps,
          s.added.servicePrincipals,
          s.added.assignments,
          s.added.grants,
          s.added.secrets,
          s.sample.writes,
        ]),
      },
      {
        caption:
          "Under faults (each run on a fresh tenant; what is left is read after the replicas caught up):",
        headers: [
          "Fault",
          "Tool",
          "Completed",
          "Wall time",
          "To a verified result",
          "Left in the tenant after a failure",
          "First error",
        ],
        rows: f.faults.flatMap((fault) =>
          (["m365", "ours"] as const).map((tool) => {
            const runs = fault.runs.filter((r) => r.tool === tool);
            const failed = runs.filter((r) => !(r.sample.ok && r.complete));
            return [
              fault.label,
              TOOLS[tool],
              `${runs.length - failed.length}/${runs.length}`,
              spread(
                runs.map((r) => r.sample.wallMs),
                formatMs,
              ),
              verifiedSpread(runs.map((r) => r.sample)),
              failed.map((r) => describeLeftover(r.left)).join("; ") || "-",
              failed[0]?.sample.failure ?? "-",
            ];
          }),
        ),
      },
    ],
    targets,
    notes: [
      "Ours is counted with its sign-in, setup and verification (fresh client-credentials tokens for each API and a " +
        "read-back of the delegated grants), which CLI for Microsoft 365 does not do: its request figures stop at " +
        'addPassword. "To a verified result" is what an admin waits for: for m365 it adds our verifier run on the ' +
        "appId and secret m365 printed, after it exited (the same rules for both tools; not counted in its requests).",
      "m365's job is two processes (`login`, `entra app add`); its token requests go to the sandbox's own origin " +
        "(Entra's discovery document names it), so only its Graph requests pass the front.",
      "Round trips are measured on the wire: at 0 ms an early answer can arrive before a later request of the same " +
        "parallel wave is sent, which counts as one more link; the 150 ms rows are the reliable count (the target uses them).",
      `Machine: ${os.cpus().length} cores shared with other work; see the load column.`,
      ...(f.skipped && f.skipped.length > 0 ? [`Not run: ${f.skipped.join("; ")}.`] : []),
    ],
    charts: [],
  };
}
