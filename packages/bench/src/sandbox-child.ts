/** Child process that hosts the sandbox, so its CPU work (TLS, JSON, token signing) is not the client's. */
import { startSandbox } from "@boxafe-connect/sandbox";
import { serveParent } from "./forked-sandbox.js";

const home = process.env.BOXAFE_BENCH_SANDBOX_HOME;
const sandbox = await startSandbox({ port: 0, seed: 42, autoApprove: true, ...(home ? { home } : {}) });
serveParent(
  {
    url: sandbox.url,
    tenantId: sandbox.tenantId,
    tenantDomain: sandbox.tenantDomain,
    caPem: sandbox.caPem,
  },
  () => sandbox.stop(),
);
