/**
 * Section 1: the job an admin runs, side by side with the real peer, CLI for Microsoft 365 (the
 * pinned @pnp/cli-microsoft365, unmodified, through the loopback name mapping of the conformance
 * test), on the same sandbox in the same run: fresh setup at 0 and 150 ms, a second run on the same
 * tenant, and outcomes under replication lag and throttling. Runs alternate between the tools.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  BOXAFE_CLI,
  boxafeCliEnv,
  M365_VERSION,
  runBoxafeCli,
  startPeer,
  type TenantState,
} from "@boxafe-connect/conformance";
import type { BenchContext } from "./context.js";
import { sleep } from "./context.js";
import { formatMs } from "./markdown.js";
import { graphPortFor, verifyApp } from "./ours.js";
import {
  freshTenant,
  type JobSample,
  m365Job,
  oursJob,
  type PeerRig,
  startCounting,
  type Tool,
} from "./peer-jobs.js";
import { added, complete, describeLeftover, type Leftover, leftover } from "./peer-tenant.js";
import { runTimed } from "./process-run.js";
import { repoRoot } from "./repo.js";
import { reasonOf, type SectionResult, type TargetResult } from "./section.js";
import { median } from "./stats.js";

export const PEER_TITLE = "1. Fresh setup against the real peer (CLI for Microsoft 365)";
const NAME = "QNAP Boxafe";
const LATENCIES = [0, 150] as const;
const REPS = 3;
const FAULT_REPS = 2;
/** Past this, the faulted runs still to do are skipped (and reported so) instead of losing the section. */
const SOFT_BUDGET_MS = 320_000;
const STARTUPS = 3;
const ROLES = 20;
const GRANTS = 3;
/** Faulted runs: each tool on a fresh tenant; lag also waits for m365's own sign-in app to replicate. */
const FAULTS = [
  { spec: "lag=2000", label: "replication lag 2 s (`lag=2000`)", settleMs: 2_500 },
  { spec: "throttle=0.2", label: "throttling 20 % (`throttle=0.2`, Retry-After 1 s)", settleMs: 0 },
  // Entra's timing: a read may miss a new object, a new secret is refused and new roles are missing from
  // tokens for a while, $batch items run in any order.
  // Run when the sandbox knows these faults (issue 12 point 4); otherwise reported as not run.
  {
    spec: "lag=1000,lagChance=0.5,credentialLag=5000,roleLag=5000,shuffle=1",
    label:
      "Entra timing: intermittent replication lag, credential and role propagation 5 s " +
      "(`lag=1000,lagChance=0.5,credentialLag=5000,roleLag=5000,shuffle=1`)",
    settleMs: 1_500,
  },
] as const;

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

const TOOLS: Readonly<Record<Tool, string>> = {
  m365: `CLI for Microsoft 365 ${M365_VERSION}`,
  ours: "boxafe-connect",
};

function alternate(rep: number): Tool[] {
  return rep % 2 === 0 ? ["m365", "ours"] : ["ours", "m365"];
}

