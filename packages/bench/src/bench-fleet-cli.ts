/**
 * Section 3b: the fleet commands as an MSP runs them. A fleet sandbox (a partner and 1,000 customer
 * tenants, in its own process) is onboarded by the real `fleet setup` (the bundled CLI, one partner
 * sign-in, GDAP silent tokens, a certificate per tenant) at 0 ms latency, then `fleet check` runs at
 * 100 ms per request, once over a tenth of the fleet and once over all of it, to show that its memory
 * does not grow with the number of tenants (rows are streamed, not collected).
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import type { TenantHealth } from "@boxafe-connect/core";
import { scaledBudgetMs } from "./budget.js";
import { buildCli } from "./cli-build.js";
import { type Plant, plantFor, tallyFleet } from "./fleet-plants.js";
import { askChild, forkSandbox, sandboxCpuMs } from "./forked-sandbox.js";
import { formatBytes, formatMs } from "./markdown.js";
import { runMeasured } from "./measured-cli.js";
import type { SectionResult } from "./section.js";

/** 1,000 by default, as the issue asks; BOXAFE_BENCH_FLEET_TENANTS=100 for a quick run on a busy machine. */
export const FLEET_TENANTS = tenantCount(process.env.BOXAFE_BENCH_FLEET_TENANTS);
const TENANTS = FLEET_TENANTS;
const CONCURRENCY = 32;
/**
 * The smaller check memory is compared with: a tenth of the fleet, but never fewer tenants than run at once
 * (a check of 10 with 32 slots holds 10 tenants in flight, not 32: memory follows what is in flight).
 */
const TENTH = Math.min(TENANTS, Math.max(CONCURRENCY, Math.round(TENANTS / 10)));
const LATENCY = 100;
const TITLE = "3b. Fleet commands (fleet setup, fleet check)";
const TARGET_TIME = `\`fleet check\` of ${TENANTS} tenants at ${LATENCY} ms < 60 s, every tenant reported correctly`;
const TARGET_MEMORY = `\`fleet check\` peak memory for ${TENANTS} tenants < 1.5x that for ${TENTH}`;

export function tenantCount(raw: string | undefined): number {
  const n = Number(raw ?? "1000");
  if (!Number.isInteger(n) || n < 10) {
    throw new RangeError(`BOXAFE_BENCH_FLEET_TENANTS must be a whole number of at least 10 (got ${raw})`);
  }
  return n;
}

/**
 * The section's budget for `tenants`: starting the fleet sandbox and the sign-in, then per tenant its
 * `fleet setup` (an app, 26 permissions, a certificate, a proof) and its two `fleet check` passes at
 * 100 ms, with room for a loaded machine (measured: see BENCHMARKS.md section 3b's wall times).
 */
export function fleetCliBudgetMs(tenants: number): number {
  // 100 tenants took 160 s in all at load 14-18 on 2 cores (setup 121 s, checks 34 s); 50 took 144 s at load
  // 17-20 (setup 103 s: 2 s a tenant before the checks): 3 s a tenant leaves room on a machine that busy.
  return scaledBudgetMs(tenants, 120_000, 3_000);
}

interface Started {
  readonly url: string;
  readonly caPem: string;
  readonly customers: readonly string[];
}

/**
 * Plants every tenth tenant's problem (fleet-plants.ts) through the sandbox process, with the app ids
 * `fleet setup` recorded in its state file. Returns the plants by tenant id (lower case); a tenant
 * `fleet setup` did not onboard gets none and is expected as `not-onboarded`.
 */
async function plantProblems(
  child: ChildProcess,
  tenants: readonly string[],
  statePath: string,
): Promise<Map<string, Plant>> {
  const state = JSON.parse(await readFile(statePath, "utf8")) as {
    tenants: Record<string, { clientId?: string }>;
  };
  const plants = new Map<string, Plant>();
  const orders = tenants.flatMap((tenantId, i) => {
    const plant = plantFor(i);
    const clientId = state.tenants[tenantId.toLowerCase()]?.clientId;
    if (!clientId) {
      plants.set(tenantId.toLowerCase(), { kind: "not-onboarded" });
      return [];
    }
    if (!plant) return [];
    plants.set(tenantId.toLowerCase(), plant);
    return [{ tenantId, clientId, plant }];
  });
  const answer = await askChild(child, { plants: orders }, (message) =>
    typeof message === "object" && message !== null && ("planted" in message || "plantError" in message)
      ? (message as { planted?: number; plantError?: string })
      : undefined,
  );
  if (answer.plantError) throw new Error(`planting failed: ${answer.plantError}`);
  return plants;
}

