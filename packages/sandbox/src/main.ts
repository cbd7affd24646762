import { parseArgs } from "node:util";
import { formatFaults, parseFaults } from "./faults.js";
import { startSandbox } from "./sandbox.js";

const HELP = `Usage: pnpm sandbox [options]

Starts the local Entra ID + Microsoft Graph sandbox tenant over HTTPS.

  --port N            port on localhost (default 8443; 0 = any free port)
  --json              print one JSON line (url, tenantId, tenantDomain, caFile, admin, users)
  --auto-approve      approve device codes as the Global Administrator without a browser
  --faults SPEC       e.g. latency=100,throttle=0.1,retryAfter=1,unavailable=0.05,lost=0.02,lag=2000,tokenLifetime=300
  --seed N            seed for the fault generator (default 1)
  --state-file PATH   keep the directory in PATH (0600) across restarts
  --ews-delay MS      how long an EWS allow-list change takes to reach EWS (default 60000; up to 24 h in Exchange Online)
  -h, --help          show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8443" },
      json: { type: "boolean", default: false },
      "auto-approve": { type: "boolean", default: false },
      faults: { type: "string" },
      seed: { type: "string", default: "1" },
      "state-file": { type: "string" },
      "ews-delay": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error("--port must be an integer between 0 and 65535");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const faults = parseFaults(values.faults);
  const ewsDelay = values["ews-delay"] === undefined ? undefined : Number(values["ews-delay"]);
  if (ewsDelay !== undefined && !(Number.isInteger(ewsDelay) && ewsDelay >= 0))
    throw new Error("--ews-delay must be a whole number of milliseconds >= 0");
  const started = performance.now();
  const sandbox = await startSandbox({
    port,
    seed,
    faults,
    autoApprove: values["auto-approve"],
    stateFile: values["state-file"],
    ...(ewsDelay === undefined ? {} : { ewsPropagationMs: ewsDelay }),
  });
  const ms = Math.round(performance.now() - started);
  if (values.json) {
    const { url, tenantId, tenantDomain, caFile, admin, users } = sandbox;
    process.stdout.write(
      `${JSON.stringify({ url, tenantId, tenantDomain, caFile, admin, users, faults: formatFaults(faults), startupMs: ms })}\n`,
    );
  } else {
    const lines = [
      `Sandbox tenant ready in ${ms} ms`,
      `  URL        ${sandbox.url}`,
      `  Tenant     ${sandbox.tenantId} (${sandbox.tenantDomain})`,
      `  Admin      ${sandbox.admin.upn} (Global Administrator)`,
      `  Users      ${sandbox.users.map((u) => `${u.upn.split("@")[0]} (${u.roles.join(", ") || "no role"})`).join(", ")}`,
      `  CA file    ${sandbox.caFile}   (NODE_EXTRA_CA_CERTS=${sandbox.caFile})`,
      `  Faults     ${formatFaults(faults) || "none"}${values["auto-approve"] ? "   device codes auto-approved" : ""}`,
      "Press Ctrl+C to stop.",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  const stop = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox: ${(e as Error).message}\n`);
  process.exit(1);
});
