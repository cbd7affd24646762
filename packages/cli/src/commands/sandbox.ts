/** `sandbox`: runs the local sandbox tenant until Ctrl-C, with the same output as `pnpm sandbox`. */
import { performance } from "node:perf_hooks";
import type { FaultSpec } from "@boxafe-connect/sandbox";
import { NO_FAULTS, parseFaults, startSandbox } from "@boxafe-connect/sandbox";
import { takeOverInterrupt } from "../cli/interrupt.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { startFleetFromFlags } from "./sandbox-fleet.js";

/** The fault fields that differ from none, as a SPEC string. */
function formatFaults(spec: FaultSpec): string {
  return (Object.keys(NO_FAULTS) as (keyof FaultSpec)[])
    .filter((key) => spec[key] !== NO_FAULTS[key])
    .map((key) => `${key}=${spec[key]}`)
    .join(",");
}

function integer(context: CommandContext, name: string, fallback: number, max: number): number {
  const raw = stringOption(context, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}.`, "sandbox");
  return n;
}

export async function runSandbox(context: CommandContext): Promise<number> {
  const port = integer(context, "port", 8443, 65535);
  const seed = integer(context, "seed", 1, Number.MAX_SAFE_INTEGER);
  let faults: ReturnType<typeof parseFaults>;
  try {
    faults = parseFaults(stringOption(context, "faults"));
  } catch (error) {
    throw new UsageError(`--faults: ${error instanceof Error ? error.message : String(error)}`, "sandbox");
  }
  const autoApprove = flag(context, "auto-approve");
  const stateFile = stringOption(context, "state-file");
  const tenants = stringOption(context, "tenants");
  if (tenants !== undefined) {
    const count = integer(context, "tenants", 1, 10_000);
    if (count < 1) throw new UsageError("--tenants must be a whole number from 1 to 10000.", "sandbox");
    const fleet = await startFleetFromFlags(context, count, { port, seed, autoApprove });
    return new Promise<number>((resolve) => {
      const stop = () =>
        fleet.stop().then(
          () => resolve(0),
          () => resolve(1),
        );
      takeOverInterrupt(stop);
      process.once("SIGTERM", stop);
    });
  }
  const started = performance.now();
  const sandbox = await startSandbox({
    port,
    seed,
    faults,
    autoApprove,
    ...(stateFile ? { stateFile } : {}),
  });
  const ms = Math.round(performance.now() - started);
  const { url, tenantId, tenantDomain, caFile, admin, users } = sandbox;
  if (context.out.json) {
    process.stdout.write(
      `${JSON.stringify({ url, tenantId, tenantDomain, caFile, admin, users, faults: formatFaults(faults), startupMs: ms })}\n`,
    );
  } else {
    context.out.print(
      [
        `Sandbox tenant ready in ${ms} ms`,
        `  URL        ${url}`,
        `  Tenant     ${tenantId} (${tenantDomain})`,
        `  Admin      ${admin.upn} (Global Administrator)`,
        `  Users      ${users.map((u) => `${u.upn.split("@")[0]} (${u.roles.join(", ") || "no role"})`).join(", ")}`,
        `  CA file    ${caFile}   (NODE_EXTRA_CA_CERTS=${caFile})`,
        `  Faults     ${formatFaults(faults) || "none"}${autoApprove ? "   device codes auto-approved" : ""}`,
        `Try: boxafe-connect setup --sandbox ${url}`,
        "Press Ctrl+C to stop.",
      ].join("\n"),
    );
  }
  return new Promise<number>((resolve) => {
    const stop = () => {
      sandbox.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    takeOverInterrupt(stop);
    process.once("SIGTERM", stop);
  });
}
