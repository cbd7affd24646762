/** Section 4: CLI cold start (`node dist/main.js --help`, `permissions --json`) against bare `node -e 0`. */
import { existsSync } from "node:fs";
import os from "node:os";
import { formatMs } from "./markdown.js";
import { runTimed } from "./process-run.js";
import { repoPath, repoRoot } from "./repo.js";
import { notMeasured, type SectionResult } from "./section.js";
import { median, percentile } from "./stats.js";

const TITLE = "4. CLI cold start";
const RUNS = 15;
const TARGET = "`--help` within 150 ms of bare node";
const METHOD =
  `The bundled CLI (\`packages/cli/dist/main.js\`, built with esbuild first) is started ${RUNS} times per command ` +
  "after one warm-up run, alternating commands so that machine noise hits all of them alike; wall time from spawn to " +
  "exit. Bare `node -e 0` is the floor no Node CLI can beat.";

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  readonly check?: (stdout: string) => string | undefined;
}

function checkJson(stdout: string): string | undefined {
  try {
    JSON.parse(stdout);
    return undefined;
  } catch {
    return "`permissions --json` did not print valid JSON";
  }
}

export async function benchCli(): Promise<Omit<SectionResult, "seconds">> {
  const notes: string[] = [];
  const main = repoPath("packages/cli/dist/main.js");
  const build = await runTimed("pnpm", ["--filter", "@boxafe-connect/cli", "build"], {
    cwd: repoRoot,
    timeoutMs: 120_000,
  });
  if (build.code !== 0) {
    const why = `CLI build failed (exit ${build.code})`;
    if (!existsSync(main)) return notMeasured("cli", TITLE, METHOD, why, [TARGET]);
    notes.push(`${why}; measured the dist left by an earlier build.`);
  }
  // The bench process may carry NODE_OPTIONS (tsx loader); the CLI must start as a user starts it.
  const env = { ...process.env, NODE_OPTIONS: "", NO_COLOR: "1" };
  const cases: Case[] = [
    { label: "`node -e 0` (bare)", args: ["-e", "0"] },
    { label: "`boxafe-connect --help`", args: [main, "--help"] },
    { label: "`boxafe-connect permissions --json`", args: [main, "permissions", "--json"], check: checkJson },
  ];
  const times = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  const failures = new Map<string, string>();
  for (let round = 0; round <= RUNS; round += 1) {
    for (const c of cases) {
      if (failures.has(c.label)) continue;
      const result = await runTimed(process.execPath, c.args, { env, cwd: repoRoot });
      const problem =
        result.code !== 0
          ? `exit ${result.code}: ${(result.stderr.trim().split("\n")[0] ?? "").slice(0, 160)}`
          : c.check?.(result.stdout);
      if (problem) {
        failures.set(c.label, problem);
        continue;
      }
      if (round > 0) times.get(c.label)?.push(result.ms);
    }
  }
  const bare = median(times.get(cases[0]?.label ?? "") ?? []);
  const rows = cases.map((c) => {
    const list = times.get(c.label) ?? [];
    const failure = failures.get(c.label);
    if (failure) return [c.label, "failed", "", "", "", failure];
    const med = median(list);
    return [
      c.label,
      formatMs(med),
      formatMs(Math.min(...list)),
      formatMs(percentile(list, 90)),
      `+${formatMs(med - bare)}`,
      "",
    ];
  });
  const helpLabel = cases[1]?.label ?? "";
  const help = median(times.get(helpLabel) ?? []);
  const helpFailure = failures.get(helpLabel);
  const over = help - bare;
  // Fastest against fastest: what the CLI costs when the machine lets it run; tells noise from bloat.
  const minOver =
    Math.min(...(times.get(helpLabel) ?? [])) - Math.min(...(times.get(cases[0]?.label ?? "") ?? []));
  const missWhy =
    minOver <= 150
      ? `machine load, not the CLI: the fastest \`--help\` run is +${formatMs(minOver)} over the fastest bare node, ` +
        `but the load average reached ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} cores during the runs`
      : `the help path loads more than it needs even in the fastest run (+${formatMs(minOver)}); load the rest lazily`;
  return {
    id: "cli",
    title: TITLE,
    method: METHOD,
    tables: [
      {
        headers: ["Command", "Median", "Min", "p90", "Over bare node", "Problem"],
        rows,
        align: ["l", "r", "r", "r", "r", "l"],
      },
    ],
    targets: [
      helpFailure
        ? { target: TARGET, figure: "failed", pass: undefined, why: helpFailure }
        : {
            target: TARGET,
            figure: `+${formatMs(over)} (${formatMs(help)} vs ${formatMs(bare)})`,
            pass: over <= 150,
            ...(over <= 150 ? {} : { why: missWhy }),
          },
    ],
    notes,
    charts: [],
  };
}
