/**
 * `pnpm bench`: runs every benchmark section, each bounded and isolated (a section that cannot run
 * says "not measured: <reason>" instead of failing the run), and writes BENCHMARKS.md and the charts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { benchApi } from "./bench-api.js";
import { benchApiLimits } from "./bench-api-limits.js";
import { benchCli } from "./bench-cli.js";
import { benchFleet } from "./bench-fleet.js";
import { benchFleetCli, FLEET_TENANTS, fleetCliBudgetMs } from "./bench-fleet-cli.js";
import { benchPeer, PEER_BUDGET_MS } from "./bench-peer.js";
import { benchRerun } from "./bench-rerun.js";
import { benchSetup, SETUP_TITLE } from "./bench-setup.js";
import { benchWeb } from "./bench-web.js";
import { runBudgetMs } from "./budget.js";
import { benchContext } from "./context.js";
import { machineInfo } from "./machine.js";
import { mergeReport } from "./merge-report.js";
import { PEER_TITLE } from "./peer-report.js";
import { repoPath } from "./repo.js";
import { renderReport } from "./report.js";
import { notMeasured, reasonOf, type SectionResult } from "./section.js";

interface SectionSpec {
  readonly id: string;
  readonly title: string;
  readonly run: (signal: AbortSignal) => Promise<Omit<SectionResult, "seconds">>;
  readonly budgetMs: number;
}

/**
 * Each section is bounded by its own budget, never by what the sections before it left over: a run of
 * several sections may take the sum of their budgets (printed at the start), so a slow section cannot
 * starve the next one into "not measured", and a section run alone gets the same time as in a full run.
 */
async function runSection(spec: SectionSpec): Promise<SectionResult> {
  const started = performance.now();
  const budgetMs = spec.budgetMs;
  console.log(`bench: ${spec.title} (budget ${Math.round(budgetMs / 1000)} s) ...`);
  let timer: NodeJS.Timeout | undefined;
  const abort = new AbortController();
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Stops the section's loops at their next step, so it does not skew the sections after it.
      abort.abort();
      reject(new Error(`over its ${Math.round(budgetMs / 1000)} s budget`));
    }, budgetMs);
  });
  const loadStart = os.loadavg()[0] ?? 0;
  const load = (): [number, number] => [loadStart, os.loadavg()[0] ?? 0];
  try {
    const result = await Promise.race([spec.run(abort.signal), budget]);
    for (const chart of result.charts) {
      mkdirSync(path.dirname(repoPath(chart.path)), { recursive: true });
      writeFileSync(repoPath(chart.path), chart.svg);
    }
    return { ...result, seconds: (performance.now() - started) / 1000, load: load() };
  } catch (error) {
    const reason = reasonOf(error);
    console.log(`bench: ${spec.title}: not measured: ${reason}`);
    return {
      ...notMeasured(spec.id, spec.title, "", reason),
      seconds: (performance.now() - started) / 1000,
      load: load(),
    };
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  // Taken before any section runs: the date and load average describe the run's start.
  const machine = machineInfo();
  const only = process.argv.slice(2);
  const ctx = benchContext();
  const specs: SectionSpec[] = [
    { id: "peer", title: PEER_TITLE, run: (signal) => benchPeer(ctx, signal), budgetMs: PEER_BUDGET_MS },
    { id: "setup", title: SETUP_TITLE, run: (signal) => benchSetup(ctx, signal), budgetMs: 180_000 },
    {
      id: "rerun",
      title: "2. No-op re-run and drift repair",
      run: (signal) => benchRerun(ctx, signal),
      budgetMs: 120_000,
    },
    { id: "fleet", title: "3. Fleet check", run: (signal) => benchFleet(ctx, signal), budgetMs: 300_000 },
    {
      id: "fleet-cli",
      title: "3b. Fleet commands (fleet setup, fleet check)",
      run: benchFleetCli,
      budgetMs: fleetCliBudgetMs(FLEET_TENANTS),
    },
    { id: "cli", title: "4. CLI cold start", run: benchCli, budgetMs: 120_000 },
    { id: "web", title: "5. Web: JavaScript size", run: benchWeb, budgetMs: 120_000 },
    { id: "api", title: "6. API on Node", run: () => benchApi(ctx), budgetMs: 90_000 },
    { id: "api-limits", title: "7. API per-tenant cap under load", run: benchApiLimits, budgetMs: 60_000 },
  ];
  const unknown = only.filter((id) => !specs.some((spec) => spec.id === id));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown section(s) ${unknown.join(", ")} (use ${specs.map((s) => s.id).join(", ")})`,
    );
    process.exit(2);
  }
  const chosen = specs.filter((spec) => only.length === 0 || only.includes(spec.id));
  console.log(
    `bench: ${chosen.length} section(s), at most ${Math.round(runBudgetMs(chosen) / 1000)} s in all`,
  );
  const sections: SectionResult[] = [];
  for (const spec of chosen) sections.push(await runSection(spec));
  await ctx.close();
  sections.sort((a, b) => a.title.localeCompare(b.title, "en", { numeric: true }));
  const file = repoPath("BENCHMARKS.md");
  // A run of some sections merges into the existing report; a full run writes it anew.
  const existing = only.length > 0 && existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const report = existing
    ? mergeReport(existing, sections, machine)
    : renderReport({
        machine,
        command: `pnpm bench${only.length > 0 ? ` ${only.join(" ")}` : ""}`,
        totalSeconds: (performance.now() - started) / 1000,
        sections,
      });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, report);
  console.log(`bench: wrote ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Work abandoned by a section over its budget may still hold sockets; the report is written.
  process.exit(0);
}

await main();
