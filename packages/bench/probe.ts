import { performance } from "node:perf_hooks";
import { configure, graphPortFor, verifyApp } from "./src/ours.js";
import { mapPool } from "./src/pool.js";
import { startHost } from "./src/sandbox-host.js";

const host = await startHost({});
const token = await host.adminToken();
const graph = graphPortFor(host.url, async () => token);
let t = performance.now();
let c = process.cpuUsage();
const apps = await mapPool(
  Array.from({ length: 100 }, (_, i) => i),
  8,
  async (i) => {
    const r = await configure(graph, { displayName: `F ${i}` });
    return { appId: r.result.application.appId, secret: r.result.secret?.secretText ?? "" };
  },
);
let cu = process.cpuUsage(c);
console.log(
  "setup 100",
  (performance.now() - t).toFixed(0),
  "client cpu ms",
  ((cu.user + cu.system) / 1000).toFixed(0),
);
await host.hooks.setFaults(`latency=100`);
for (const conc of [64, 16]) {
  t = performance.now();
  c = process.cpuUsage();
  await mapPool(apps, conc, async (a) => {
    await verifyApp({
      origin: host.url,
      tenantId: host.tenantId,
      appId: a.appId,
      secret: a.secret,
      deadlineMs: 0,
    });
  });
  cu = process.cpuUsage(c);
  console.log(
    `verify 100 conc ${conc}`,
    (performance.now() - t).toFixed(0),
    "client cpu ms",
    ((cu.user + cu.system) / 1000).toFixed(0),
  );
}
await host.stop();
