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
import { type FaultRun, peerSection, REALISTIC_LABEL, PEER_REPS as REPS, TOOLS } from "./peer-report.js";
import { added, complete, type Leftover, leftover } from "./peer-tenant.js";
import { runTimed } from "./process-run.js";
import { repoRoot } from "./repo.js";
import { reasonOf, type SectionResult } from "./section.js";

const NAME = "QNAP Boxafe";
const LATENCIES = [0, 150] as const;
const FAULT_REPS = 2;
/** The section's budget (main.ts): start-up, 14 fresh jobs, a second run each, and 12 faulted runs. */
export const PEER_BUDGET_MS = 540_000;
/** Past this, the faulted runs still to do are skipped (and reported so) instead of losing the section. */
const SOFT_BUDGET_MS = PEER_BUDGET_MS - 90_000;
const STARTUPS = 3;
const ROLES = 20;
const GRANTS = 3;
/**
 * Entra's timing as an admin meets it (issue 12 point 4, issue 17 point 4): 150 ms per request, a read may
 * miss an object younger than 1 s, a new app or secret is refused at the token endpoint for 5 s, new roles
 * reach tokens after 5 s, $batch items run in any order. Measured first, so a short section loses the others.
 */
export const REALISTIC_SPEC = "latency=150,lag=1000,lagChance=0.5,credentialLag=5000,roleLag=5000,shuffle=1";
/**
 * Faulted runs: each tool on a fresh tenant. `settleMs` passes before the faults are switched on and after
 * the job: m365's own sign-in app (registered by freshTenant) must be known to the token service already, as
 * it is for an admin who registered it long before, and the replicas catch up before what is left is read.
 */
const FAULTS = [
  {
    spec: REALISTIC_SPEC,
    label:
      `${REALISTIC_LABEL}: 150 ms per request, intermittent replication lag 1 s, credential and role ` +
      `propagation 5 s, shuffled batches (\`${REALISTIC_SPEC}\`)`,
    settleMs: 5_500,
  },
  { spec: "lag=2000", label: "replication lag 2 s (`lag=2000`)", settleMs: 2_500 },
  { spec: "throttle=0.2", label: "throttling 20 % (`throttle=0.2`, Retry-After 1 s)", settleMs: 0 },
] as const;

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
