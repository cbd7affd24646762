/**
 * `fleet rotate` killed after addKey answered but before the new certificate's proof (Entra still
 * propagating it: the sandbox's credentialLag) leaves the new certificate named in the state file
 * (its keyId, recorded as addKey answered) and marked unproven. `fleet retire` removes nothing and
 * `fleet check` keeps using the certificate the app accepts; the next `fleet rotate` finishes the same
 * certificate (no second key pair, no second addKey), and `fleet retire` then converges to one key.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFaults, type RunningFleetSandbox, startFleetSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, cliMain, requireBuild, runCli } from "./harness.js";

let fleet: RunningFleetSandbox;
let dir: string;
let env: Record<string, string>;
let fleetFile: string;
let statePath: string;
let store: string;

interface Record_ {
  readonly thumbprint?: string;
  readonly keyIds?: Record<string, string | null>;
  readonly unproven?: string[];
}

async function record(): Promise<Record_ | undefined> {
  try {
    const state = JSON.parse(await readFile(statePath, "utf8")) as { tenants: Record<string, Record_> };
    return Object.values(state.tenants)[0];
  } catch {
    return undefined;
  }
}

function args(...extra: string[]): string[] {
  return [
    "--fleet",
    fleetFile,
    "--sandbox",
    fleet.url,
    "--store",
    store,
    "--state",
    statePath,
    "--json",
    ...extra,
  ];
}

const app = () => {
  const a = fleet.customers[0]?.context.dir.data.applications[0];
  if (!a) throw new Error("no app in the customer tenant");
  return a;
};

/** Everything on the app happened an hour ago: the token service has long seen it. */
function settle(): void {
  const a = app() as { createdAt?: number; keyCredentials: { addedAt?: number }[] };
  const past = Date.now() - 3_600_000;
  a.createdAt = past;
  for (const k of a.keyCredentials) k.addedAt = past;
}

/** Runs `fleet rotate` and SIGKILLs it the moment the state names an unproven certificate by its keyId. */
function rotateKilledAfterAddKey(): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [cliMain, "fleet", "rotate", ...args("--within", "30")],
      {
        env,
        stdio: ["ignore", "ignore", "ignore"],
      },
    );
    let killed = false;
    const timer = setInterval(() => {
      void record().then((r) => {
        const pending = r?.unproven?.[0];
        if (!killed && pending && typeof r?.keyIds?.[pending] === "string") {
          killed = true;
          child.kill("SIGKILL");
        }
      });
    }, 20);
    child.on("error", reject);
    child.on("close", () => {
      clearInterval(timer);
      resolve(killed);
    });
  });
}

describe("fleet rotate killed between addKey's answer and the proof", () => {
  beforeAll(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "bc-fleet-killed-"));
    env = await childEnv(dir);
    fleet = await startFleetSandbox({
      tenants: 1,
      port: 0,
      autoApprove: true,
      home: env.BOXAFE_SANDBOX_HOME,
      ewsEnabled: "all",
    });
    env = await childEnv(dir, fleet.caPem);
    store = join(dir, "credentials");
    statePath = join(dir, "fleet.state.json");
    fleetFile = join(dir, "fleet.json");
    const c = fleet.customers[0];
    if (!c) throw new Error("no customer tenant");
    await writeFile(fleetFile, JSON.stringify({ tenants: [{ tenant: c.tenantId, label: "Customer 1" }] }));
  }, 120_000);
  afterAll(() => fleet?.stop());

  it("records the keyId at once, retire and check leave it alone, and a re-run finishes it without duplicates", async () => {
    const setup = await runCli(["fleet", "setup", ...args("--cert-days", "5")], env);
    expect(setup.code, setup.stderr.slice(-2000)).toBe(0);
    const first = await record();
    const old = first?.thumbprint;
    expect(old).toMatch(/^[0-9A-F]{40}$/);
    settle();
    // A new certificate takes a minute to reach the token service: the proof waits, and the run is killed.
    fleet.customers[0]?.context.faults.set(parseFaults("credentialLag=120000"));
    expect(await rotateKilledAfterAddKey()).toBe(true);
    const killed = await record();
    const pending = killed?.unproven?.[0] ?? "";
    expect(killed?.thumbprint).toBe(old);
    expect(killed?.unproven).toEqual([pending]);
    // The keyId recorded is the one on the app.
    const keyIds = app().keyCredentials.map((k) => (k as { keyId: string }).keyId);
    expect(keyIds).toHaveLength(2);
    expect(keyIds).toContain(killed?.keyIds?.[pending]);
    const folder = (await readdir(store))[0] ?? "";
    expect((await readdir(join(store, folder))).filter((f) => f.endsWith(".json"))).toHaveLength(2);

    // Phase two must not act: the new certificate was never proven nor reported rotated.
    const retire = await runCli(["fleet", "retire", ...args()], env);
    expect(retire.code, retire.stderr.slice(-2000)).toBe(0);
    const retired = JSON.parse(retire.stdout) as {
      tenants: { status: string; thumbprint?: string; detail?: string }[];
    };
    expect(retired.tenants[0]).toMatchObject({ status: "nothing-to-retire", thumbprint: old });
    expect(retired.tenants[0]?.detail).toContain("newer one not proven yet");
    expect(app().keyCredentials).toHaveLength(2);
    // check proves with the certificate the app accepts, not the one still propagating.
    const check = await runCli(["fleet", "check", ...args()], env);
    const health = JSON.parse(check.stdout) as { tenants: { problems: { kind: string }[] }[] };
    expect(health.tenants[0]?.problems.map((p) => p.kind)).not.toContain("credential-refused");

    // Entra has caught up: the re-run proves the same certificate and records it, adding nothing.
    fleet.customers[0]?.context.faults.set(parseFaults(""));
    const again = await runCli(["fleet", "rotate", ...args("--within", "30")], env);
    expect(again.code, again.stderr.slice(-2000)).toBe(0);
    const rotated = JSON.parse(again.stdout) as {
      counts: Record<string, number>;
      tenants: { detail?: string }[];
    };
    expect(rotated.counts).toMatchObject({ rotated: 1, failed: 0 });
    expect(rotated.tenants[0]?.detail).toContain("an interrupted rotation finished");
    expect(app().keyCredentials).toHaveLength(2);
    expect((await readdir(join(store, folder))).filter((f) => f.endsWith(".json"))).toHaveLength(2);
    const done = await record();
    expect(done?.thumbprint).toBe(pending);
    expect(done?.unproven).toBeUndefined();

    const finish = await runCli(["fleet", "retire", ...args()], env);
    expect(finish.code, finish.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(finish.stdout)).toMatchObject({ counts: { retired: 1, failed: 0 } });
    expect(app().keyCredentials.map((k) => (k as { keyId: string }).keyId)).toEqual([
      killed?.keyIds?.[pending],
    ]);
  }, 300_000);
});
