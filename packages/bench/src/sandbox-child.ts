/** Child process that hosts the sandbox, so its CPU work (TLS, JSON, token signing) is not the client's. */
import { startSandbox } from "@boxafe-connect/sandbox";

const home = process.env.BOXAFE_BENCH_SANDBOX_HOME;
const sandbox = await startSandbox({ port: 0, seed: 42, autoApprove: true, ...(home ? { home } : {}) });
process.send?.({
  url: sandbox.url,
  tenantId: sandbox.tenantId,
  tenantDomain: sandbox.tenantDomain,
  caPem: sandbox.caPem,
});
process.on("message", (message) => {
  if (message === "stop") void sandbox.stop().then(() => process.exit(0));
  // CPU the sandbox has used so far (user + system, microseconds), for the fleet's cost breakdown.
  if (message === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
});
process.on("disconnect", () => void sandbox.stop().then(() => process.exit(0)));
