/**
 * Starts the sandbox for a benchmark, in a child process (default: the sandbox plays Microsoft's
 * servers, so it must not share the client's event loop) or in this process (unit tests), and
 * signs in its Global Administrator by device code (auto-approved) for a delegated Graph token.
 */
import { adminScopes } from "@boxafe-connect/core";
import { deviceCodeSignIn, trustCa } from "@boxafe-connect/runtime";
import { GRAPH_CLI_CLIENT_ID, startSandbox } from "@boxafe-connect/sandbox";
import { sandboxCpuMs as childCpuMs, forkSandbox } from "./forked-sandbox.js";
import { createHooks, type SandboxHooks } from "./sandbox-hooks.js";

export interface SandboxHost {
  readonly url: string;
  readonly tenantId: string;
  readonly tenantDomain: string;
  readonly caPem: string;
  readonly hooks: SandboxHooks;
  /** A delegated Graph token of the Global Administrator (Application, AppRoleAssignment, DelegatedPermissionGrant). */
  adminToken(): Promise<string>;
  /** CPU time the sandbox process has used so far, in ms (undefined when it runs in this process). */
  sandboxCpuMs(): Promise<number | undefined>;
  stop(): Promise<void>;
}

interface Started {
  url: string;
  tenantId: string;
  tenantDomain: string;
  caPem: string;
}

const ADMIN_SCOPES = adminScopes("https://graph.microsoft.com");

export async function startHost(options: { inProcess?: boolean; home?: string } = {}): Promise<SandboxHost> {
  let started: Started;
  let stopSandbox: () => Promise<void>;
  let sandboxCpuMs = async (): Promise<number | undefined> => undefined;
  if (options.inProcess) {
    const sandbox = await startSandbox({
      port: 0,
      seed: 42,
      autoApprove: true,
      ...(options.home ? { home: options.home } : {}),
    });
    started = sandbox;
    stopSandbox = () => sandbox.stop();
  } else {
    const { child, started: info } = await forkSandbox<Started>(
      new URL("./sandbox-child.ts", import.meta.url),
      {
        name: "the sandbox child",
        env: { ...process.env, ...(options.home ? { BOXAFE_BENCH_SANDBOX_HOME: options.home } : {}) },
        startWithinMs: 60_000,
        // BENCH_PROFILE_SANDBOX=<dir> writes a CPU profile of the sandbox (to see where its time goes).
        execArgv: process.env.BENCH_PROFILE_SANDBOX
          ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_SANDBOX}`]
          : [],
      },
    );
    started = info;
    sandboxCpuMs = () => childCpuMs(child);
    stopSandbox = () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
        setTimeout(() => child.kill(), 5000).unref();
      });
  }
  trustCa(started.caPem, started.url);
  const hooks = createHooks(started.url, started.caPem);
  let token: Promise<string> | undefined;
  const adminToken = (): Promise<string> => {
    token ??= deviceCodeSignIn({
      authorityHost: started.url,
      tenant: started.tenantId,
      clientId: GRAPH_CLI_CLIENT_ID,
      scopes: ADMIN_SCOPES,
      onCode: () => undefined,
    }).then((signIn) => signIn.accessToken);
    return token;
  };
  return {
    ...started,
    hooks,
    adminToken,
    sandboxCpuMs: () => sandboxCpuMs(),
    stop: async () => {
      hooks.close();
      await stopSandbox();
    },
  };
}
