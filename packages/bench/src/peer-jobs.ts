/**
 * One admin job per tool against the benchmark's sandbox, both through the same loopback TLS front
 * (packages/conformance): CLI for Microsoft 365 as `m365 login` (device code) + `m365 entra app add`
 * with Table 1, `--grantAdminConsent --withSecret`; ours as `boxafe-connect setup --yes --json` (the
 * built CLI: sign-in, setup and verification). Counted the same way for both: Graph requests and
 * token requests by the sandbox, sequential Graph round trips from the front's request log.
 */
import os from "node:os";
import { join } from "node:path";
import {
  boxafeCliEnv,
  type Peer,
  type RequestRecord,
  registerM365Identity,
  runBoxafeCli,
  sequentialRoundTrips,
} from "@boxafe-connect/conformance";
import { printable } from "@boxafe-connect/core";
import { graphSubRequests } from "./sandbox-hooks.js";
import type { SandboxHost } from "./sandbox-host.js";

export type Tool = "m365" | "ours";

export interface JobSample {
  readonly tool: Tool;
  /** Exit 0 (ours: and its own verification complete). */
  readonly ok: boolean;
  /** Spawn to exit of every process of the job. */
  readonly wallMs: number;
  readonly processes: number;
  /** Top-level Graph HTTP requests the sandbox received (a $batch counts once). */
  readonly graphRequests: number;
  /** Graph operations, $batch items counted one by one. */
  readonly subRequests: number;
  /** Longest chain of Graph requests each sent after the previous one was answered. */
  readonly roundTrips: number;
  /**
   * The same, for the Graph requests sent before the first token request that follows a Graph call:
   * ours' setup without its verification (whose app tokens come next); m365's whole job.
   */
  readonly roundTripsBeforeVerify: number;
  /** First Graph request sent to last Graph answer, on the front's wire: the job without start-up. */
  readonly graphWireMs: number;
  readonly tokenRequests: number;
  readonly writes: number;
  /** 1-minute load average when the job ended. */
  readonly load: number;
  /** The first line of what went wrong (stderr only: stdout carries the secret). */
  readonly failure?: string;
  /**
   * Start to a verified result: every permission proven with real tokens and read-backs. Ours verifies
   * before it exits (its wall time); m365 does not, so its hand-over is verified after it exits.
   */
  readonly verifiedMs?: number;
}

/** Verifies a handed-over app (appId + secret) by the same rules for both tools; true when complete. */
export type VerifyHandOver = (appId: string, secret: string) => Promise<boolean>;

export interface PeerRig {
  readonly host: SandboxHost;
  readonly peer: Peer;
  readonly dir: string;
  /** The appId of m365's own identity in the current tenant (registered by `freshTenant`). */
  identity: string;
  runs: number;
}

/** Back to the seed tenant with m365's own sign-in app registered (as its docs ask), counters zeroed. */
export async function freshTenant(rig: PeerRig, faults: string): Promise<void> {
  await rig.host.hooks.setFaults("latency=0");
  await rig.host.hooks.reset();
  rig.identity = await registerM365Identity(rig.host.url, await rig.host.adminToken());
  await startCounting(rig, faults);
}

export async function startCounting(rig: PeerRig, faults: string): Promise<void> {
  await rig.host.hooks.setFaults(faults, 42);
  await rig.host.hooks.resetStats();
  rig.peer.front.clearLog();
}

const isToken = (r: RequestRecord) => r.target.includes("/oauth2/");

/**
 * When ours starts verifying: its first run of token requests after Graph calls began (its app tokens, one
 * per API, at once). The sign-in's come before any Graph call, and the sign-in asks for preflight's
 * Policy.Read.All up front, so no consent request comes between; the workload proofs and the SharePoint
 * step ask for tokens again later, which is why it is the first run, not the last. undefined: none.
 */
export function verificationStart(wire: readonly RequestRecord[]): number | undefined {
  const sorted = [...wire].sort((a, b) => a.sentAt - b.sentAt);
  const firstGraph = sorted.findIndex((r) => r.target.startsWith("/v1.0/"));
  if (firstGraph < 0) return undefined;
  return sorted.slice(firstGraph).find(isToken)?.sentAt;
}

