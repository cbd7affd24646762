/**
 * The bundled CLI run as a measured child process: wall time, peak resident memory (VmHWM) and CPU
 * (utime + stime) sampled from /proc while it runs, for the fleet section's commands.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { repoPath } from "./repo.js";

/** utime + stime of a live process from /proc/<pid>/stat, in ms (Linux clock ticks are 10 ms). */
export function procCpuMs(stat: string): number | undefined {
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * 10 : undefined;
}

export interface Measured {
  readonly code: number | null;
  readonly ms: number;
  readonly peakRss: number;
  /** The CLI's CPU time (user + system), as last sampled before it exited. */
  readonly cpuMs: number;
  readonly stdout: string;
  readonly stderrTail: string;
}

/** Runs the CLI and samples its resident memory from /proc (peak over the run). */
export function runMeasured(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [repoPath("packages/cli/dist/main.js"), ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let peakRss = 0;
    let cpuMs = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? /VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakRss = Math.max(peakRss, kb * 1024);
        cpuMs = Math.max(cpuMs, procCpuMs(readFileSync(`/proc/${child.pid}/stat`, "utf8")) ?? 0);
      } catch {
        // the process is gone
      }
    };
    const timer = setInterval(sample, 50);
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      err = (err + c).slice(-2000);
      sample();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({
        code,
        ms: performance.now() - started,
        peakRss,
        cpuMs,
        stdout: Buffer.concat(out).toString("utf8"),
        stderrTail: err,
      });
    });
  });
}