function send(child: ChildProcess, message: string): Promise<void> {
  return new Promise((resolve) => {
    child.once("message", () => resolve());
    child.send(message);
  });
}

export async function benchFleetCli(signal?: AbortSignal): Promise<Omit<SectionResult, "seconds">> {
  // Run alone, the section found no dist and reported a missing state file instead of the cause.
  const build = await buildCli();
  if (!build.usable) throw new Error(`${build.failed}: there is no bundled CLI to run`);
  const dir = await mkdtemp(path.join(tmpdir(), "bc-bench-fleet-"));
  const home = path.join(dir, "sandbox-home");
  await mkdir(home, { recursive: true });
  const { child, started } = await forkSandbox<Started>(
    new URL("./fleet-sandbox-child.ts", import.meta.url),
    {
      name: "the fleet sandbox",
      env: { ...process.env, BOXAFE_BENCH_SANDBOX_HOME: home, BOXAFE_BENCH_FLEET_TENANTS: String(TENANTS) },
      startWithinMs: 120_000,
    },
  );
  try {
    const system = readFileSync("/etc/ssl/certs/ca-certificates.crt", "utf8");
    await writeFile(path.join(dir, "ca-bundle.pem"), `${system}\n${started.caPem}\n`);
    await writeFile(path.join(home, "ca.pem"), started.caPem);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      NO_COLOR: "1",
      XDG_CONFIG_HOME: path.join(dir, "config"),
      BOXAFE_SANDBOX_HOME: home,
      NODE_EXTRA_CA_CERTS: path.join(dir, "ca-bundle.pem"),
    };
    const fleetFile = path.join(dir, "fleet.json");
    const tenthFile = path.join(dir, "tenth.json");
    const entries = started.customers.map((tenant, i) => ({ tenant, label: `Customer ${i + 1}` }));
    await writeFile(fleetFile, JSON.stringify(entries));
    await writeFile(tenthFile, JSON.stringify(entries.slice(0, TENTH)));
    const common = [
      "--sandbox",
      started.url,
      "--store",
      path.join(dir, "store"),
      "--state",
      path.join(dir, "state.json"),
      "--json",
    ];
    signal?.throwIfAborted();
    // The sandbox's CPU over each command too: on 2 shared cores, the CLI and the sandbox compete.
    const measured = async (args: readonly string[]) => {
      const before = await sandboxCpuMs(child);
      const run = await runMeasured(args, env);
      return { ...run, sandboxCpuMs: (await sandboxCpuMs(child)) - before };
    };
    const setup = await measured([
      "fleet",
      "setup",
      "--fleet",
      fleetFile,
      ...common,
      "--concurrency",
      String(CONCURRENCY),
    ]);
    const setupDoc = JSON.parse(setup.stdout || "{}") as { summary?: { done: number; failed: number } };
    signal?.throwIfAborted();
    const plants = await plantProblems(child, started.customers, path.join(dir, "state.json"));
    await send(child, `faults latency=${LATENCY}`);
    const checkArgs = (file: string) => [
      "fleet",
      "check",
      "--fleet",
      file,
      ...common,
      "--concurrency",
      String(CONCURRENCY),
    ];
    const tenth = await measured(checkArgs(tenthFile));
    const load = os.loadavg()[0] ?? 0;
    const full = await measured(checkArgs(fleetFile));
    const doc = JSON.parse(full.stdout || "{}") as {
      tenants?: TenantHealth[];
      summary?: { lights: Record<string, number> };
    };
    const tally = tallyFleet(started.customers, doc.tenants ?? [], plants);
    const lights = doc.summary?.lights ?? {};
    const exactAll = tally.exact === TENANTS;
    const memoryRatio = tenth.peakRss > 0 ? full.peakRss / tenth.peakRss : Number.NaN;
    // Exit 3: tenants need action, as planted; anything else (1, 2, ...) is a failed run.
    const timePass = full.code === 3 && exactAll && full.ms < 60_000;
    const found =
      `${tally.found}/${tally.planted} planted problems found, ${tally.falseFindings} false findings, ${tally.exact}/${TENANTS} tenants exact` +
      (tally.notOnboarded > 0
        ? ` (${tally.notOnboarded} not onboarded by fleet setup, expected as such)`
        : "");
    return {
      id: "fleet-cli",
      title: TITLE,
      method:
        `A fleet sandbox with a partner and ${TENANTS} customer tenants (GDAP to each, EWS enabled) runs in its own process. ` +
        `\`fleet setup\` (the bundled CLI) onboards all of them after one partner sign-in, ${CONCURRENCY} at a time, at 0 ms ` +
        `latency; then every Entra and Graph request gets ${LATENCY} ms and \`fleet check\` (each app's own certificate, no ` +
        `admin) runs over the first ${TENTH} tenants (a tenth, at least the ${CONCURRENCY} in flight) and over all ${TENANTS}, ${CONCURRENCY} at a time. ` +
        `Before the checks, every tenth tenant (${[...plants.values()].filter((p) => p.kind !== "not-onboarded").length}) gets a problem in the sandbox, rotating through five: one app role's ` +
        "admin consent removed, two roles of two APIs removed, the Exchange Online delegated grant revoked, the app's " +
        "certificate deleted from its registration, EWS switched off for the organization (packages/bench/src/fleet-plants.ts). " +
        "Correct: each planted problem reported by kind and naming its permission or workload, and no other problem on any " +
        "tenant (a tenant is exact when both hold). Memory: the CLI process's peak resident set (VmHWM from /proc); CPU: the CLI's " +
        "user + system time (/proc) and the sandbox process's over the same command.",
      tables: [
        {
          headers: [
            "Command",
            "Tenants",
            "Latency",
            "Wall time",
            "CLI CPU",
            "Sandbox CPU",
            "Peak memory",
            "Result",
          ],
          rows: [
            [
              "`fleet setup`",
              TENANTS,
              "0 ms",
              formatMs(setup.ms),
              formatMs(setup.cpuMs),
              formatMs(setup.sandboxCpuMs),
              formatBytes(setup.peakRss),
              `${setupDoc.summary?.done ?? 0} onboarded, ${setupDoc.summary?.failed ?? "?"} failed (exit ${setup.code})`,
            ],
            [
              "`fleet check`",
              TENTH,
              `${LATENCY} ms`,
              formatMs(tenth.ms),
              formatMs(tenth.cpuMs),
              formatMs(tenth.sandboxCpuMs),
              formatBytes(tenth.peakRss),
              `exit ${tenth.code}`,
            ],
            [
              "`fleet check`",
              TENANTS,
              `${LATENCY} ms`,
              formatMs(full.ms),
              formatMs(full.cpuMs),
              formatMs(full.sandboxCpuMs),
              formatBytes(full.peakRss),
              `${lights.green ?? 0} green, ${lights.amber ?? 0} amber, ${lights.red ?? 0} red; ${found} (exit ${full.code})`,
            ],
          ],
          align: ["l", "r", "r", "r", "r", "r", "r", "l"],
        },
      ],
      targets: [
        {
          target: TARGET_TIME,
          figure: `${formatMs(full.ms)}, ${tally.exact}/${TENANTS} tenants exact (${tally.found}/${tally.planted} planted found, ${tally.falseFindings} false)`,
          pass: timePass,
          ...(timePass
            ? {}
            : {
                why:
                  full.code !== 3
                    ? `exit ${full.code}: ${full.stderrTail.split("\n").slice(-3).join(" ")}`
                    : !exactAll
                      ? tally.examples.join(" | ")
                      : `load average ${load.toFixed(1)}`,
              }),
        },
        {
          target: TARGET_MEMORY,
          figure: `${formatBytes(full.peakRss)} vs ${formatBytes(tenth.peakRss)} (${memoryRatio.toFixed(2)}x)`,
          pass: memoryRatio < 1.5,
        },
      ],
      notes: [
        `Load average ${load.toFixed(1)} on ${os.cpus().length} cores when the checks ran.`,
        "Where `fleet setup`'s CPU goes (a profile of 30 tenants): the PFX's MAC key derivation ran 100,000 PKCS#12 " +
          "iterations in pkijs's pure-JS SHA-256, 10.5 s of 18.5 s; at OpenSSL's 2048 (the same count as the key " +
          "bag's PBKDF2) it is a few ms. What is left per tenant: an RSA 2048 key pair, msal-node's client " +
          "assertions (an RS256 signature per token) and JSON: each tenant's observe downloads Microsoft Graph's " +
          "service principal with its app roles and scopes (the sandbox's fixture of the real one is 680 KB) and " +
          "the proof reads its app roles again. (One msal client for every tenant's silent token made each call scan all " +
          "the tenants' cached tokens: 380 ms of CPU a tenant at the start of 1,000, 650 ms by tenant 435; with a " +
          "client per tenant it stays near 350 ms, and 1,000 tenants took 546 s and 337 s of CLI CPU at load 8-13.)",
      ],
      charts: [],
    };
  } finally {
    child.send("stop");
    await rm(dir, { recursive: true, force: true });
  }
}