function wireSpan(requests: readonly RequestRecord[]): number {
  if (requests.length === 0) return 0;
  const sent = Math.min(...requests.map((r) => r.sentAt));
  const answered = Math.max(...requests.map((r) => r.answeredAt ?? r.sentAt));
  return answered - sent;
}

function firstLine(text: string): string {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => /error|fail|denied|not /i.test(l));
  // Tool output can carry what the tenant said: control characters are shown escaped, never sent raw.
  return printable(line ?? text.trim().split("\n").at(-1) ?? "", 200);
}

async function counted(
  rig: PeerRig,
  tool: Tool,
  run: { ok: boolean; wallMs: number; processes: number; stderr: string },
): Promise<JobSample> {
  const stats = await rig.host.hooks.stats();
  const wire = rig.peer.front.requests();
  const graph = wire.filter((r) => r.target.startsWith("/v1.0/"));
  const verifyStarts = verificationStart(wire);
  const beforeVerify = graph.filter((r) => verifyStarts === undefined || r.sentAt < verifyStarts);
  return {
    tool,
    ok: run.ok,
    wallMs: run.wallMs,
    processes: run.processes,
    graphRequests: stats.roundTrips,
    subRequests: graphSubRequests(stats),
    roundTrips: sequentialRoundTrips(graph),
    roundTripsBeforeVerify: sequentialRoundTrips(beforeVerify),
    graphWireMs: wireSpan(graph),
    tokenRequests: stats.tokenRequests,
    writes: stats.writes,
    load: os.loadavg()[0] ?? 0,
    ...(run.ok ? {} : { failure: firstLine(run.stderr) }),
  };
}

/** `m365 login` then `m365 entra app add`; `signIn: false` reuses the session (a second run). */
export async function m365Job(
  rig: PeerRig,
  name: string,
  signIn = true,
  verify?: VerifyHandOver,
): Promise<JobSample> {
  let wallMs = 0;
  let processes = 0;
  if (signIn) {
    // The benchmark's sandbox auto-approves device codes, for both tools alike.
    const login = await rig.peer.login({ appId: rig.identity });
    wallMs += login.ms;
    processes += 1;
    if (login.code !== 0) return counted(rig, "m365", { ok: false, wallMs, processes, stderr: login.stderr });
  }
  const add = await rig.peer.addApp(name);
  const sample = await counted(rig, "m365", {
    ok: add.code === 0,
    wallMs: wallMs + add.ms,
    processes: processes + 1,
    stderr: add.stderr,
  });
  if (!verify || add.code !== 0) return sample;
  // The secret stays in this scope: parsed from m365's stdout, handed to the verifier, never stored.
  const out = JSON.parse(add.stdout) as { appId?: string; secrets?: { value?: string }[] };
  const secret = out.secrets?.[0]?.value;
  if (!out.appId || !secret) return { ...sample, ok: false, failure: "m365 printed no appId or secret" };
  const started = performance.now();
  const verified = await verify(out.appId, secret);
  return verified ? { ...sample, verifiedMs: sample.wallMs + performance.now() - started } : sample;
}

/** `boxafe-connect setup --yes --json` through the front; `config` names the CLI's config directory. */
export async function oursJob(rig: PeerRig, name: string, config: string): Promise<JobSample> {
  const run = await runBoxafeCli(
    ["setup", "--yes", "--boxafe", "1.4", "--json", "--app-name", name, "--sandbox", rig.peer.frontUrl],
    boxafeCliEnv(join(rig.dir, config), rig.peer.caPems),
  );
  let verified = false;
  let unchanged = false;
  try {
    const doc = JSON.parse(run.stdout) as {
      ok?: boolean;
      changed?: boolean;
      verification?: { complete?: boolean } | null;
    };
    verified = doc.ok === true && doc.verification?.complete === true;
    // A re-run that finds everything in place changes nothing and has no new secret to prove.
    unchanged = doc.ok === true && doc.changed === false;
  } catch {
    verified = false;
  }
  const sample = await counted(rig, "ours", {
    ok: run.code === 0 && (verified || unchanged),
    wallMs: run.ms,
    processes: 1,
    stderr: run.stderr,
  });
  return verified ? { ...sample, verifiedMs: run.ms } : sample;
}
