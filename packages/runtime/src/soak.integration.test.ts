/**
 * Seeded soak: 200 fresh setups with throttling, 503, lost responses, 504 after commit (gateway),
 * intermittent replication lag, credential and role propagation and shuffled $batch order all on. Every
 * run converges within its retry budget or on one re-run, and never duplicates: one app, one service
 * principal, the same consents as a clean run, one secret (the one handed back), and that secret's Graph
 * token ends up holding every Table 1 Graph role (verify polls through credentialLag and roleLag).
 * Runs are serial per sandbox; four sandboxes (one CA) share the seeds, since the time is waiting.
 * No latency: the behaviour, not the round-trip time, is under test (CI time; BENCHMARKS.md has latency).
 *
 * Replication lag is 20 ms here (CI time); `BOXAFE_SOAK_LAG=200` runs Entra-like lag. Measured 2026-12-01
 * (after the re-run's upsert stopped writing tags from a read that missed the app, wave-application.ts):
 *   lag 20 ms:  200/200 seeds in each of 2 runs, 180 and 184 converged in-run, 20 and 16 on one re-run;
 *   lag 200 ms: 200/200 seeds in each of 2 runs, 180 converged in-run, 20 on one re-run;
 *   every run 0 duplicates and 0 orphan secrets (before: at 200 ms seeds 160 and 190 ended with 2 secrets,
 *   the interrupted run's one unrecognised). No seed needed a second re-run. The re-runs are the
 *   every-tenth seeds, given a 60 ms budget on purpose; the others converge in-run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppTokenPort, boxafeProfile, resolveProfile, verify } from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, holdings, runSetup, type SetupRun, startHarness } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";

const RUNS = Number(process.env.BOXAFE_SOAK_RUNS ?? 200);
const SHARDS = 4;
/** BOXAFE_SOAK_SEEDS=190,17 replays only those seeds (to look at one failure). */
const ONLY = (process.env.BOXAFE_SOAK_SEEDS ?? "").split(",").filter(Boolean).map(Number);
/** BOXAFE_SOAK_LAG=200 sets the replication lag in ms (default 20, which keeps `pnpm test` short). */
const LAG = Number(process.env.BOXAFE_SOAK_LAG ?? 20);
const FAULTS = `throttle=0.04,unavailable=0.04,lost=0.03,gateway=0.03,lag=${LAG},lagChance=0.5,credentialLag=300,roleLag=300,shuffle=1,retryAfter=0`;
const graphRoles = resolveProfile(boxafeProfile).filter(
  (p) => p.kind === "application" && p.resource === "microsoft-graph",
);

interface Shard {
  readonly h: Harness;
  readonly token: string;
  readonly appToken: AppTokenPort;
}

interface Tally {
  inRun: number;
  onReRun: number;
  requests: number;
  readonly gaveUp: string[];
}

async function soakRun(
  shard: Shard,
  seed: number,
  clean: ReturnType<typeof holdings>,
  tally: Tally,
): Promise<void> {
  const { h, token } = shard;
  await h.reset();
  await h.faults(FAULTS, seed);
  // The sandbox sends Retry-After: 0 (retryAfter=0), which the runner honours as sent.
  const deps = h.deps(h.graph(token), { baseMs: 10, capMs: 100, budgetMs: 20_000 });
  // Every tenth run gets a budget too short to ride out the faults, so the re-run path is exercised.
  const short = seed % 10 === 0 ? { ...deps, retry: { ...deps.retry, budgetMs: 60 } } : deps;
  let returned: SetupRun | undefined;
  try {
    returned = await runSetup(short);
    tally.inRun++;
  } catch (error) {
    tally.gaveUp.push(`seed ${seed}: ${(error as { code?: string }).code ?? String(error)}`);
  }
  // A run that gave up (budget) is repeated once, still under faults; it must finish the job.
  const rerun =
    returned === undefined
      ? await runSetup(deps).catch((error: unknown) => {
          throw new Error(`seed ${seed}: the re-run failed too: ${String(error)}`);
        })
      : undefined;
  if (rerun !== undefined) tally.onReRun++;
  const final = returned ?? rerun;
  tally.requests += final?.counted.stats().requests ?? 0;
  const state = await h.state();
  expect(holdings(state), `seed ${seed}`).toEqual(clean);
  const secrets = state.applications[0]?.passwordCredentials.map((p) => p.keyId);
  expect(secrets, `seed ${seed}: one secret, the one handed back`).toEqual([final?.result.secret?.keyId]);
  // The handed-over secret works and its Graph token carries every Table 1 Graph role.
  const report = await verify(
    { ...nodePorts(), appToken: shard.appToken },
    {
      tenantId: h.sandbox.tenantId,
      clientId: final?.result.application.appId ?? "",
      credential: { kind: "secret", secret: final?.result.secret?.secretText ?? "" },
      permissions: graphRoles,
      cloud: h.cloud,
      deadlineMs: 20_000,
      credentialGraceMs: 20_000,
      poll: { baseMs: 100, capMs: 400 },
    },
  );
  const graph = report.tokens.find((t) => t.resource === "microsoft-graph");
  expect(graph?.ok, `seed ${seed}: a Graph token for the handed-over secret`).toBe(true);
  expect([...(graph?.roles ?? [])].sort(), `seed ${seed}: every Table 1 Graph role`).toEqual(
    graphRoles.map((p) => p.value).sort(),
  );
}

describe(`soak: ${RUNS} setups under faults (${FAULTS})`, () => {
  const home = mkdtempSync(join(tmpdir(), "boxafe-soak-"));
  const shards: Shard[] = [];
  let clean: ReturnType<typeof holdings>;

  beforeAll(async () => {
    for (let i = 0; i < SHARDS; i++) {
      const h = await startHarness({ home });
      shards.push({
        h,
        token: await h.signIn(h.sandbox.admin.upn),
        appToken: createMsalAppTokenPort({ authorityHost: h.sandbox.url }),
      });
    }
    const first = shards[0] as Shard;
    await runSetup(first.h.deps(first.h.graph(first.token)));
    clean = holdings(await first.h.state());
  });
  afterAll(async () => {
    await Promise.all(shards.map((s) => s.h.stop()));
    rmSync(home, { recursive: true, force: true });
  });

  it("converges every time, never a duplicate", async () => {
    const tally: Tally = { inRun: 0, onReRun: 0, requests: 0, gaveUp: [] };
    await Promise.all(
      shards.map(async (shard, i) => {
        for (let seed = i + 1; seed <= RUNS; seed += SHARDS) {
          if (ONLY.length === 0 || ONLY.includes(seed)) await soakRun(shard, seed, clean, tally);
        }
      }),
    );
    expect(tally.inRun + tally.onReRun).toBe(ONLY.length > 0 ? ONLY.length : RUNS);
    if (ONLY.length === 0) expect(tally.onReRun).toBeGreaterThan(0);
    console.info(
      `soak: ${tally.inRun} converged in-run, ${tally.onReRun} on the re-run (${tally.gaveUp.join("; ") || "none"}), ${tally.requests} $batch requests`,
    );
  }, 600_000);
});
