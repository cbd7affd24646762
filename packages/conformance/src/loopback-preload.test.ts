import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PRELOAD } from "./m365-process.js";

/** Runs a script in a child with the preload, as m365 gets it (NODE_OPTIONS), and returns its stdout. */
async function withPreload(script: string, config: Record<string, unknown>): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_OPTIONS: `--require ${PRELOAD}`,
      BOXAFE_LOOPBACK: JSON.stringify(config),
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return stdout;
}

describe("loopback preload", () => {
  it("resolves the mapped names to 127.0.0.1 and refuses every other name, logging both", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bc-preload-"));
    const log = join(dir, "hosts.log");
    try {
      const out = await withPreload(
        `const dns = require("node:dns");
         dns.lookup("Graph.Microsoft.com", (e, a) => {
           dns.lookup("registry.npmjs.org", (e2) => {
             dns.promises.lookup("login.microsoftonline.com", { all: true }).then((all) =>
               console.log(JSON.stringify({ a, blocked: e2 && e2.code, all })));
           });
         });`,
        { hosts: ["graph.microsoft.com", "login.microsoftonline.com"], port: 1, log },
      );
      expect(JSON.parse(out)).toEqual({
        a: "127.0.0.1",
        blocked: "ENOTFOUND",
        all: [{ address: "127.0.0.1", family: 4 }],
      });
      const entries = (await readFile(log, "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(entries.map((e) => `${e.kind} ${e.host}`)).toEqual([
        "mapped graph.microsoft.com",
        "blocked registry.npmjs.org",
        "mapped login.microsoftonline.com",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("sends a mapped name's port 443 to the front's port and leaves other ports alone", async () => {
    const server = createServer((socket) => socket.end("front"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const out = await withPreload(
        `const net = require("node:net");
         const s = net.connect({ host: "graph.microsoft.com", port: 443 });
         let text = ""; s.on("data", (d) => (text += d)).on("end", () => console.log(text));`,
        { hosts: ["graph.microsoft.com"], port },
      );
      expect(out.trim()).toBe("front");
    } finally {
      server.close();
    }
  });
});