export async function benchPeer(
  ctx: BenchContext,
  signal?: AbortSignal,
): Promise<Omit<SectionResult, "seconds">> {
  const started = performance.now();
  if (!existsSync(BOXAFE_CLI)) {
    const build = await runTimed("pnpm", ["--filter", "@boxafe-connect/cli", "build"], {
      cwd: repoRoot,
      timeoutMs: 120_000,
    });
    if (build.code !== 0) throw new Error(`the CLI build failed (exit ${build.code})`);
  }
  const host = await ctx.host();
  const dir = mkdtempSync(path.join(os.tmpdir(), "boxafe-bench-peer-"));
  const peer = await startPeer({ url: host.url, tenantId: host.tenantId, caPem: host.caPem }, dir);
  const rig: PeerRig = { host, peer, dir, identity: "", runs: 0 };
  const admin = graphPortFor(host.url, () => host.adminToken());
  // The same definition of "verified" for both tools: our verifier on the app each one handed over.
  const verify = async (appId: string, secret: string) =>
    (await verifyApp({ origin: host.url, tenantId: host.tenantId, appId, secret, graph: admin })).complete;
  const job = (tool: Tool, config = `ours-${rig.runs++}`, signIn = true) =>
    tool === "m365" ? m365Job(rig, NAME, signIn, verify) : oursJob(rig, NAME, config);
  const state = async () => (await host.hooks.state()) as unknown as TenantState;
  try {
    const startup: Record<Tool, number[]> = { m365: [], ours: [] };
    const versionEnv = boxafeCliEnv(path.join(dir, "version"), peer.caPems);
    for (let i = 0; i < STARTUPS + 1; i += 1) {
      const m365 = await peer.run(["version"]);
      const ours = await runBoxafeCli(["--version"], versionEnv);
      if (m365.code !== 0 || ours.code !== 0) throw new Error("a --version run failed");
      // The first of each is a warm-up (disk cache), discarded.
      if (i > 0) {
        startup.m365.push(m365.ms);
        startup.ours.push(ours.ms);
      }
    }
    // One discarded warm-up job per tool.
    for (const tool of alternate(0)) {
      await freshTenant(rig, "latency=0");
      await job(tool);
    }
    const fresh: { latency: number; samples: JobSample[] }[] = [];
    for (const latency of LATENCIES) {
      const row = { latency, samples: [] as JobSample[] };
      for (let rep = 0; rep < REPS; rep += 1) {
        for (const tool of alternate(rep)) {
          signal?.throwIfAborted();
          await freshTenant(rig, `latency=${latency}`);
          row.samples.push(await job(tool));
        }
      }
      fresh.push(row);
      console.log(
        `bench:   peer ${latency} ms: ${row.samples.map((s) => `${s.tool} ${formatMs(s.wallMs)}`).join(", ")}`,
      );
    }
    const second: { tool: Tool; sample: JobSample; added: Leftover }[] = [];
    for (const tool of alternate(0)) {
      signal?.throwIfAborted();
      await freshTenant(rig, "latency=0");
      const config = `ours-${rig.runs++}`;
      await job(tool, config);
      const before = leftover(await state(), NAME);
      await startCounting(rig, "latency=0");
      const sample = await job(tool, config, false);
      second.push({ tool, sample, added: added(before, leftover(await state(), NAME)) });
    }
    const faults: { label: string; runs: FaultRun[] }[] = [];
    const skipped: string[] = [];
    for (const fault of FAULTS) {
      const runs: FaultRun[] = [];
      const unsupported = await host.hooks.setFaults(fault.spec).then(
        () => undefined,
        (error: unknown) => reasonOf(error),
      );
      if (unsupported !== undefined) {
        skipped.push(`${fault.spec} (this sandbox refuses it: ${unsupported})`);
        continue;
      }
      for (let rep = 0; rep < FAULT_REPS; rep += 1) {
        for (const tool of alternate(rep)) {
          signal?.throwIfAborted();
          if (performance.now() - started > SOFT_BUDGET_MS) {
            skipped.push(`${fault.spec} run ${rep + 1} of ${TOOLS[tool]} (the section's time ran short)`);
            continue;
          }
          await freshTenant(rig, "latency=0");
          await sleep(fault.settleMs);
          await startCounting(rig, fault.spec);
          const sample = await job(tool);
          await host.hooks.setFaults("latency=0");
          // Entra's replicas catch up after the lag; what is left then is what the admin finds.
          await sleep(fault.settleMs);
          const left = leftover(await state(), NAME);
          runs.push({ tool, sample, left, complete: complete(left, ROLES, GRANTS) });
        }
      }
      faults.push({ label: fault.label, runs });
      console.log(
        `bench:   peer ${fault.spec}: ${runs.map((r) => `${r.tool} ${r.sample.ok ? "ok" : "FAILED"}`).join(", ")}`,
      );
    }
    return peerSection({ m365Version: M365_VERSION, startup, fresh, second, faults, skipped });
  } finally {
    await host.hooks.setFaults("latency=0");
    await peer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

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
  const at = (latency: number, tool: Tool) =>
    of(f.fresh.find((r) => r.latency === latency)?.samples ?? [], tool);
  const med = (xs: readonly JobSample[], pick: (s: JobSample) => number) => median(xs.map(pick));
  const targets: TargetResult[] = [];
  const ours0 = at(0, "ours");
  const m3650 = at(0, "m365");
  if (ours0.length > 0 && m3650.length > 0) {
    const [o, m] = [med(ours0, (s) => s.graphRequests), med(m3650, (s) => s.graphRequests)];
    targets.push({
      target: "fewer Graph requests than CLI for Microsoft 365 (fresh setup, same sandbox)",
      figure: `${o} vs ${m} (ours includes its verification read)`,
      pass: o < m,
    });
  }
  const ours150 = at(150, "ours");
  const m365150 = at(150, "m365");
  if (ours150.length > 0 && m365150.length > 0) {
    // At 150 ms a parallel wave cannot be mistaken for a chain (at 0 ms an early answer can beat a later send).
    const ot = med(ours150, (s) => s.roundTripsBeforeVerify);
    const ov = med(ours150, (s) => s.roundTrips);
    const mt = med(m365150, (s) => s.roundTrips);
    targets.push({
      target: "fewer sequential Graph round trips than CLI for Microsoft 365 (150 ms, on the wire)",
      figure: `${ot} vs ${mt} before verifying (ours ${ov} with its verification reads)`,
      pass: ot < mt,
      ...(ot < mt
        ? {}
        : {
            why:
              "ours reads the tenant before it writes, which m365 does not: the signed-in admin's directory roles " +
              "and a preflight of the tenant's app-management policies (with an incremental consent), then observe " +
              "and its three apply waves; m365 goes straight to its SP download and writes",
          }),
    });
    const [o, m] = [med(ours150, (s) => s.wallMs), med(m365150, (s) => s.wallMs)];
    targets.push({
      target: "less wall time than CLI for Microsoft 365 at 150 ms (whole job, start-up included)",
      figure: `${formatMs(o)} vs ${formatMs(m)} (ours includes sign-in and verification)`,
      pass: o < m,
    });
  }
  const oursSecond = f.second.find((s) => s.tool === "ours");
  const m365Second = f.second.find((s) => s.tool === "m365");
  const dup = (a: Leftover | undefined) =>
    a ? a.apps + a.servicePrincipals + a.assignments + a.grants : Number.NaN;
  if (oursSecond) {
    targets.push({
      target: "0 duplicate objects on a second run on the same tenant",
      figure: `ours ${dup(oursSecond.added)}, CLI for Microsoft 365 ${dup(m365Second?.added)}`,
      pass: dup(oursSecond.added) === 0,
    });
  }
  const lag = f.faults.find((x) => x.label.startsWith("replication lag"));
  if (lag) {
    const done = (tool: Tool) => lag.runs.filter((r) => r.tool === tool && r.complete && r.sample.ok).length;
    const n = (tool: Tool) => lag.runs.filter((r) => r.tool === tool).length;
    targets.push({
      target: "completes under replication lag (every run)",
      figure: `ours ${done("ours")}/${n("ours")}, CLI for Microsoft 365 ${done("m365")}/${n("m365")}`,
      pass: done("ours") === n("ours"),
    });
  }
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
