/**
 * A sandbox in a child process of the benchmark (it plays Microsoft's servers, so it must not share
 * the client's event loop), both halves of the small protocol over Node's IPC channel: the child
 * sends one "started" message, then answers "cpu" with its CPU time and stops on "stop" or when the
 * parent goes away. sandbox-host.ts (one tenant) and bench-fleet-cli.ts (a fleet) fork such children.
 */
import { type ChildProcess, fork, type Serializable } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ForkOptions {
  /** Names the child in errors ("the sandbox child"). */
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  /** How long its "started" message may take (a fleet of 1,000 tenants takes longer than one). */
  readonly startWithinMs: number;
  /** Node options beyond the TypeScript loader (a CPU profile, say). */
  readonly execArgv?: readonly string[];
}

/** Forks `script` (a .ts module beside this one) and waits for its first message: what it started. */
export function forkSandbox<Started>(
  script: URL,
  options: ForkOptions,
): Promise<{ child: ChildProcess; started: Started }> {
  const child = fork(fileURLToPath(script), [], {
    // Under `tsx` the parent's execArgv already carries the loader; keep it for the child.
    execArgv: [
      ...(process.execArgv.some((a) => a.includes("tsx")) ? process.execArgv : ["--import", "tsx"]),
      ...(options.execArgv ?? []),
    ],
    env: options.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const seconds = Math.round(options.startWithinMs / 1000);
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not start within ${seconds} s`)),
      options.startWithinMs,
    );
    child.once("message", (message) => {
      clearTimeout(timer);
      resolve({ child, started: message as Started });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code} before it started`));
    });
  });
}

/**
 * Sends `message` and waits for the child's answer to it: the first message `answer` accepts (it
 * returns undefined for the others, which other askers may be waiting for).
 */
export function askChild<T>(
  child: ChildProcess,
  message: Serializable,
  answer: (message: unknown) => T | undefined,
): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (reply: unknown) => {
      const value = answer(reply);
      if (value === undefined) return;
      child.off("message", onMessage);
      resolve(value);
    };
    child.on("message", onMessage);
    child.send(message);
  });
}

/** CPU the sandbox process has used so far (user + system), in ms. */
export function sandboxCpuMs(child: ChildProcess): Promise<number> {
  return askChild(child, "cpu", (message) => {
    const micros = (message as { cpuMicros?: unknown }).cpuMicros;
    return typeof micros === "number" ? micros / 1000 : undefined;
  });
}

/**
 * The child's half: reports `started` to the parent, answers "cpu", passes any other message to
 * `onMessage`, and stops the sandbox (then exits) on "stop" or when the parent disconnects.
 */
export function serveParent(
  started: unknown,
  stop: () => Promise<void>,
  onMessage: (message: unknown) => void = () => undefined,
): void {
  const exit = () => void stop().then(() => process.exit(0));
  process.send?.(started);
  process.on("message", (message) => {
    // CPU this process has used so far (user + system, microseconds), for the section's cost breakdown.
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    } else if (message === "stop") exit();
    else onMessage(message);
  });
  process.on("disconnect", exit);
}
